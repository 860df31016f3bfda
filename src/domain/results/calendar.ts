/**
 * 실적 입력 일정 — the reporting calendar of a plan year: the periods each reporting frequency has,
 * the input deadline of each period (the N-th working day after the period ends, or a date the
 * planner set), the yearly cut-off for the evaluation, and working-day arithmetic over a list of
 * public holidays (a setting; default: holidays.ts).
 *
 * Dates are ISO calendar dates (YYYY-MM-DD) in Asia/Seoul; a deadline is the end of its day in Seoul.
 * Stored with the plan as `plan.calendar` (only what the planner set); `resolveCalendar` fills the rest.
 * Pure: no I/O. Rules: docs/results-workflow.md.
 */
import { z } from 'zod';
import type { IndicatorRow } from '../../contracts/interchange.js';
import { parsePeriod, type ParsedPeriod } from '../achievement.js';
import { validationError, type ProblemDetail } from '../errors.js';
import { KOREAN_PUBLIC_HOLIDAYS, type Holiday } from './holidays.js';

export type Frequency = IndicatorRow['frequency'];

const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '날짜는 YYYY-MM-DD 형식이어야 합니다')
  .refine((s) => isValidDate(s), '존재하지 않는 날짜입니다');
const periodKey = z
  .string()
  .regex(/^\d{4}(-(H[12]|Q[1-4]|M(0[1-9]|1[0-2])))?$/, '기간은 2020, 2020-H1, 2020-Q3, 2020-M07 형식이어야 합니다');
const holidaySchema = z.strictObject({ date: isoDate, name: z.string().trim().max(100).default('공휴일') });

export const calendarSettingsSchema = z.strictObject({
  /** The deadline is this many working days after the period's last day (0: the last day itself). */
  deadlineWorkingDays: z
    .number()
    .int('정수여야 합니다')
    .min(0, '0 이상이어야 합니다')
    .max(60, '60 이하여야 합니다')
    .default(5),
  /**
   * Instead of working days: the deadline is this day of the month after the period (e.g. 10 —
   * "다음 달 10일까지"); when that day is a Saturday or a holiday, the next working day
   * (행정기본법 제7조). null: the working-day rule.
   */
  deadlineDayOfNextMonth: z
    .number()
    .int('정수여야 합니다')
    .min(1, '1~28일이어야 합니다')
    .max(28, '1~28일이어야 합니다')
    .nullable()
    .default(null),
  /** Deadlines the planner set for particular periods (period key → date). */
  deadlineOverrides: z.record(periodKey, isoDate).default({}),
  /** The holiday list; null: the built-in Korean public holidays (2019–2027). */
  holidays: z.array(holidaySchema).max(2000).nullable().default(null),
  /** Days added to the list (e.g. a 임시공휴일 announced after the list was written). */
  extraHolidays: z.array(holidaySchema).max(500).default([]),
  /** The yearly cut-off for the evaluation; null: the deadline of the year period. */
  cutoffDate: isoDate.nullable().default(null),
  /** Reminders start this many days before a deadline. */
  reminderDaysBefore: z.number().int('정수여야 합니다').min(0).max(60).default(3),
  /** Overdue reminders are sent only for deadlines passed at most this many days ago (no flood for old periods). */
  overdueReminderWindowDays: z.number().int('정수여야 합니다').min(0).max(366).default(30),
  /** Whether a result needs evidence at the cut-off (else no missing-evidence case is made). */
  evidenceRequired: z.boolean().default(true),
});

export type CalendarSettings = z.infer<typeof calendarSettingsSchema>;
export type CalendarSettingsInput = z.input<typeof calendarSettingsSchema>;

export const DEFAULT_CALENDAR: CalendarSettings = Object.freeze(calendarSettingsSchema.parse({}));

/** Fills the defaults of a stored calendar; a bad one → validation error naming the field ("calendar.…"). */
export function resolveCalendar(raw: unknown): CalendarSettings {
  const r = calendarSettingsSchema.safeParse(raw ?? {});
  if (r.success) return r.data;
  throw validationError(
    '실적 입력 일정 설정이 올바르지 않습니다.',
    r.error.issues.map((i) => ({
      path: ['calendar', ...i.path.map(String)].join('.'),
      message: i.code === 'unrecognized_keys' ? `알 수 없는 항목: ${i.keys.join(', ')}` : i.message,
      code: i.code,
    })),
    'calendar_invalid',
  );
}

