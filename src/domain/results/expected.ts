/**
 * What each department owes: the results expected of it in a plan year (indicator × period), how
 * each stands against its deadline (the inboxes), the completion rate of a period, and which
 * reminders are due. Pure: departments and indicators are plain ids here.
 *
 * Who enters a result: a unique indicator — its owner; a convergence indicator — the lead and each
 * participant (their contributions); a common indicator — every evaluated department (its own instance).
 */
import {
  latestEndedPeriod,
  periodDeadline,
  periodRange,
  periodsOfYear,
  requirePeriod,
  daysBetween,
  holidaySet,
  type CalendarSettings,
  type Frequency,
  type HolidaySet,
} from './calendar.js';
import type { ResultStatus } from './workflow.js';

export interface ExpectedIndicator {
  id: string;
  kind: 'unique' | 'convergence' | 'common';
  frequency: Frequency;
  leadDepartmentId: string;
  /** Participating departments (convergence; the lead may be among them). */
  participantIds: readonly string[];
}

/** The departments that enter results for an indicator. */
export function enteringDepartments(indicator: ExpectedIndicator, evaluatedDepartmentIds: readonly string[]): string[] {
  if (indicator.kind === 'common') return [...new Set([indicator.leadDepartmentId, ...evaluatedDepartmentIds])];
  if (indicator.kind === 'convergence') return [...new Set([indicator.leadDepartmentId, ...indicator.participantIds])];
  return [indicator.leadDepartmentId];
}

export interface ExpectedItem {
  indicatorId: string;
  departmentId: string;
  period: string;
}

/** Every result expected in the plan year (optionally of some departments only). */
export function expectedItems(
  indicators: readonly ExpectedIndicator[],
  year: number,
  evaluatedDepartmentIds: readonly string[],
  onlyDepartments?: ReadonlySet<string>,
): ExpectedItem[] {
  const out: ExpectedItem[] = [];
  for (const ind of indicators) {
    const depts = enteringDepartments(ind, evaluatedDepartmentIds).filter(
      (d) => !onlyDepartments || onlyDepartments.has(d),
    );
    for (const period of periodsOfYear(ind.frequency, year))
      for (const departmentId of depts) out.push({ indicatorId: ind.id, departmentId, period });
  }
  return out;
}

export const itemKey = (i: ExpectedItem) => `${i.indicatorId}|${i.departmentId}|${i.period}`;

export interface ItemResult {
  id: string;
  status: ResultStatus;
  firstSubmittedAt: Date | null;
}

/**
 * Where an expected result stands:
 * - 'open': its period has not ended yet;
 * - 'due': the period has ended, the deadline has not passed, it is not submitted;
 * - 'overdue': the deadline has passed and it has never been submitted;
 * - 'returned': a draft again after a return (it was submitted before);
 * - 'submitted' | 'approved' | 'verified': in the workflow.
 */
export type ItemState = 'open' | 'due' | 'overdue' | 'returned' | 'submitted' | 'approved' | 'verified';

export function itemState(
  period: string,
  result: ItemResult | undefined,
  deadlineAt: Date,
  now: Date,
  today: string,
): ItemState {
  if (result && result.status !== 'draft') return result.status;
  if (result && result.firstSubmittedAt) return 'returned';
  const { end } = periodRange(requirePeriod(period));
  if (end >= today) return 'open';
  return now.getTime() > deadlineAt.getTime() ? 'overdue' : 'due';
}

export interface ClassifiedItem extends ExpectedItem {
  state: ItemState;
  deadline: string;
  resultId: string | null;
}

/** Classifies every expected item (deadlines computed once per period). */
export function classifyItems(
  items: readonly ExpectedItem[],
  results: ReadonlyMap<string, ItemResult>,
  settings: CalendarSettings,
  now: Date,
  today: string,
): ClassifiedItem[] {
  const holidays: HolidaySet = holidaySet(settings);
  const deadlines = new Map<string, ReturnType<typeof periodDeadline>>();
  return items.map((item) => {
    let d = deadlines.get(item.period);
    if (!d) deadlines.set(item.period, (d = periodDeadline(item.period, settings, holidays)));
    const r = results.get(itemKey(item));
    return { ...item, state: itemState(item.period, r, d.at, now, today), deadline: d.date, resultId: r?.id ?? null };
  });
}

/**
 * The items of the "current period": for each indicator, its latest period that has ended by
 * today (after the year, the last one). Indicators with no ended period yet are left out.
 */
export function currentPeriodItems<I extends ExpectedItem>(
  items: readonly I[],
  frequencyOf: ReadonlyMap<string, Frequency>,
  year: number,
  today: string,
): I[] {
  const latest = new Map<Frequency, string | null>();
  return items.filter((i) => {
    const f = frequencyOf.get(i.indicatorId);
    if (!f) return false;
    if (!latest.has(f)) latest.set(f, latestEndedPeriod(f, year, today));
    return latest.get(f) === i.period;
  });
}

export interface Completion {
  expected: number;
  /** Submitted at least (submitted, approved, verified). */
  submitted: number;
  approved: number;
  verified: number;
  /** submitted ÷ expected × 100 (null when nothing is expected). */
  rate: number | null;
}

export function completion(items: readonly { state: ItemState }[]): Completion {
  const expected = items.length;
  const verified = items.filter((i) => i.state === 'verified').length;
  const approved = items.filter((i) => i.state === 'approved').length + verified;
  const submitted = items.filter((i) => i.state === 'submitted').length + approved;
  return { expected, submitted, approved, verified, rate: expected ? (submitted / expected) * 100 : null };
}

export type ReminderKind = 'due' | 'overdue';

export interface ReminderDue {
  kind: ReminderKind;
  departmentId: string;
  period: string;
  deadline: string;
  /** The items the reminder is about. */
  items: ClassifiedItem[];
}

/**
 * Reminders due today, one per department, period and kind:
 * - 'due': the deadline is at most `reminderDaysBefore` days away and an item is not submitted;
 * - 'overdue': the deadline has passed (at most `overdueReminderWindowDays` ago) and an item was never submitted.
 * Sending each once per person is the caller's (a unique key per person and period).
 */
export function remindersDue(
  items: readonly ClassifiedItem[],
  settings: CalendarSettings,
  today: string,
): ReminderDue[] {
  const groups = new Map<string, ReminderDue>();
  for (const item of items) {
    const left = daysBetween(today, item.deadline);
    let kind: ReminderKind | null = null;
    if ((item.state === 'due' || item.state === 'returned') && left >= 0 && left <= settings.reminderDaysBefore)
      kind = 'due';
    else if (item.state === 'overdue' && -left <= settings.overdueReminderWindowDays) kind = 'overdue';
    if (!kind) continue;
    const key = `${kind}|${item.departmentId}|${item.period}`;
    let g = groups.get(key);
    if (!g)
      groups.set(
        key,
        (g = { kind, departmentId: item.departmentId, period: item.period, deadline: item.deadline, items: [] }),
      );
    g.items.push(item);
  }
  return [...groups.values()];
}
