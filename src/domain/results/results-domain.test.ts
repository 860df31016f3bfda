import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CALENDAR,
  addWorkingDays,
  calendarYearProblems,
  cutoff,
  rollOverCalendar,
  dayOfWeek,
  holidaySet,
  isValidDate,
  latestEndedPeriod,
  periodDeadline,
  periodsOfYear,
  resolveCalendar,
  seoulDate,
  workingDaysBetween,
  yearCalendar,
} from './calendar.js';
import { HOLIDAY_YEARS, KOREAN_PUBLIC_HOLIDAYS } from './holidays.js';
import { actionsFrom, checkResultContent, plainText, submitProblems, transition } from './workflow.js';
import { lateEntry, missingEvidence } from './cases.js';
import { derivePeriodConvergence } from './convergence.js';
import {
  classifyItems,
  completion,
  currentPeriodItems,
  enteringDepartments,
  expectedItems,
  itemKey,
  remindersDue,
  type ExpectedIndicator,
} from './expected.js';
import type { AppError } from '../errors.js';

describe('holidays', () => {
  it('ships 2019–2027, valid dates, no duplicates, substitute days on weekdays', () => {
    expect(HOLIDAY_YEARS).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    const dates = KOREAN_PUBLIC_HOLIDAYS.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    for (const h of KOREAN_PUBLIC_HOLIDAYS) {
      expect(isValidDate(h.date)).toBe(true);
      if (/대체|임시|선거/.test(h.name)) expect([0, 6]).not.toContain(dayOfWeek(h.date));
    }
    for (const y of HOLIDAY_YEARS) {
      for (const md of ['01-01', '03-01', '05-05', '06-06', '08-15', '10-03', '10-09', '12-25'])
        expect(dates).toContain(`${y}-${md}`);
    }
    // Lunar holidays: 설날 and 추석 are three days each.
    for (const y of HOLIDAY_YEARS) {
      expect(
        KOREAN_PUBLIC_HOLIDAYS.filter(
          (h) => h.date.startsWith(`${y}`) && h.name.startsWith('설날') && !h.name.includes('대체'),
        ).length,
      ).toBe(3);
      expect(
        KOREAN_PUBLIC_HOLIDAYS.filter(
          (h) => h.date.startsWith(`${y}`) && h.name.startsWith('추석') && !h.name.includes('대체'),
        ).length,
      ).toBe(3);
    }
  });
});

