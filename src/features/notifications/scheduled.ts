/**
 * The scheduled work of the results workflow, run by the server every BSC_REMINDER_INTERVAL_MINUTES
 * (and by `bsc reminders run`): the cut-off check of every open plan whose cut-off has passed, then
 * the reminders. Safe to run in several processes at once (advisory lock for the cases, unique
 * keys for the notifications).
 */
import type { Db } from '../../db/client.js';
import { listOpenPlans } from '../../db/queries/results.js';
import { runCutoffCheck } from '../results/penalty-cases.js';
import type { Mailer } from './mailer.js';
import { runReminders, systemCaller } from './run-reminders.js';

export async function runScheduledWork(
  db: Db,
  mailer: Mailer,
  opts: { now?: Date; log?: (line: string) => void } = {},
) {
  const now = opts.now ?? new Date();
  const caller = systemCaller('reminders');
  let missingEvidenceCases = 0;
  for (const plan of await listOpenPlans(db)) {
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
  const timer = setInterval(() => {
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
  }, minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
