/**
 * The plan's tables as document tables, from the derived figures of domain/summary (never counted
 * here): 목표·지표 현황, 區 전략목표별 지표·과제 현황, 區 성과목표별 부서 지표·과제 현황,
 * 붙임 1 부서별 목표·지표 현황, 붙임 2 융합지표 현황 — and the results by period.
 * Shared by the plan document (DOCX/PDF/HWPX) and the Excel export of the tables.
 */
import type { PlanDocument } from '../../contracts/interchange.js';
import { parsePeriod, comparePeriods, compareText } from '../../domain/achievement.js';
import type { PlanSummary } from '../../domain/summary.js';
import { cell, mergeDown, type Cell, type Table } from './model.js';

const total = (v: string | number | null, opts: Omit<Cell, 'value'> = {}): Cell =>
  cell(v, { fill: 'total', bold: true, align: 'center', ...opts });
const num = (v: number | null): Cell => cell(v, { align: 'center' });
const hdr = (v: string, opts: Omit<Cell, 'value'> = {}): Cell =>
  cell(v, { fill: 'header', bold: true, align: 'center', ...opts });

/** 목표·지표 현황 (단위 : 개). 고유 = 성과지표 − 융합(공통 포함). */
export function countsTable(s: PlanSummary): Table {
  const c = s.counts;
  return {
    kind: 'table',
    id: 'counts',
    title: '목표·지표 현황',
    sheetName: '목표·지표 현황',
    unit: '(단위 : 개)',
    columns: [
      { header: '區 전략목표', width: 10, align: 'center' },
      { header: '區 성과목표', width: 10, align: 'center' },
      { header: '부서 전략목표', width: 10, align: 'center' },
      { header: '부서 성과목표', width: 10, align: 'center' },
      { header: '성과지표 계', width: 9, align: 'center' },
      { header: '고유지표', width: 9, align: 'center' },
      { header: '융합지표', width: 9, align: 'center' },
      { header: '(공통지표)', width: 9, align: 'center' },
      { header: '이행과제', width: 9, align: 'center' },
    ],
    header: [
      [
        hdr('區 전략목표', { rowSpan: 2 }),
        hdr('區 성과목표', { rowSpan: 2 }),
        hdr('부서 전략목표', { rowSpan: 2 }),
        hdr('부서 성과목표', { rowSpan: 2 }),
        hdr('부서 성과지표', { colSpan: 4 }),
        hdr('이행과제', { rowSpan: 2 }),
      ],
      [hdr('계'), hdr('고유지표'), hdr('융합지표'), hdr('(공통지표)')],
    ],
    rows: [
      [
        num(c.orgStrategicGoals),
        num(c.orgPerformanceGoals),
        num(c.deptStrategicGoals),
        num(c.deptPerformanceGoals),
        num(c.indicators),
        num(c.indicators - c.convergenceIndicators),
        num(c.convergenceIndicators),
        cell(c.commonIndicators, { align: 'center', text: `(${c.commonIndicators})` }),
        num(c.tasks),
      ],
    ],
    notes: [
      `융합지표 ${c.convergenceIndicators}개에 공통지표 ${c.commonIndicators}개가 포함됩니다. 고유지표 = 성과지표 계 − 융합지표.`,
    ],
  };
}

/** 區 전략목표별 지표·과제 현황: vision pillar merged over its goals, the plan's totals last. */
export function byOrgStrategicGoalTable(doc: PlanDocument, s: PlanSummary): Table {
  // summarizePlan lists the org strategic goals in document order: the pillar is the goal's.
  const pillars = doc.orgStrategicGoals.map((g) => g.visionPillar ?? '');
  const body: Cell[][] = s.byOrgStrategicGoal.map((r, i) => [
    cell(pillars[i] ?? '', { align: 'center', fill: 'group' }),
    cell(r.name, { align: 'center' }),
    num(r.indicators),
    num(r.convergenceIndicators),
    num(r.tasks),
  ]);
  return {
    kind: 'table',
    id: 'byOrgStrategicGoal',
    title: '區 전략목표별 지표·과제 현황',
    sheetName: '區 전략목표별',
    unit: '(단위 : 개)',
    columns: [
      { header: '비전', width: 12, align: 'center' },
      { header: '區 전략목표', width: 16, align: 'center' },
      { header: '성과지표 계', width: 10, align: 'center' },
      { header: '융합', width: 10, align: 'center' },
      { header: '이행과제', width: 10, align: 'center' },
    ],
    header: [
      [
        hdr('비전', { rowSpan: 2 }),
        hdr('區 전략목표', { rowSpan: 2 }),
        hdr('부서 성과지표', { colSpan: 2 }),
        hdr('이행과제', { rowSpan: 2 }),
      ],
      [hdr('계'), hdr('융합')],
    ],
    rows: [
      ...mergeDown(body, 0, (i) => pillars[i] ?? ''),
      [
        total('계', { colSpan: 2 }),
        total(s.counts.indicators),
        total(s.counts.convergenceIndicators),
        total(s.counts.tasks),
      ],
    ],
  };
}