describe('calendar', () => {
  const hol = holidaySet(DEFAULT_CALENDAR);

  it('counts working days over weekends and holidays', () => {
    expect(addWorkingDays('2020-03-31', 5, hol)).toBe('2020-04-07');
    // 추석 2020 (9/30–10/2), 개천절 on a Saturday, 한글날 10/9.
    expect(addWorkingDays('2020-09-30', 5, hol)).toBe('2020-10-12');
    expect(addWorkingDays('2020-12-31', 5, hol)).toBe('2021-01-08');
    expect(addWorkingDays('2020-12-31', 0, hol)).toBe('2020-12-31');
    expect(workingDaysBetween('2020-09-30', '2020-10-12', hol)).toBe(5);
  });

  it('gives each period its deadline, the planner can override one, the cut-off defaults to the year deadline', () => {
    expect(periodDeadline('2020-Q1', DEFAULT_CALENDAR).date).toBe('2020-04-07');
    const d = periodDeadline('2020-Q1', DEFAULT_CALENDAR);
    expect(d.at.toISOString()).toBe('2020-04-07T14:59:59.999Z');
    expect(d).toMatchObject({ start: '2020-01-01', end: '2020-03-31', overridden: false });
    const s = resolveCalendar({ deadlineOverrides: { '2020-Q1': '2020-04-20' }, deadlineWorkingDays: 3 });
    expect(periodDeadline('2020-Q1', s).date).toBe('2020-04-20');
    expect(periodDeadline('2020-Q2', s).date).toBe('2020-07-03');
    expect(cutoff(2020, DEFAULT_CALENDAR).date).toBe('2021-01-08');
    expect(cutoff(2020, resolveCalendar({ cutoffDate: '2021-01-31' })).date).toBe('2021-01-31');
    // A cut-off inside the year (copied by a roll-over) is not this year's: the default applies, and setting one is refused.
    expect(cutoff(2021, resolveCalendar({ cutoffDate: '2021-01-31' })).date).toBe('2022-01-07');
    const problems = calendarYearProblems(
      2021,
      resolveCalendar({
        cutoffDate: '2021-01-31',
        deadlineOverrides: { '2020-Q1': '2020-04-10', '2021-Q1': '2021-03-15' },
      }),
    );
    expect(problems.map((p) => p.path)).toEqual([
      'calendar.cutoffDate',
      'calendar.deadlineOverrides.2020-Q1',
      'calendar.deadlineOverrides.2021-Q1',
    ]);
    expect(
      rollOverCalendar({
        deadlineWorkingDays: 7,
        cutoffDate: '2021-01-31',
        deadlineOverrides: { '2020-Q1': '2020-04-10' },
      }),
    ).toEqual({ deadlineWorkingDays: 7 });
    const extra = resolveCalendar({ extraHolidays: [{ date: '2020-04-06', name: '임시' }] });
    expect(periodDeadline('2020-Q1', extra).date).toBe('2020-04-08');
    // "다음 달 10일까지", moved to the next working day: 2020-10-10 is a Saturday, 2021-01-10 a Sunday.
    const tenth = resolveCalendar({ deadlineDayOfNextMonth: 10 });
    expect(periodDeadline('2020-Q1', tenth).date).toBe('2020-04-10');
    expect(periodDeadline('2020-Q3', tenth).date).toBe('2020-10-12');
    expect(periodDeadline('2020', tenth).date).toBe('2021-01-11');
    const none = resolveCalendar({ holidays: [] });
    expect(periodDeadline('2020-Q3', none).date).toBe('2020-10-07');
  });

  it('refuses a bad calendar with the field named in Korean', () => {
    let err: AppError | undefined;
    try {
      resolveCalendar({ deadlineWorkingDays: -1, cutoffDate: '2021-02-30', extra: 1 });
    } catch (e) {
      err = e as AppError;
    }
    expect(err?.kind).toBe('validation');
    const paths = err!.details.map((d) => d.path);
    expect(paths).toContain('calendar.deadlineWorkingDays');
    expect(paths).toContain('calendar.cutoffDate');
    expect(err!.details.every((d) => /[가-힣]/.test(d.message))).toBe(true);
  });

  it('lists periods and the latest ended one', () => {
    expect(periodsOfYear('quarterly', 2020)).toEqual(['2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4']);
    expect(periodsOfYear('monthly', 2020)).toHaveLength(12);
    expect(latestEndedPeriod('quarterly', 2020, '2020-05-10')).toBe('2020-Q1');
    expect(latestEndedPeriod('quarterly', 2020, '2020-03-31')).toBeNull();
    expect(latestEndedPeriod('yearly', 2020, '2021-01-01')).toBe('2020');
    expect(seoulDate(new Date('2020-03-31T15:00:00Z'))).toBe('2020-04-01');
    const cal = yearCalendar(2020, DEFAULT_CALENDAR);
    expect(cal.periods).toHaveLength(12 + 4 + 2 + 1);
    expect(cal.cutoff).toBe('2021-01-08');
  });
});

