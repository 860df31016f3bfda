/**
 * Illustrative 2020 results and evaluation inputs for the demo (all `illustrative: true`).
 *
 * - Every indicator has a result for each reporting period of its frequency, up to the year end:
 *   its owner (unique), every contributor (convergence: lead + participants) or every evaluated
 *   department's own instance (common). Values are cumulative (the year's value is the latest
 *   period's), giving achievement rates mostly between 80 and 110%, a few low ones (with a
 *   COVID-19 comment), and two above 200% (the over-achievement penalty).
 * - Statuses: earlier periods verified; the latest period in every state (draft, submitted,
 *   approved, verified), so every inbox shows something. The demo's "today" is 2021-01-20.
 * - Entry deadline: the demo plan's calendar (DEMO_CALENDAR), the 10th of the month after the
 *   period moved to the next working day; a few entries are late (after that deadline) and each
 *   late one has a penalty case (one waived); a few verified results lack evidence and have a
 *   missing-evidence case.
 * - Rater assignments and ratings by rater1..rater3 for every indicator; the head's qualitative
 *   score for every evaluated department; a handful of bonus awards over the five items.
 */
import type { PlanDocument } from '../../contracts/interchange.js';
import { addDays, holidaySet, isWorkingDay, periodDeadline, resolveCalendar } from '../../domain/results/calendar.js';
import { stream, type Rng } from './prng.js';
import { decimalsOf, FLOW_UNITS, roundTo, type ParsedSpec } from './indicator-spec.js';

type Doc = PlanDocument;
type IndicatorRow = Doc['indicators'][number];
type ResultRow = Doc['results'][number];
type Status = ResultRow['status'];

export const DEMO_TODAY = '2021-01-20';
export const RATERS = ['rater1', 'rater2', 'rater3'];

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Period keys of a frequency for a year, in order, and the month each ends. */
export function periodsOf(frequency: IndicatorRow['frequency'], year: number): { key: string; endMonth: number }[] {
  switch (frequency) {
    case 'monthly':
      return Array.from({ length: 12 }, (_, i) => ({ key: `${year}-M${pad2(i + 1)}`, endMonth: i + 1 }));
    case 'quarterly':
      return [1, 2, 3, 4].map((q) => ({ key: `${year}-Q${q}`, endMonth: q * 3 }));
    case 'half_yearly':
      return [1, 2].map((h) => ({ key: `${year}-H${h}`, endMonth: h * 6 }));
    default:
      return [{ key: String(year), endMonth: 12 }];
  }
}