/** 區 성과목표별 각 부서 지표·과제 현황: one row per department strategic goal, goals merged. */
export function byOrgPerformanceGoalTable(s: PlanSummary): Table {
  const rows = s.byOrgPerformanceGoal;
  const goalKey = (i: number) => `${rows[i]!.goalNo ?? ''}|${rows[i]!.goal}`;
  let body: Cell[][] = rows.map((r) => [
    cell(r.goalNo, { align: 'center', fill: 'group' }),
    cell(r.goal, { fill: 'group' }),
    cell(r.deptStrategicGoal),
    cell(r.department, { align: 'center' }),
    num(r.indicators),
    num(r.convergence || null),
    num(r.common || null),
    num(r.tasks),
  ]);
  // Right to left, so that the left column's index does not move.
  body = mergeDown(body, 1, goalKey);
  body = mergeDown(body, 0, goalKey);
  return {
    kind: 'table',
    id: 'byOrgPerformanceGoal',
    title: '區 성과목표별 각 부서 지표·과제 현황',
    sheetName: '區 성과목표별',
    unit: '(단위 : 개)',
    columns: [
      { header: '연번', width: 5, align: 'center', numFmt: '0' },
      { header: '區 성과목표', width: 22 },
      { header: '부서 전략목표', width: 34 },
      { header: '부서명', width: 14, align: 'center' },
      { header: '성과지표', width: 7, align: 'center' },
      { header: '융합', width: 6, align: 'center' },
      { header: '공통', width: 6, align: 'center' },
      { header: '이행과제', width: 9, align: 'center' },
    ],
    header: [
      [
        hdr('연번', { rowSpan: 2 }),
        hdr('區 성과목표', { rowSpan: 2 }),
        hdr('부서 전략목표', { rowSpan: 2 }),
        hdr('부서명', { rowSpan: 2 }),
        hdr('성과지표', { colSpan: 3 }),
        hdr('이행과제', { rowSpan: 2 }),
      ],
      [hdr('계'), hdr('융합'), hdr('공통')],
    ],
    rows: [
      ...body,
      [
        total('계', { colSpan: 4 }),
        total(s.counts.indicators),
        total(s.counts.convergenceIndicators),
        total(s.counts.commonIndicators),
        total(s.counts.tasks),
      ],
    ],
    notes: ['융합은 공통지표를 포함합니다.'],
  };
}

/** 붙임 1 부서별 목표·지표 현황: the plan's totals first, as in the reference document. */
export function byDepartmentTable(s: PlanSummary): Table {
  const c = s.counts;
  return {
    kind: 'table',
    id: 'byDepartment',
    title: '부서별 목표·지표 현황',
    sheetName: '부서별 (붙임 1)',
    columns: [
      { header: '연번', width: 6, align: 'center', numFmt: '0' },
      { header: '부서명', width: 20, align: 'center' },
      { header: '전략목표', width: 10, align: 'center' },
      { header: '성과목표', width: 10, align: 'center' },
      { header: '성과지표', width: 10, align: 'center' },
      { header: '이행과제', width: 10, align: 'center' },
    ],
    rows: [
      [
        total('총 계', { colSpan: 2 }),
        total(c.deptStrategicGoals),
        total(c.deptPerformanceGoals),
        total(c.indicators),
        total(c.tasks),
      ],
      ...s.byDepartment.map((d, i) => [
        num(i + 1),
        cell(d.name, { align: 'center' }),
        num(d.deptStrategicGoals),
        num(d.deptPerformanceGoals),
        num(d.indicators),
        num(d.tasks),
      ]),
    ],
    notes: ['성과지표는 부서 전략목표 아래의 지표(융합지표는 주관부서), 이행과제는 부서가 맡은 과제입니다.'],
  };
}