describe('workflow', () => {
  it('allows exactly the transitions of the table', () => {
    expect(transition('submit', 'draft')).toEqual({ ok: true, from: 'draft', to: 'submitted' });
    expect(transition('approve', 'submitted')).toMatchObject({ ok: true, to: 'approved' });
    expect(transition('verify', 'approved')).toMatchObject({ ok: true, to: 'verified' });
    expect(transition('return', 'submitted')).toMatchObject({ ok: true, to: 'draft' });
    expect(transition('return', 'approved')).toMatchObject({ ok: true, to: 'draft' });
    expect(transition('return', 'verified')).toMatchObject({ ok: true, to: 'draft' });
    for (const [a, s] of [
      ['approve', 'draft'],
      ['approve', 'approved'],
      ['verify', 'submitted'],
      ['return', 'draft'],
      ['submit', 'submitted'],
    ] as const) {
      const t = transition(a, s);
      expect(t.ok).toBe(false);
      if (!t.ok) expect(t.message).toMatch(/할 수 없습니다/);
    }
    expect(actionsFrom('submitted').sort()).toEqual(['approve', 'return']);
  });

  it('checks content: milestones by name, comments as plain text', () => {
    const quant = { measurement: 'quantitative' as const, milestones: [], name: '정량' };
    const ms = {
      measurement: 'milestone' as const,
      milestones: [
        { name: '착수', weight: 1 },
        { name: '완료', weight: 2 },
      ],
      name: '단계',
    };
    expect(checkResultContent(quant, { actual: 3, comment: ' 설명\r\n둘째 줄 ' })).toEqual({
      ok: true,
      content: { actual: 3, comment: '설명\n둘째 줄' },
    });
    const bad = checkResultContent(ms, { actual: 3, milestonesDone: ['없음'], comment: 'a\u0007b' }, 'rows[2].');
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems.map((p) => p.path)).toEqual(['rows[2].actual', 'rows[2].milestonesDone', 'rows[2].comment']);
    expect(checkResultContent(ms, { milestonesDone: ['완료', '착수', '완료'] })).toEqual({
      ok: true,
      content: { milestonesDone: ['착수', '완료'] },
    });
    expect(submitProblems(quant, { actual: null, milestonesDone: [], comment: '' })[0]?.path).toBe('actual');
    expect(plainText('<script>alert(1)</script>', 'comment', { max: 100, label: '설명' })).toEqual({
      ok: true,
      text: '<script>alert(1)</script>',
    });
    expect(plainText('   ', 'reason', { max: 100, label: '반려 사유', required: true }).ok).toBe(false);
  });
});

describe('penalty cases', () => {
  const d = periodDeadline('2020-Q1', DEFAULT_CALENDAR);
  it('late entry only after the end of the deadline day in Seoul', () => {
    expect(lateEntry(new Date('2020-04-07T23:59:59+09:00'), d)).toBeNull();
    expect(lateEntry(new Date('2020-04-08T00:00:00+09:00'), d)?.detail).toMatch(/2020-04-07 이후 최초 제출/);
  });
  it('missing evidence at the cut-off, for results submitted at least once', () => {
    const rows = [
      { id: 'a', status: 'verified' as const, firstSubmittedAt: new Date(), evidenceCount: 0 },
      { id: 'b', status: 'verified' as const, firstSubmittedAt: new Date(), evidenceCount: 2 },
      { id: 'c', status: 'draft' as const, firstSubmittedAt: null, evidenceCount: 0 },
      { id: 'd', status: 'draft' as const, firstSubmittedAt: new Date(), evidenceCount: 0 },
    ];
    const c = cutoff(2020, DEFAULT_CALENDAR);
    expect(missingEvidence(rows, c.at, new Date('2021-01-08T12:00:00+09:00'))).toEqual([]);
    expect(missingEvidence(rows, c.at, new Date('2021-01-09T00:00:00+09:00')).map((r) => r.id)).toEqual(['a', 'd']);
  });
});

describe('convergence', () => {
  const ind = {
    code: 'C1',
    measurement: 'quantitative' as const,
    milestones: [],
    frequency: 'quarterly' as const,
    leadDepartment: '가과',
    participants: ['나과', '다과'],
    convergenceRule: 'sum' as const,
  };
  const rows = [
    { department: '가과', status: 'approved' as const, actual: 10, milestonesDone: [] },
    { department: '나과', status: 'submitted' as const, actual: 5, milestonesDone: [] },
    { department: '다과', status: 'draft' as const, actual: 100, milestonesDone: [] },
  ];
  it('derives the lead result by the rule, drafts left out', () => {
    expect(derivePeriodConvergence(ind, '2020-Q1', rows)).toMatchObject({ value: 15, missingContributors: ['다과'] });
    expect(derivePeriodConvergence({ ...ind, convergenceRule: 'average' }, '2020-Q1', rows).value).toBe(7.5);
    expect(derivePeriodConvergence({ ...ind, convergenceRule: 'lead' }, '2020-Q1', rows).value).toBe(10);
  });
});