// ───────────────────────────── dates ─────────────────────────────

const DAY = 86_400_000;
const SEOUL_OFFSET = 9 * 3_600_000;

export function isValidDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === iso;
}

const toUtc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(iso: string, n: number): string {
  return fromUtc(toUtc(iso) + n * DAY);
}

/** Days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: string): number {
  return new Date(toUtc(iso)).getUTCDay();
}

/** The calendar date in Seoul of an instant. */
export function seoulDate(at: Date): string {
  return new Date(at.getTime() + SEOUL_OFFSET).toISOString().slice(0, 10);
}

/** The last instant of a Seoul calendar day. */
export function endOfSeoulDay(iso: string): Date {
  return new Date(toUtc(iso) + DAY - 1 - SEOUL_OFFSET);
}

/** The holidays in force: the list (or the built-in one) plus the extra days. */
export function holidayList(settings: Pick<CalendarSettings, 'holidays' | 'extraHolidays'>): Holiday[] {
  const byDate = new Map<string, Holiday>();
  for (const h of [...(settings.holidays ?? KOREAN_PUBLIC_HOLIDAYS), ...settings.extraHolidays]) {
    if (!byDate.has(h.date)) byDate.set(h.date, { date: h.date, name: h.name });
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export type HolidaySet = ReadonlySet<string>;

export function holidaySet(settings: Pick<CalendarSettings, 'holidays' | 'extraHolidays'>): HolidaySet {
  return new Set(holidayList(settings).map((h) => h.date));
}

export function isWorkingDay(iso: string, holidays: HolidaySet): boolean {
  const w = dayOfWeek(iso);
  return w !== 0 && w !== 6 && !holidays.has(iso);
}

/** The n-th working day after `iso` (not counting `iso` itself); n = 0 → `iso`. */
export function addWorkingDays(iso: string, n: number, holidays: HolidaySet): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  let d = iso;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, holidays)) left--;
  }
  return d;
}

/** Working days after `from` up to and including `to` (0 when to ≤ from). */
export function workingDaysBetween(from: string, to: string, holidays: HolidaySet): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, holidays)) n++;
  return n;
}

// ───────────────────────────── periods ─────────────────────────────

const pad = (n: number) => String(n).padStart(2, '0');

/** The periods of a year for a reporting frequency, in order. */
export function periodsOfYear(frequency: Frequency, year: number): string[] {
  switch (frequency) {
    case 'monthly':
      return Array.from({ length: 12 }, (_, i) => `${year}-M${pad(i + 1)}`);
    case 'quarterly':
      return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
    case 'half_yearly':
      return [`${year}-H1`, `${year}-H2`];
    case 'yearly':
      return [String(year)];
  }
}

export const FREQUENCY_OF_GRANULARITY: Record<ParsedPeriod['granularity'], Frequency> = {
  month: 'monthly',
  quarter: 'quarterly',
  half: 'half_yearly',
  year: 'yearly',
};

/** Whether a period key is one of the indicator's frequency in the plan year. */
export function periodFits(period: string, frequency: Frequency, year: number): boolean {
  return periodsOfYear(frequency, year).includes(period);
}

export function requirePeriod(key: string): ParsedPeriod {
  const p = parsePeriod(key);
  if (!p)
    throw validationError(`기간 '${key}'이(가) 올바르지 않습니다.`, [
      { path: 'period', message: '기간은 2020, 2020-H1, 2020-Q3, 2020-M07 형식이어야 합니다' },
    ]);
  return p;
}

/** First and last day of a period. */
export function periodRange(p: ParsedPeriod): { start: string; end: string } {
  const months = { year: 12, half: 6, quarter: 3, month: 1 }[p.granularity];
  const startMonth = p.endMonth - months + 1;
  const lastDay = new Date(Date.UTC(p.year, p.endMonth, 0)).getUTCDate();
  return { start: `${p.year}-${pad(startMonth)}-01`, end: `${p.year}-${pad(p.endMonth)}-${pad(lastDay)}` };
}

export interface Deadline {
  period: string;
  /** The period's first and last day. */
  start: string;
  end: string;
  /** The input deadline (a Seoul date) and its last instant. */
  date: string;
  at: Date;
  /** True when the planner set this period's deadline. */
  overridden: boolean;
}

/** The first working day on or after `iso`. */
export function workingDayOnOrAfter(iso: string, holidays: HolidaySet): string {
  let d = iso;
  while (!isWorkingDay(d, holidays)) d = addDays(d, 1);
  return d;
}

