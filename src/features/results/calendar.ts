/** The reporting calendar of a plan year: read it (periods, deadlines, cut-off, holidays) and set it (planner). */
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import { updatePlanCalendar } from '../../db/queries/results.js';
import { conflict, validationError } from '../../domain/errors.js';
import {
  calendarYearProblems,
  resolveCalendar,
  yearCalendar,
  type CalendarSettingsInput,
} from '../../domain/results/calendar.js';
import { authorizeCaller, organizationOf, requirePlanYear, type ResultsCaller } from './context.js';

export async function getCalendar(db: Db, caller: ResultsCaller, year: number) {
  authorizeCaller(caller, 'plan.read');
  const plan = await requirePlanYear(db, organizationOf(caller), year);
  return { ...yearCalendar(plan.year, resolveCalendar(plan.calendar)), stored: plan.calendar, version: plan.version };
}

/**
 * Replaces the plan's calendar settings (what is not given takes its default). Carries the plan
 * version it was based on: stale → 409 with the current settings, nothing changed.
 */
export async function setCalendar(
  db: Db,
  caller: ResultsCaller,
  year: number,
  input: { version: number; settings: CalendarSettingsInput },
) {
  const org = organizationOf(caller);
  const plan = await requirePlanYear(db, org, year);
  authorizeCaller(caller, 'plan.edit', { planStatus: plan.status });
  const settings = resolveCalendar(input.settings);
  const problems = calendarYearProblems(year, settings);
  if (problems.length) throw validationError('실적 입력 일정 설정이 올바르지 않습니다.', problems, 'calendar_invalid');
  const stored = JSON.parse(JSON.stringify(input.settings)) as Record<string, unknown>;
  return db.transaction(async (tx) => {
    const updated = await updatePlanCalendar(tx, org, plan.id, input.version, stored);
    if (!updated) {
      const current = await requirePlanYear(tx, org, year);
      throw conflict('다른 사람이 먼저 일정을 바꾸었습니다. 현재 설정을 확인하세요.', 'stale_version', {
        current: { version: current.version, stored: current.calendar },
      });
    }
    await appendAudit(tx, org, caller.actor, {
      action: 'plan.calendar',
      entityType: 'plan',
      entityId: plan.id,
      subject: String(year),
      before: plan.calendar,
      after: stored,
    });
    return { ...yearCalendar(year, settings), stored, version: updated.version };
  });
}