describe('expected results, inbox states, reminders', () => {
  const inds: ExpectedIndicator[] = [
    { id: 'u', kind: 'unique', frequency: 'quarterly', leadDepartmentId: 'A', participantIds: [] },
    { id: 'c', kind: 'convergence', frequency: 'yearly', leadDepartmentId: 'A', participantIds: ['B'] },
    { id: 'k', kind: 'common', frequency: 'half_yearly', leadDepartmentId: 'A', participantIds: [] },
  ];
  it('knows who enters what', () => {
    expect(enteringDepartments(inds[0]!, ['A', 'B', 'C'])).toEqual(['A']);
    expect(enteringDepartments(inds[1]!, ['A', 'B', 'C'])).toEqual(['A', 'B']);
    expect(enteringDepartments(inds[2]!, ['A', 'B', 'C'])).toEqual(['A', 'B', 'C']);
    expect(expectedItems(inds, 2020, ['A', 'B', 'C'])).toHaveLength(4 + 2 + 6);
    expect(expectedItems(inds, 2020, ['A', 'B', 'C'], new Set(['B']))).toHaveLength(1 + 2);
  });

  it('classifies items against deadlines and finds reminders', () => {
    const items = expectedItems(inds, 2020, ['A', 'B']).filter((i) => i.departmentId === 'A');
    const results = new Map([
      [
        itemKey({ indicatorId: 'u', departmentId: 'A', period: '2020-Q1' }),
        { id: 'r1', status: 'draft' as const, firstSubmittedAt: null },
      ],
      [
        itemKey({ indicatorId: 'k', departmentId: 'A', period: '2020-H1' }),
        { id: 'r2', status: 'draft' as const, firstSubmittedAt: new Date() },
      ],
    ]);
    // 2020-07-03: Q1 overdue (deadline 4/7), Q2 due (deadline 7/7), H1 returned, Q3 open.
    const now = new Date('2020-07-03T10:00:00+09:00');
    const c = classifyItems(items, results, DEFAULT_CALENDAR, now, seoulDate(now));
    const state = (ind: string, p: string) => c.find((x) => x.indicatorId === ind && x.period === p)?.state;
    expect(state('u', '2020-Q1')).toBe('overdue');
    expect(state('u', '2020-Q2')).toBe('due');
    expect(state('k', '2020-H1')).toBe('returned');
    expect(state('u', '2020-Q3')).toBe('open');
    expect(state('c', '2020')).toBe('open');
    const rem = remindersDue(
      c,
      resolveCalendar({ reminderDaysBefore: 5, overdueReminderWindowDays: 100 }),
      seoulDate(now),
    );
    expect(rem.map((r) => `${r.kind}:${r.period}`).sort()).toEqual(['due:2020-H1', 'due:2020-Q2', 'overdue:2020-Q1']);
    expect(remindersDue(c, DEFAULT_CALENDAR, seoulDate(now))).toEqual([]);
    const current = currentPeriodItems(c, new Map(inds.map((i) => [i.id, i.frequency])), 2020, seoulDate(now));
    expect(current.map((i) => `${i.indicatorId}:${i.period}`).sort()).toEqual(['k:2020-H1', 'u:2020-Q2']);
    expect(completion(current)).toEqual({ expected: 2, submitted: 0, approved: 0, verified: 0, rate: 0 });
    expect(
      completion([{ state: 'verified' }, { state: 'submitted' }, { state: 'due' }, { state: 'approved' }]),
    ).toMatchObject({
      submitted: 3,
      approved: 2,
      verified: 1,
      rate: 75,
    });
  });
});