function ruleDeadline(p: ParsedPeriod, end: string, settings: CalendarSettings, holidays: HolidaySet): string {
  if (settings.deadlineDayOfNextMonth === null) return addWorkingDays(end, settings.deadlineWorkingDays, holidays);
  const y = p.endMonth === 12 ? p.year + 1 : p.year;
  const m = p.endMonth === 12 ? 1 : p.endMonth + 1;
  return workingDayOnOrAfter(`${y}-${pad(m)}-${pad(settings.deadlineDayOfNextMonth)}`, holidays);
}

/** The input deadline of a period. */
export function periodDeadline(
  period: string,
  settings: CalendarSettings,
  holidays: HolidaySet = holidaySet(settings),
): Deadline {
  const p = requirePeriod(period);
  const { start, end } = periodRange(p);
  const override = settings.deadlineOverrides[p.key];
  const date = override ?? ruleDeadline(p, end, settings, holidays);
  return { period: p.key, start, end, date, at: endOfSeoulDay(date), overridden: override !== undefined };
}

/**
 * The yearly cut-off (the day after which missing evidence is a case): a set date, or the year
 * period's deadline. A set date on or before the plan year's last day is not this year's cut-off
 * (e.g. copied by a roll-over from the year before) and is ignored.
 */
export function cutoff(
  year: number,
  settings: CalendarSettings,
  holidays: HolidaySet = holidaySet(settings),
): { date: string; at: Date } {
  const set = settings.cutoffDate && settings.cutoffDate > `${year}-12-31` ? settings.cutoffDate : null;
  const date = set ?? periodDeadline(String(year), settings, holidays).date;
  return { date, at: endOfSeoulDay(date) };
}

/** Problems of a calendar for its plan year (beyond the field checks): a cut-off inside the year, overrides of other years' periods. */
export function calendarYearProblems(year: number, settings: CalendarSettings): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  if (settings.cutoffDate && settings.cutoffDate <= `${year}-12-31`)
    problems.push({
      path: 'calendar.cutoffDate',
      code: 'cutoff_in_year',
      message: `마감일은 ${year}년이 끝난 뒤(${year + 1}-01-01 이후)여야 합니다.`,
    });
  for (const [period, date] of Object.entries(settings.deadlineOverrides)) {
    const p = parsePeriod(period);
    if (!p || p.year !== year)
      problems.push({
        path: `calendar.deadlineOverrides.${period}`,
        code: 'other_year',
        message: `${year}년의 기간이 아닙니다: ${period}`,
      });
    else if (date <= periodRange(p).end)
      problems.push({
        path: `calendar.deadlineOverrides.${period}`,
        code: 'deadline_in_period',
        message: `입력기한(${date})은 기간이 끝난 뒤여야 합니다 (${periodRange(p).end} 이후).`,
      });
  }
  return problems;
}

/** The calendar a rolled-over plan starts from: the rules and the holiday settings, without the year's own dates. */
export function rollOverCalendar(calendar: Record<string, unknown>): Record<string, unknown> {
  const { deadlineOverrides: _o, cutoffDate: _c, ...rest } = calendar;
  return rest;
}

/** The whole calendar of a plan year: every period of every frequency with its deadline, and the cut-off. */
export function yearCalendar(year: number, settings: CalendarSettings) {
  const holidays = holidaySet(settings);
  const frequencies: Frequency[] = ['monthly', 'quarterly', 'half_yearly', 'yearly'];
  return {
    year,
    settings,
    periods: frequencies.flatMap((frequency) =>
      periodsOfYear(frequency, year).map((period) => {
        const d = periodDeadline(period, settings, holidays);
        return { frequency, period, start: d.start, end: d.end, deadline: d.date, overridden: d.overridden };
      }),
    ),
    cutoff: cutoff(year, settings, holidays).date,
    holidays: holidayList(settings).filter((h) => h.date.startsWith(`${year}-`) || h.date.startsWith(`${year + 1}-`)),
  };
}

/**
 * The latest period of a frequency in the plan year that has ended by `today` (a Seoul date);
 * null when none has. After the year, its last period.
 */
export function latestEndedPeriod(frequency: Frequency, year: number, today: string): string | null {
  let last: string | null = null;
  for (const period of periodsOfYear(frequency, year)) {
    if (periodRange(requirePeriod(period)).end < today) last = period;
  }
  return last;
}