/** An entry time in Asia/Seoul, in the form the interchange normal form uses. */
export function seoulTimestamp(year: number, month: number, day: number, minuteOfDay: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}:00.000+09:00`;
}

/** A Seoul date (YYYY-MM-DD) at a minute of the day, in the interchange normal form. */
function atSeoulMinute(date: string, minuteOfDay: number): string {
  return `${date}T${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}:00.000+09:00`;
}

/** Moves a day off the weekend: back to Friday (on time) or forward to Monday (late entries, and Sundays). */
export function weekday(year: number, month: number, day: number, late: boolean): number {
  const dow = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  if (dow === 6) return late ? day + 2 : day - 1;
  if (dow === 0) return day + 1;
  return day;
}

/**
 * The demo plans' reporting calendar (plans.calendar): "다음 달 10일까지", a Saturday, Sunday or
 * holiday moving it to the next working day — the rule docs/results-workflow.md describes.
 */
export const DEMO_CALENDAR = Object.freeze({ deadlineDayOfNextMonth: 10 });
const demoCalendar = resolveCalendar(DEMO_CALENDAR);
const demoHolidays = holidaySet(demoCalendar);

/** The month in which a period's entries are made (the one after it ends). */
function entryMonth(year: number, endMonth: number) {
  return endMonth === 12 ? { year: year + 1, month: 1 } : { year, month: endMonth + 1 };
}

/** A late entry's day: the drawn one, or the first working day after the deadline when the deadline moved past it. */
function lateDay(drawn: string, deadline: string): string {
  if (drawn > deadline) return drawn;
  let d = addDays(deadline, 1);
  while (!isWorkingDay(d, demoHolidays)) d = addDays(d, 1);
  return d;
}

/** An achievement rate (percent) for a department's value: mostly 80–110, a few low. */
function drawRate(rng: Rng): number {
  const u = rng.next();
  if (u < 0.05) return rng.between(45, 70);
  if (u < 0.13) return rng.between(70, 80);
  if (u < 0.83) return rng.between(80, 105);
  return rng.between(105, 118);
}

/** The value that gives `rate` against the indicator's target, rounded for its unit and kept plausible. */
function valueForRate(ind: IndicatorRow, rate: number): number {
  const target = ind.target ?? 0;
  const d = decimalsOf(ind.unit);
  let v = ind.direction === 'lower' ? target / (rate / 100) : (target * rate) / 100;
  if (ind.unit === '%' || ind.unit === '점') v = Math.min(v, 100);
  v = roundTo(v, d);
  if (ind.unit === '등급') v = Math.max(1, v);
  return Math.max(0, v);
}

/** Cumulative values per period ending in `final`. Flows grow from 0; levels move from the baseline. */
function series(ind: IndicatorRow, final: number, n: number, rng: Rng): number[] {
  const d = decimalsOf(ind.unit);
  const flow = FLOW_UNITS.has(ind.unit);
  const start = ind.baseline ?? final;
  const out: number[] = [];
  for (let k = 1; k <= n; k++) {
    if (k === n) {
      out.push(final);
      continue;
    }
    const f = k / n;
    if (flow) {
      const v = roundTo(final * f * rng.between(0.85, 1.1), d);
      out.push(Math.min(Math.max(v, out.at(-1) ?? 0), final));
    } else {
      const v = roundTo(start + (final - start) * f + (rng.next() - 0.5) * Math.abs(final - start) * 0.3, d);
      out.push(
        ind.unit === '등급'
          ? Math.max(1, v)
          : Math.max(0, ind.unit === '%' || ind.unit === '점' ? Math.min(v, 100) : v),
      );
    }
  }
  return out;
}

interface Contribution {
  department: string;
  /** Final (year) value, or for milestone indicators the number of milestones done by the year end. */
  final: number;
  low: boolean;
}

/** Each contributing department's year value, so that the indicator's value has a plausible rate. */
function contributions(ind: IndicatorRow, spec: ParsedSpec, evaluated: string[], rng: Rng): Contribution[] {
  const rate = spec.overAchieves ? rng.between(205, 240) : drawRate(rng);
  const low = rate < 70;
  if (ind.measurement === 'milestone') {
    const n = ind.milestones.length;
    const done = rate >= 95 ? n : Math.max(1, Math.floor((n * rate) / 100));
    return [{ department: ind.leadDepartment, final: done, low: done < n - 1 }];
  }
  if (ind.kind === 'unique') return [{ department: ind.leadDepartment, final: valueForRate(ind, rate), low }];
  if (ind.kind === 'common')
    return evaluated.map((department) => {
      const r = drawRate(rng);
      return { department, final: valueForRate(ind, r), low: r < 70 };
    });
  const all = [ind.leadDepartment, ...ind.participants];
  if (ind.convergenceRule === 'sum') {
    const total = valueForRate(ind, rate);
    const weights = all.map((_, i) => (i === 0 ? rng.between(1.2, 2) : rng.between(0.5, 1.2)));
    const sumW = weights.reduce((s, w) => s + w, 0);
    const d = decimalsOf(ind.unit);
    const parts = weights.map((w) => roundTo((total * w) / sumW, d));
    parts[0] = roundTo(total - parts.slice(1).reduce((s, p) => s + p, 0), d);
    return all.map((department, i) => ({ department, final: parts[i]!, low }));
  }
  // average / lead: every contributor near the indicator's rate.
  return all.map((department, i) => ({
    department,
    final: valueForRate(ind, i === 0 ? rate : Math.max(40, rate + rng.between(-8, 8))),
    low,
  }));
}

const LOW_COMMENTS = [
  '코로나19로 대면 프로그램을 축소 운영하여 실적이 부진함',
  '코로나19 확산으로 사업 일정이 하반기로 연기됨',
  '사회적 거리두기 단계 상향으로 행사·교육 취소',
];
const QUALITATIVE_COMMENTS = [
  '구정 역점사업 추진에 적극적으로 기여함',
  '코로나19 대응 업무와 병행하여 주요 사업을 차질 없이 추진함',
  '주민 체감도가 높은 사업을 발굴·추진함',
  '부서 간 협업에 적극 참여함',
  '현안 사업 추진 노력이 돋보임',
];

export function generateResults2020(
  doc: Doc,
  specs: Map<string, ParsedSpec>,
): { results: ResultRow[]; evaluationInputs: Doc['evaluationInputs'] } {
  const year = doc.plan.year;
  const evaluated = doc.departments.filter((d) => d.evaluated).map((d) => d.name);
  const results: ResultRow[] = [];
  const penaltyCases: Doc['evaluationInputs']['penaltyCases'] = [];

  for (const ind of doc.indicators) {
    const spec = specs.get(ind.code)!;
    const rng = stream(`results:${ind.code}`);
    const periods = periodsOf(ind.frequency, year);
    for (const c of contributions(ind, spec, evaluated, rng)) {
      const r = stream(`results:${ind.code}:${c.department}`);
      const values = ind.measurement === 'milestone' ? [] : series(ind, c.final, periods.length, r);
      const u = r.next();
      const lastStatus: Status = spec.overAchieves
        ? 'verified'
        : u < 0.55
          ? 'verified'
          : u < 0.7
            ? 'approved'
            : u < 0.85
              ? 'submitted'
              : 'draft';
      periods.forEach((p, k) => {
        const last = k === periods.length - 1;
        const status: Status = last ? lastStatus : 'verified';
        const due = entryMonth(year, p.endMonth);
        const dueDate = periodDeadline(p.key, demoCalendar, demoHolidays).date;
        // Late entries: only the owner's or lead's own results, rarely.
        const late =
          status !== 'draft' && c.department === ind.leadDepartment && ind.kind !== 'common' && r.chance(0.012);
        const drawn = weekday(due.year, due.month, late ? r.int(11, 18) : r.int(2, 9), late);
        const entryDay = seoulTimestamp(due.year, due.month, drawn, 0).slice(0, 10);
        const day = late ? lateDay(entryDay, dueDate) : entryDay;
        const minute = r.int(9 * 60, 18 * 60 + 30);
        const milestonesDone =
          ind.measurement === 'milestone'
            ? ind.milestones.slice(0, Math.round((c.final * (k + 1)) / periods.length)).map((m) => m.name)
            : [];
        const noEvidence = status === 'verified' && !last && ind.kind === 'unique' && r.chance(0.006);
        const row: ResultRow = {
          indicator: ind.code,
          department: c.department,
          period: p.key,
          actual: ind.measurement === 'milestone' ? null : values[k]!,
          milestonesDone,
          comment: last && c.low ? r.pick(LOW_COMMENTS) : '',
          status,
          firstSubmittedAt: status === 'draft' ? null : atSeoulMinute(day, minute),
          evidenceCount: status === 'draft' ? r.int(0, 1) : noEvidence ? 0 : r.int(1, 3),
          illustrative: true,
        };
        results.push(row);
        if (late)
          penaltyCases.push({
            department: c.department,
            indicator: ind.code,
            kind: 'late_entry',
            period: p.key,
            detail: `${p.key} 실적 입력기한(${dueDate}) 경과 후 ${row.firstSubmittedAt!.slice(0, 10)} 입력`,
            waived: false,
            waivedReason: '',
            illustrative: true,
          });
        if (noEvidence)
          penaltyCases.push({
            department: c.department,
            indicator: ind.code,
            kind: 'missing_evidence',
            period: p.key,
            detail: `${p.key} 실적의 증빙자료 미제출`,
            waived: false,
            waivedReason: '',
            illustrative: true,
          });
      });
    }
  }
  // One late entry is waived: the system was down at the deadline.
  const firstLate = penaltyCases.find((c) => c.kind === 'late_entry');
  if (firstLate) {
    firstLate.waived = true;
    firstLate.waivedReason = '입력기한 당일 성과관리 시스템 장애로 입력 불가 (정보통신과 장애 확인서 첨부) — 감점 면제';
  }

  const rng = stream('evaluation-inputs');
  const raterAssignments = doc.indicators.flatMap((x) => RATERS.map((rater) => ({ indicator: x.code, rater })));
  const ratings = doc.indicators.flatMap((x) =>
    RATERS.map((rater) => ({
      indicator: x.code,
      rater,
      representativeness: rng.int(60, 98),
      difficulty: rng.int(55, 95),
      completeness: rng.int(65, 98),
      illustrative: true,
    })),
  );
  const qualitativeScores = evaluated.map((department) => ({
    department,
    points: rng.pick([3, 3.5, 4, 4, 4.5, 4.5, 5]),
    comment: rng.pick(QUALITATIVE_COMMENTS),
    givenBy: '구청장',
    illustrative: true,
  }));
  const bonus = (
    department: string,
    item: Doc['evaluationInputs']['bonusAwards'][number]['item'],
    reason: string,
    grantedBy: string,
  ) => ({
    department,
    item,
    points: 1,
    reason,
    grantedBy,
    illustrative: true,
  });
  const bonusAwards = [
    bonus('일자리정책담당관', 'training', '성과관리 워크숍(2020. 6.) 전 과정 참석', '기획예산과'),
    bonus('재난안전과', 'training', '성과관리 워크숍(2020. 6.) 전 과정 참석', '기획예산과'),
    bonus('보건지소', 'training', '성과관리 워크숍(2020. 6.) 전 과정 참석', '기획예산과'),
    bonus(
      '주차관리과',
      'convergence',
      '구 대표 융합지표 선정: 주차장 활성화 성과지수 (협력부서와 공유주차 확대)',
      '성과관리위원회',
    ),
    bonus('복지정책과', 'convergence', '구 대표 융합지표 선정: 민·관 협력 서비스 연계율', '성과관리위원회'),
    bonus(
      '일자리정책담당관',
      'external',
      '2020 서울시 자치구 일자리 창출 평가 우수구 선정 (인센티브 1억 원)',
      '기획예산과',
    ),
    bonus('환경과', 'external', '2020 기후변화 대응 우수 지방자치단체 선정 (환경부)', '기획예산과'),
    bonus('재난안전과', 'best_practice', '올해의 우수시책 선정: 주민 참여 안전보안관 운영', '기획예산과'),
    bonus('의약과', 'best_practice', '정부합동평가 우수사례 선정: 치매안심센터 조기검진 연계', '기획예산과'),
    bonus(
      '보건지소',
      'effort',
      '성과관리위원회 의견: 방문건강관리 지표 관리와 실적 입력에 기울인 노력 우수',
      '성과관리위원회',
    ),
    bonus(
      '세무2과',
      'effort',
      '성과관리위원회 의견: 체납 정리 지표의 도전적 목표 설정과 관리 노력 우수',
      '성과관리위원회',
    ),
  ];
  return { results, evaluationInputs: { raterAssignments, ratings, bonusAwards, qualitativeScores, penaltyCases } };
}