/** 붙임 2 융합지표 현황: lead department merged over its indicators; 비고 '공통'. */
export function convergenceTable(s: PlanSummary): Table {
  const list = s.convergenceIndicators;
  const body: Cell[][] = list.map((r, i) => [
    num(i + 1),
    cell(r.department, { align: 'center' }),
    cell(r.name),
    cell(r.common ? '공통' : '', { align: 'center' }),
  ]);
  return {
    kind: 'table',
    id: 'convergence',
    title: '융합지표 현황',
    sheetName: '융합지표 (붙임 2)',
    columns: [
      { header: '연번', width: 6, align: 'center', numFmt: '0' },
      { header: '부서명', width: 18, align: 'center' },
      { header: '성과지표명', width: 40 },
      { header: '비고', width: 8, align: 'center' },
    ],
    rows: mergeDown(body, 1, (i) => list[i]!.department),
    notes: [
      `융합지표 ${s.counts.convergenceIndicators}개 (공통지표 ${s.counts.commonIndicators}개 포함). 부서명은 주관부서.`,
    ],
  };
}

const STATUS_KO: Record<string, string> = { draft: '작성 중', submitted: '제출', approved: '승인', verified: '검증' };

/**
 * 실적 (기간별): one row per indicator and reporting department, one column per period reported;
 * each cell the value entered (milestone indicators: the number of milestones done) with its status.
 */
export function resultsByPeriodTable(doc: PlanDocument): Table {
  const periods = [...new Set(doc.results.map((r) => r.period))]
    .map((k) => ({ k, p: parsePeriod(k) }))
    .sort((a, b) => (a.p && b.p ? comparePeriods(a.p, b.p) : compareText(a.k, b.k)))
    .map((x) => x.k);
  const order = new Map(doc.indicators.map((x, i) => [x.code, i]));
  const byKey = new Map<string, PlanDocument['results']>();
  for (const r of doc.results) {
    const k = `${r.indicator}\u0000${r.department}`;
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  const keys = [...byKey.keys()].sort((a, b) => {
    const [ia, da] = a.split('\u0000') as [string, string];
    const [ib, db] = b.split('\u0000') as [string, string];
    return (order.get(ia) ?? 1e9) - (order.get(ib) ?? 1e9) || compareText(da, db);
  });
  const ind = new Map(doc.indicators.map((x) => [x.code, x]));
  const rows: Cell[][] = keys.map((k) => {
    const [code, dept] = k.split('\u0000') as [string, string];
    const x = ind.get(code);
    const rs = byKey.get(k)!;
    return [
      cell(code),
      cell(x?.name ?? ''),
      cell(dept, { align: 'center' }),
      cell(x?.unit ?? '', { align: 'center' }),
      cell(x?.target ?? null, { align: 'right' }),
      ...periods.map((p) => {
        const r = rs.find((y) => y.period === p);
        if (!r) return cell(null);
        const v = x?.measurement === 'milestone' ? r.milestonesDone.length : r.actual;
        return cell(v, { align: 'right', text: v === null ? `(${STATUS_KO[r.status]})` : undefined });
      }),
      cell(rs.map((r) => `${r.period} ${STATUS_KO[r.status]}`).join(', ')),
    ];
  });
  return {
    kind: 'table',
    id: 'resultsByPeriod',
    title: '실적 (기간별)',
    sheetName: '실적 (기간별)',
    columns: [
      { header: '지표 코드', width: 10 },
      { header: '성과지표명', width: 32 },
      { header: '부서', width: 14, align: 'center' },
      { header: '단위', width: 6, align: 'center' },
      { header: '목표치', width: 10, align: 'right', numFmt: '#,##0.##' },
      ...periods.map((p) => ({ header: p, width: 10, align: 'right' as const, numFmt: '#,##0.##' })),
      { header: '상태', width: 30 },
    ],
    rows,
    notes: [
      '입력된 실적치 그대로입니다 (마일스톤 지표는 완료한 단계 수). 평가에 반영되는 연간 실적과 달성률은 평가 결과 시트에 있습니다.',
    ],
  };
}
