/**
 * The scheduled work of the results workflow, run by the server every BSC_REMINDER_INTERVAL_MINUTES
 * (and by `bsc reminders run`): the cut-off check of every open plan whose cut-off passed within the
 * last 31 days (an older year is checked on purpose: `bsc results cutoff-check`, or the API), then
 * the reminders. Safe to run in several processes at once (advisory lock for the cases, unique
 * keys for the notifications).
 */
import type { Db } from '../../db/client.js';
import { listOpenPlans } from '../../db/queries/results.js';
import { cutoff, resolveCalendar } from '../../domain/results/calendar.js';
import { runCutoffCheck } from '../results/penalty-cases.js';
import type { Mailer } from './mailer.js';
import { runReminders, systemCaller } from './run-reminders.js';

const AUTO_CUTOFF_WINDOW_MS = 31 * 86_400_000;

export async function runScheduledWork(
  db: Db,
  mailer: Mailer,
  opts: { now?: Date; log?: (line: string) => void } = {},
) {
  const now = opts.now ?? new Date();
  const caller = systemCaller('reminders');
  let missingEvidenceCases = 0;
  for (const plan of await listOpenPlans(db)) {
    // Automatically only in the month after the cut-off; an older year is checked on purpose (API or CLI).
    const cut = cutoff(plan.year, resolveCalendar(plan.calendar));
    if (now.getTime() <= cut.at.getTime() || now.getTime() - cut.at.getTime() > AUTO_CUTOFF_WINDOW_MS) continue;
    const r = await runCutoffCheck(db, caller, { year: plan.year, organizationId: plan.organizationId }, now);
    missingEvidenceCases += r.created.length;
  }
  const reminders = await runReminders(db, caller, { mailer, now, log: opts.log });
  return { missingEvidenceCases, reminders };
}

/** Starts the periodic run; returns the function that stops it. */
export function startScheduler(db: () => Db, mailer: Mailer, minutes: number, log: (line: string) => void): () => void {
  if (minutes <= 0) return () => undefined;
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runScheduledWork(db(), mailer, { log })
      .then((r) => {
        if (r.missingEvidenceCases || r.reminders.created)
          log(`[bsc] 알림 ${r.reminders.created}건, 증빙 미제출 사례 ${r.missingEvidenceCases}건을 기록했습니다.`);
      })
      .catch((e) => log(`[bsc] 알림 작업 실패: ${(e as Error).message}`))
      .finally(() => {
        running = false;
      });
  };
  // A first run shortly after start, then every `minutes`.
  const first = setTimeout(tick, 30_000);
  const timer = setInterval(tick, minutes * 60_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
