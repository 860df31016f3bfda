/**
 * 계획 점검 — what is wrong or doubtful in a plan document, each problem with a stable code, a
 * severity, a path ("indicators[I012].target", "claimedTotals.counts.tasks") and a Korean message
 * that names the figures involved. Every check, its code and severity: docs/plan-checks.md.
 *
 * - Structural checks (the data itself): references and duplicate codes (domain/plan-integrity),
 *   department names (two names for one department, unnormalised names), goals without children,
 *   indicator definitions (target, unit, milestones, convergence departments, lead department),
 *   weights, tasks, results.
 * - Claimed-totals checks (when `claimedTotals` is set): the figures a source document prints,
 *   against the figures derived from the data (domain/summary) and against each other.
 *
 * Severity: 'error' = the plan cannot be evaluated as it stands (a reference that does not resolve,
 * an indicator without a target, …); 'warning' = doubtful or inconsistent, evaluation still works
 * (every claimed-totals difference is a warning: the data is what gets evaluated).
 * Output order is fixed: structural checks level by level in document order, then claimed totals.
 */
import type { PlanDocument } from '../contracts/interchange.js';
import { findIntegrityProblems } from './plan-integrity.js';
import { nameSimilarity, normalizeDepartmentName, normalizeForCompare } from './names.js';
import { summarizePlan } from './summary.js';

export type PlanCheckSeverity = 'error' | 'warning';

export interface PlanCheckProblem {
  severity: PlanCheckSeverity;
  /** Stable code (docs/plan-checks.md). */
  code: string;
  /** Where: "indicators[I012].target", "departments[주택과].formerNames[0]", "claimedTotals.counts.tasks". */
  path: string;
  /** Korean, naming the figures or names involved. */
  message: string;
  details?: Record<string, unknown>;
}

/** Every check: code, severity, Korean title (for screens and docs). */
export const PLAN_CHECKS = [
  { code: 'duplicate_code', severity: 'error', title: '코드 중복' },
  { code: 'duplicate_department', severity: 'error', title: '부서명 중복' },
  { code: 'duplicate_result', severity: 'error', title: '실적 중복' },
  { code: 'unknown_reference', severity: 'error', title: '없는 상위 코드·비전·지표 참조' },
  { code: 'unknown_department', severity: 'error', title: '없는 부서 참조' },
  { code: 'department_two_names', severity: 'error', title: '한 부서에 두 이름 (이전 이름 사용)' },
  { code: 'department_name_spacing', severity: 'error', title: '부서명 표기 차이 (공백 등)' },
  { code: 'department_names_collide', severity: 'error', title: '정규화하면 같은 부서명 둘' },
  { code: 'former_name_ambiguous', severity: 'warning', title: '여러 부서의 이전 이름' },
  { code: 'department_name_not_normalized', severity: 'warning', title: '부서명에 공백' },
  { code: 'department_without_goals', severity: 'warning', title: '전략목표가 없는 평가대상 부서' },
  { code: 'goal_of_unevaluated_department', severity: 'warning', title: '평가대상이 아닌 부서의 목표' },
  { code: 'goal_without_children', severity: 'error', title: '하위 목표가 없는 목표' },
  { code: 'goal_without_indicator', severity: 'error', title: '성과지표가 없는 부서 성과목표' },
  { code: 'indicator_missing_target', severity: 'error', title: '목표치 없음' },
  { code: 'indicator_missing_milestones', severity: 'error', title: '마일스톤 없는 마일스톤형 지표' },
  { code: 'indicator_missing_unit', severity: 'warning', title: '단위 없음' },
  { code: 'indicator_target_below_baseline', severity: 'warning', title: '목표치가 기준치보다 후퇴' },
  { code: 'convergence_too_few_departments', severity: 'error', title: '참여부서가 2개 미만인 융합지표' },
  { code: 'participants_on_unique', severity: 'warning', title: '참여부서가 있는 고유지표' },
  { code: 'participants_on_common', severity: 'warning', title: '참여부서가 있는 공통지표' },
  { code: 'lead_department_mismatch', severity: 'error', title: '고유지표 부서 ≠ 목표 부서' },
  { code: 'convergence_lead_department_mismatch', severity: 'warning', title: '융합지표 주관부서 ≠ 목표 부서' },
  { code: 'department_weights_zero', severity: 'error', title: '부서 지표 가중치 합계 0' },
  { code: 'indicator_weight_zero', severity: 'warning', title: '가중치 0인 지표' },
  { code: 'task_dates_reversed', severity: 'error', title: '종료일이 시작일보다 빠른 과제' },
  { code: 'task_progress_out_of_range', severity: 'error', title: '진척률 범위(0~100) 밖' },
  { code: 'task_outside_plan_year', severity: 'warning', title: '계획 연도 밖의 과제 일정' },
  { code: 'task_executed_over_budget', severity: 'warning', title: '집행액이 예산보다 큼' },
  { code: 'task_department_not_involved', severity: 'warning', title: '지표와 관계없는 부서의 과제' },
  { code: 'result_period_other_year', severity: 'warning', title: '다른 연도의 실적' },
  { code: 'result_department_not_involved', severity: 'warning', title: '지표와 관계없는 부서의 실적' },
  { code: 'claimed_count_mismatch', severity: 'warning', title: '문서의 합계 ≠ 데이터' },
  { code: 'claimed_sum_mismatch', severity: 'warning', title: '문서 안의 합계가 맞지 않음' },
  { code: 'claimed_department_mismatch', severity: 'warning', title: '문서의 부서별 현황 ≠ 데이터' },
  { code: 'claimed_department_two_names', severity: 'warning', title: '문서가 부서의 다른 이름을 씀' },
  { code: 'claimed_department_unknown', severity: 'warning', title: '문서의 부서가 데이터에 없음' },
  { code: 'claimed_department_missing', severity: 'warning', title: '문서의 부서별 현황에 없는 부서' },
  { code: 'claimed_common_name_mismatch', severity: 'warning', title: '공통지표 이름이 다름' },
  { code: 'claimed_common_name_unknown', severity: 'warning', title: '문서의 공통지표가 데이터에 없음' },
  { code: 'claimed_common_name_missing', severity: 'warning', title: '데이터의 공통지표가 문서에 없음' },
] as const satisfies readonly { code: string; severity: PlanCheckSeverity; title: string }[];

export type PlanCheckCode = (typeof PLAN_CHECKS)[number]['code'];
const SEVERITY = new Map<string, PlanCheckSeverity>(PLAN_CHECKS.map((c) => [c.code, c.severity]));

const FINAL_DIGIT = new Set(['0', '1', '3', '6', '7', '8']); // 영 일 삼 육 칠 팔 end in a consonant
type Particle = '이/가' | '은/는' | '와/과' | '을/를' | '로/으로';
/** A Korean particle after `word`, chosen by its last syllable (digits read in Korean); unknown → "이(가)" form. */
export function josa(word: string, particle: Particle): string {
  const last =
    word
      .trim()
      .replace(/['")\]』」]+$/u, '')
      .at(-1) ?? '';
  const c = last.charCodeAt(0);
  let final: boolean | null = null;
  let rieul = false;
  if (c >= 0xac00 && c <= 0xd7a3) {
    const jong = (c - 0xac00) % 28;
    final = jong !== 0;
    rieul = jong === 8;
  } else if (/\d/.test(last)) {
    final = FINAL_DIGIT.has(last);
    rieul = last === '1' || last === '7' || last === '8';
  } else if (last === '%') final = false;
  const [withFinal, without] =
    particle === '이/가'
      ? ['이', '가']
      : particle === '은/는'
        ? ['은', '는']
        : particle === '와/과'
          ? ['과', '와']
          : particle === '을/를'
            ? ['을', '를']
            : ['으로', '로'];
  if (final === null) return `${withFinal}(${without})`;
  if (particle === '로/으로') return final && !rieul ? '으로' : '로';
  return final ? withFinal : without;
}
const q = (s: string) => `'${s}'`;
/** Quoted name with its particle: qj('교통과', '은/는') → "'교통과'는". */
const qj = (s: string, particle: Particle) => `${q(s)}${josa(s, particle)}`;

type IndicatorRow = PlanDocument['indicators'][number];

const LEVEL_LABEL = {
  orgStrategicGoals: '區 전략목표',
  orgPerformanceGoals: '區 성과목표',
  deptStrategicGoals: '부서 전략목표',
  deptPerformanceGoals: '부서 성과목표',
  indicators: '성과지표',
  tasks: '이행과제',
} as const;

const COUNT_LABEL: Record<string, string> = {
  orgStrategicGoals: '區 전략목표',
  orgPerformanceGoals: '區 성과목표',
  deptStrategicGoals: '부서 전략목표',
  deptPerformanceGoals: '부서 성과목표',
  indicators: '성과지표',
  uniqueIndicators: '고유지표',
  convergenceIndicators: '융합지표(공통 포함)',
  commonIndicators: '공통지표',
  tasks: '이행과제',
  departments: '평가대상 부서',
};

const DEPT_FIELD_LABEL = {
  deptStrategicGoals: '전략목표',
  deptPerformanceGoals: '성과목표',
  indicators: '성과지표',
  tasks: '이행과제',
} as const;

export function checkPlan(doc: PlanDocument): PlanCheckProblem[] {
  const out: PlanCheckProblem[] = [];
  const add = (code: PlanCheckCode, path: string, message: string, details?: Record<string, unknown>) =>
    out.push({ severity: SEVERITY.get(code) ?? 'error', code, path, message, ...(details ? { details } : {}) });

  // ── Path keys: rows are named by code (or department name, or result key), not by index.
  const keyOf: Record<string, (i: number) => string | undefined> = {
    departments: (i) => doc.departments[i]?.name,
    orgStrategicGoals: (i) => doc.orgStrategicGoals[i]?.code,
    orgPerformanceGoals: (i) => doc.orgPerformanceGoals[i]?.code,
    deptStrategicGoals: (i) => doc.deptStrategicGoals[i]?.code,
    deptPerformanceGoals: (i) => doc.deptPerformanceGoals[i]?.code,
    indicators: (i) => doc.indicators[i]?.code,
    tasks: (i) => doc.tasks[i]?.code,
    results: (i) => {
      const r = doc.results[i];
      return r && `${r.indicator}/${r.department}/${r.period}`;
    },
  };
  const rekey = (path: string) =>
    path.replace(/^(\w+)\[(\d+)\]/, (m, level: string, idx: string) => {
      const k = keyOf[level]?.(Number(idx));
      return k === undefined ? m : `${level}[${k}]`;
    });

  // ── Department names and every reference to a department.
  const deptByName = new Map(doc.departments.map((d) => [d.name, d]));
  const deptByNormalized = new Map<string, string>();
  for (const d of doc.departments) {
    const key = normalizeDepartmentName(d.name);
    if (!deptByNormalized.has(key)) deptByNormalized.set(key, d.name);
  }
  const formerOwners = new Map<string, string[]>();
  for (const d of doc.departments)
    for (const f of d.formerNames) {
      const key = normalizeDepartmentName(f);
      const owners = formerOwners.get(key) ?? [];
      if (!owners.includes(d.name)) owners.push(d.name);
      formerOwners.set(key, owners);
    }

  /** The department a name means: itself, the same name without spaces, or the department that had it as a former name. */
  const canonical = (name: string): string => {
    if (deptByName.has(name)) return name;
    const key = normalizeDepartmentName(name);
    return deptByNormalized.get(key) ?? formerOwners.get(key)?.[0] ?? name;
  };

  const deptRefs: { path: string; name: string }[] = [];
  const ref = (path: string, name: string) => deptRefs.push({ path, name });
  doc.deptStrategicGoals.forEach((g, i) => ref(`deptStrategicGoals[${i}].department`, g.department));
  doc.indicators.forEach((x, i) => {
    ref(`indicators[${i}].leadDepartment`, x.leadDepartment);
    x.participants.forEach((p, j) => ref(`indicators[${i}].participants[${j}]`, p));
  });
  doc.tasks.forEach((t, i) => ref(`tasks[${i}].department`, t.department));
  doc.results.forEach((r, i) => ref(`results[${i}].department`, r.department));
  const ei = doc.evaluationInputs;
  ei.bonusAwards.forEach((b, i) => ref(`evaluationInputs.bonusAwards[${i}].department`, b.department));
  ei.qualitativeScores.forEach((s, i) => ref(`evaluationInputs.qualitativeScores[${i}].department`, s.department));
  ei.penaltyCases.forEach((c, i) => ref(`evaluationInputs.penaltyCases[${i}].department`, c.department));
  doc.externalAwards.forEach((a, i) => {
    if (a.department !== null) ref(`externalAwards[${i}].department`, a.department);
  });
  const deptRefPaths = new Set(deptRefs.map((r) => r.path));

  // Integrity (duplicates, parent codes), without its department findings: reported below, more precisely.
  for (const p of findIntegrityProblems(doc)) {
    if (deptRefPaths.has(p.path)) continue;
    const level = /^(\w+)/.exec(p.path)?.[1] ?? '';
    const code: PlanCheckCode =
      p.code === 'duplicate'
        ? level === 'departments'
          ? 'duplicate_department'
          : level === 'results'
            ? 'duplicate_result'
            : 'duplicate_code'
        : 'unknown_reference';
    add(code, rekey(p.path), p.message);
  }

  for (const r of deptRefs) {
    if (deptByName.has(r.name)) continue;
    const key = normalizeDepartmentName(r.name);
    const path = rekey(r.path);
    const current = deptByNormalized.get(key);
    const owners = formerOwners.get(key);
    if (current !== undefined) {
      add(
        'department_name_spacing',
        path,
        `부서명 ${qj(r.name, '이/가')} 부서 목록의 ${qj(current, '와/과')} 표기만 다릅니다. ${qj(current, '로/으로')} 쓰세요.`,
        {
          name: r.name,
          department: current,
        },
      );
    } else if (owners?.length) {
      add(
        'department_two_names',
        path,
        `${qj(r.name, '은/는')} 부서 ${q(owners[0]!)}의 이전 이름입니다. 한 부서에 두 이름을 쓰지 말고 ${qj(owners[0]!, '로/으로')} 쓰세요.`,
        { name: r.name, department: owners[0] },
      );
    } else add('unknown_department', path, `부서 ${qj(r.name, '이/가')} 부서 목록에 없습니다.`, { name: r.name });
  }

  const seenNormalized = new Map<string, string>();
  doc.departments.forEach((d) => {
    const key = normalizeDepartmentName(d.name);
    const first = seenNormalized.get(key);
    if (first !== undefined && first !== d.name)
      add(
        'department_names_collide',
        `departments[${d.name}].name`,
        `부서 ${qj(d.name, '와/과')} ${qj(first, '은/는')} 공백을 빼면 같은 이름입니다. 한 부서에 두 이름을 쓰지 마세요.`,
        { names: [first, d.name] },
      );
    else seenNormalized.set(key, d.name);
    if (d.name !== normalizeDepartmentName(d.name))
      add(
        'department_name_not_normalized',
        `departments[${d.name}].name`,
        `부서명 ${q(d.name)}에 공백이 있습니다. ${qj(normalizeDepartmentName(d.name), '로/으로')} 쓰세요.`,
        { name: d.name, normalized: normalizeDepartmentName(d.name) },
      );
    d.formerNames.forEach((f, j) => {
      const key = normalizeDepartmentName(f);
      const other = deptByNormalized.get(key);
      if (other !== undefined && other !== d.name)
        add(
          'department_two_names',
          `departments[${d.name}].formerNames[${j}]`,
          `부서 ${q(d.name)}의 이전 이름 ${qj(f, '이/가')} 다른 부서 ${q(other)}의 이름입니다. 한 이름이 두 부서를 가리킵니다.`,
          { department: d.name, formerName: f, other },
        );
      const owners = formerOwners.get(key) ?? [];
      if (owners.length > 1 && owners[0] === d.name)
        add(
          'former_name_ambiguous',
          `departments[${d.name}].formerNames[${j}]`,
          `이전 이름 ${qj(f, '이/가')} 여러 부서(${owners.join(', ')})에 있습니다. 그 이름으로 된 자료를 어느 부서로 볼지 정할 수 없습니다.`,
          { formerName: f, departments: owners },
        );
    });
  });

  // ── Goals without children.
  const childCount = (codes: string[]) => {
    const m = new Map<string, number>();
    for (const c of codes) m.set(c, (m.get(c) ?? 0) + 1);
    return m;
  };
  const opgPerOsg = childCount(doc.orgPerformanceGoals.map((g) => g.orgStrategicGoal));
  const dsgPerOpg = childCount(doc.deptStrategicGoals.map((g) => g.orgPerformanceGoal));
  const dpgPerDsg = childCount(doc.deptPerformanceGoals.map((g) => g.deptStrategicGoal));
  const indPerDpg = childCount(doc.indicators.map((g) => g.deptPerformanceGoal));
  const noChild = (level: keyof typeof LEVEL_LABEL, code: string, name: string, child: string) =>
    add(
      'goal_without_children',
      `${level}[${code}]`,
      `${LEVEL_LABEL[level]} ${code} ${q(name)}에 ${child}${josa(child, '이/가')} 없습니다.`,
      {
        code,
      },
    );
  for (const g of doc.orgStrategicGoals)
    if (!opgPerOsg.get(g.code)) noChild('orgStrategicGoals', g.code, g.name, '區 성과목표');
  for (const g of doc.orgPerformanceGoals)
    if (!dsgPerOpg.get(g.code)) noChild('orgPerformanceGoals', g.code, g.name, '부서 전략목표');
  for (const g of doc.deptStrategicGoals)
    if (!dpgPerDsg.get(g.code)) noChild('deptStrategicGoals', g.code, g.name, '부서 성과목표');
  for (const g of doc.deptPerformanceGoals)
    if (!indPerDpg.get(g.code))
      add(
        'goal_without_indicator',
        `deptPerformanceGoals[${g.code}]`,
        `부서 성과목표 ${g.code} ${q(g.name)}에 성과지표가 없습니다.`,
        {
          code: g.code,
        },
      );

  // ── Departments: goals of evaluated / unevaluated departments.
  const dsgDepts = new Set(doc.deptStrategicGoals.map((g) => g.department));
  for (const d of doc.departments) {
    if (d.evaluated && !dsgDepts.has(d.name))
      add(
        'department_without_goals',
        `departments[${d.name}]`,
        `평가대상 부서 ${q(d.name)}에 부서 전략목표가 없습니다.`,
      );
  }
  for (const g of doc.deptStrategicGoals) {
    const d = deptByName.get(g.department);
    if (d && !d.evaluated)
      add(
        'goal_of_unevaluated_department',
        `deptStrategicGoals[${g.code}].department`,
        `부서 전략목표 ${g.code}의 부서 ${qj(d.name, '은/는')} 평가대상이 아닙니다.`,
      );
  }

  // ── Indicators.
  const dsgByCode = new Map(doc.deptStrategicGoals.map((g) => [g.code, g]));
  const dpgByCode = new Map(doc.deptPerformanceGoals.map((g) => [g.code, g]));
  const goalDeptOf = (x: IndicatorRow) => {
    const dpg = dpgByCode.get(x.deptPerformanceGoal);
    return dpg && dsgByCode.get(dpg.deptStrategicGoal)?.department;
  };
  for (const x of doc.indicators) {
    const at = `indicators[${x.code}]`;
    const label = `성과지표 ${x.code} ${q(x.name)}`;
    if (x.measurement === 'milestone') {
      if (x.milestones.length === 0)
        add(
          'indicator_missing_milestones',
          `${at}.milestones`,
          `${label}${josa(x.name, '은/는')} 마일스톤형인데 마일스톤이 없습니다. 달성률을 계산할 수 없습니다.`,
        );
    } else {
      if (x.target === null)
        add('indicator_missing_target', `${at}.target`, `${label}에 목표치가 없습니다. 달성률을 계산할 수 없습니다.`);
      if (x.unit.trim() === '') add('indicator_missing_unit', `${at}.unit`, `${label}에 단위가 없습니다.`);
      if (x.target !== null && x.baseline !== null) {
        const back = x.direction === 'higher' ? x.target < x.baseline : x.target > x.baseline;
        if (back)
          add(
            'indicator_target_below_baseline',
            `${at}.target`,
            `${label}의 목표치 ${x.target}${x.unit}${josa(`${x.target}${x.unit}`, '이/가')} 기준치 ${x.baseline}${x.unit}보다 ${x.direction === 'higher' ? '낮습니다' : '높습니다(낮을수록 좋은 지표)'}.`,
            { baseline: x.baseline, target: x.target, direction: x.direction },
          );
      }
    }
    const departments = new Set([x.leadDepartment, ...x.participants]);
    if (x.kind === 'convergence' && departments.size < 2)
      add(
        'convergence_too_few_departments',
        `${at}.participants`,
        `융합지표 ${x.code} ${q(x.name)}의 부서가 ${departments.size}개(주관 ${x.leadDepartment})입니다. 융합지표는 두 부서 이상이 함께 추진합니다.`,
        { departments: [...departments] },
      );
    if (x.kind === 'unique' && x.participants.length > 0)
      add(
        'participants_on_unique',
        `${at}.participants`,
        `고유지표 ${x.code} ${q(x.name)}에 참여부서(${x.participants.join(', ')})이(가) 있습니다. 참여부서는 융합지표에만 씁니다.`,
      );
    if (x.kind === 'common' && x.participants.length > 0)
      add(
        'participants_on_common',
        `${at}.participants`,
        `공통지표 ${x.code} ${q(x.name)}에 참여부서(${x.participants.join(', ')})이(가) 있습니다. 공통지표는 모든 평가대상 부서가 각자 측정하므로 참여부서를 쓰지 않습니다.`,
      );
    const goalDept = goalDeptOf(x);
    if (goalDept !== undefined && canonical(goalDept) !== canonical(x.leadDepartment)) {
      if (x.kind === 'unique')
        add(
          'lead_department_mismatch',
          `${at}.leadDepartment`,
          `고유지표 ${x.code} ${q(x.name)}의 부서 ${qj(x.leadDepartment, '이/가')} 상위 부서 전략목표의 부서 ${qj(goalDept, '와/과')} 다릅니다.`,
          { leadDepartment: x.leadDepartment, goalDepartment: goalDept },
        );
      else
        add(
          'convergence_lead_department_mismatch',
          `${at}.leadDepartment`,
          `${x.kind === 'common' ? '공통' : '융합'}지표 ${x.code} ${q(x.name)}의 주관부서 ${qj(x.leadDepartment, '이/가')} 상위 부서 전략목표의 부서 ${qj(goalDept, '와/과')} 다릅니다.`,
          { leadDepartment: x.leadDepartment, goalDepartment: goalDept },
        );
    }
    if (x.weight === 0)
      add('indicator_weight_zero', `${at}.weight`, `${label}의 가중치가 0입니다. 평가에 반영되지 않습니다.`);
  }

  // Weights are relative within a department (its own unique indicators, the convergence ones it
  // leads, every common one): a department whose weights add up to 0 cannot be scored.
  const common = doc.indicators.filter((x) => x.kind === 'common');
  for (const d of doc.departments) {
    if (!d.evaluated) continue;
    const own = doc.indicators.filter((x) => x.kind !== 'common' && canonical(x.leadDepartment) === d.name);
    const evaluatedOn = [...own, ...common];
    if (evaluatedOn.length === 0) continue;
    const sum = evaluatedOn.reduce((s, x) => s + x.weight, 0);
    if (!(sum > 0))
      add(
        'department_weights_zero',
        `departments[${d.name}]`,
        `부서 ${q(d.name)}의 평가 지표 ${evaluatedOn.length}개의 가중치 합계가 0입니다. 지표 달성도를 계산할 수 없습니다.`,
        { indicators: evaluatedOn.map((x) => x.code) },
      );
  }

  // ── Tasks.
  const year = doc.plan.year;
  const indByCode = new Map(doc.indicators.map((x) => [x.code, x]));
  const involved = (x: IndicatorRow, dept: string) => {
    const d = canonical(dept);
    if (x.kind === 'common') return deptByName.get(d)?.evaluated !== false;
    return canonical(x.leadDepartment) === d || x.participants.some((p) => canonical(p) === d);
  };
  for (const t of doc.tasks) {
    const at = `tasks[${t.code}]`;
    const label = `이행과제 ${t.code} ${q(t.name)}`;
    if (t.startDate && t.endDate && t.endDate < t.startDate)
      add(
        'task_dates_reversed',
        `${at}.endDate`,
        `${label}의 종료일 ${t.endDate}${josa(t.endDate, '이/가')} 시작일 ${t.startDate}보다 빠릅니다.`,
        {
          startDate: t.startDate,
          endDate: t.endDate,
        },
      );
    if (!(t.progress >= 0 && t.progress <= 100))
      add(
        'task_progress_out_of_range',
        `${at}.progress`,
        `${label}의 진척률 ${t.progress}%${josa('%', '이/가')} 0~100 범위 밖입니다.`,
        { progress: t.progress },
      );
    const startYear = t.startDate ? Number(t.startDate.slice(0, 4)) : null;
    const endYear = t.endDate ? Number(t.endDate.slice(0, 4)) : null;
    if ((endYear !== null && endYear < year) || (startYear !== null && startYear > year))
      add(
        'task_outside_plan_year',
        at,
        `${label}의 일정(${t.startDate ?? '?'} ~ ${t.endDate ?? '?'})이 계획 연도 ${year}년과 겹치지 않습니다.`,
      );
    if (t.executedAmount > t.budgetAmount)
      add(
        'task_executed_over_budget',
        `${at}.executedAmount`,
        `${label}의 집행액 ${t.executedAmount.toLocaleString('ko-KR')}원이 예산 ${t.budgetAmount.toLocaleString('ko-KR')}원보다 큽니다.`,
        { budgetAmount: t.budgetAmount, executedAmount: t.executedAmount },
      );
    const x = indByCode.get(t.indicator);
    if (x && deptByName.has(canonical(t.department)) && !involved(x, t.department))
      add(
        'task_department_not_involved',
        `${at}.department`,
        `${label}의 부서 ${qj(t.department, '이/가')} 지표 ${x.code} ${q(x.name)}의 주관·참여부서가 아닙니다.`,
      );
  }

  // ── Results.
  doc.results.forEach((r, i) => {
    const at = rekey(`results[${i}]`);
    if (!r.period.startsWith(String(year)))
      add(
        'result_period_other_year',
        `${at}.period`,
        `실적 기간 ${r.period}${josa(r.period, '이/가')} 계획 연도 ${year}년이 아닙니다.`,
      );
    const x = indByCode.get(r.indicator);
    if (x && deptByName.has(canonical(r.department)) && !involved(x, r.department))
      add(
        'result_department_not_involved',
        `${at}.department`,
        `부서 ${qj(r.department, '이/가')} 지표 ${x.code} ${q(x.name)}의 주관·참여부서가 아닌데 실적이 있습니다.`,
      );
  });

  if (doc.claimedTotals) checkClaimedTotals(doc, add);
  return out;
}

type Add = (code: PlanCheckCode, path: string, message: string, details?: Record<string, unknown>) => void;

function checkClaimedTotals(doc: PlanDocument, add: Add) {
  const claimed = doc.claimedTotals!;
  const source = claimed.source.trim() ? `문서(${claimed.source.trim()})` : '문서';
  const summary = summarizePlan(doc);
  const derived: Record<string, number> = {
    ...summary.counts,
    uniqueIndicators: doc.indicators.filter((x) => x.kind === 'unique').length,
  };

  // Counts.
  const counts = claimed.counts as Record<string, number | undefined>;
  for (const key of Object.keys(COUNT_LABEL)) {
    const c = counts[key];
    const d = derived[key];
    if (c === undefined || d === undefined || c === d) continue;
    add(
      'claimed_count_mismatch',
      `claimedTotals.counts.${key}`,
      `${COUNT_LABEL[key]} 수: ${source}는 ${c}개, 데이터는 ${d}개입니다 (${d > c ? '+' : ''}${d - c}).`,
      { key, claimed: c, derived: d },
    );
  }
  const { uniqueIndicators: u, convergenceIndicators: cv, indicators: total } = claimed.counts;
  if (u !== undefined && cv !== undefined && total !== undefined && u + cv !== total)
    add(
      'claimed_sum_mismatch',
      'claimedTotals.counts',
      `${source}의 고유지표 ${u}개 + 융합지표 ${cv}개 = ${u + cv}개인데, 성과지표 계는 ${total}개입니다.`,
      { uniqueIndicators: u, convergenceIndicators: cv, sum: u + cv, indicators: total },
    );

  // Per department.
  if (claimed.byDepartment.length > 0) {
    const all = summarizePlan({ ...doc, departments: doc.departments.map((d) => ({ ...d, evaluated: true })) });
    const rowOf = new Map(all.byDepartment.map((r) => [r.name, r]));
    const byNormalized = new Map(doc.departments.map((d) => [normalizeDepartmentName(d.name), d.name]));
    const formerOf = new Map<string, string>();
    for (const d of doc.departments)
      for (const f of d.formerNames) {
        const k = normalizeDepartmentName(f);
        if (!formerOf.has(k)) formerOf.set(k, d.name);
      }
    const matched = new Set<string>();
    const sums: Record<keyof typeof DEPT_FIELD_LABEL, number> = {
      deptStrategicGoals: 0,
      deptPerformanceGoals: 0,
      indicators: 0,
      tasks: 0,
    };
    const present: Record<keyof typeof DEPT_FIELD_LABEL, boolean> = {
      deptStrategicGoals: true,
      deptPerformanceGoals: true,
      indicators: true,
      tasks: true,
    };
    for (const c of claimed.byDepartment) {
      const at = `claimedTotals.byDepartment[${c.name}]`;
      for (const f of Object.keys(DEPT_FIELD_LABEL) as (keyof typeof DEPT_FIELD_LABEL)[]) {
        const v = c[f];
        if (v === undefined) present[f] = false;
        else sums[f] += v;
      }
      const key = normalizeDepartmentName(c.name);
      let name = byNormalized.get(key);
      if (name === undefined) {
        name = formerOf.get(key);
        if (name !== undefined)
          add(
            'claimed_department_two_names',
            `${at}.name`,
            `${source}의 부서 ${qj(c.name, '은/는')} 부서 ${q(name)}의 다른 이름입니다 (한 부서에 두 이름). ${q(name)}의 수치와 비교합니다.`,
            { claimedName: c.name, department: name },
          );
      }
      if (name === undefined) {
        add(
          'claimed_department_unknown',
          `${at}.name`,
          `${source}의 부서 ${qj(c.name, '이/가')} 데이터의 부서 목록에 없습니다.`,
          {
            claimedName: c.name,
          },
        );
        continue;
      }
      matched.add(name);
      const d = rowOf.get(name)!;
      for (const f of Object.keys(DEPT_FIELD_LABEL) as (keyof typeof DEPT_FIELD_LABEL)[]) {
        const v = c[f];
        if (v === undefined || v === d[f]) continue;
        add(
          'claimed_department_mismatch',
          `${at}.${f}`,
          `${name}${name !== c.name ? `(${source}: ${c.name})` : ''}의 ${DEPT_FIELD_LABEL[f]} 수: ${source}는 ${v}개, 데이터는 ${d[f]}개입니다 (${d[f] > v ? '+' : ''}${d[f] - v}).`,
          { department: name, claimedName: c.name, field: f, claimed: v, derived: d[f] },
        );
      }
    }
    for (const d of doc.departments)
      if (d.evaluated && !matched.has(d.name))
        add(
          'claimed_department_missing',
          `claimedTotals.byDepartment`,
          `평가대상 부서 ${qj(d.name, '이/가')} ${source}의 부서별 현황에 없습니다.`,
          {
            department: d.name,
          },
        );
    for (const f of Object.keys(DEPT_FIELD_LABEL) as (keyof typeof DEPT_FIELD_LABEL)[]) {
      const total = counts[f];
      if (!present[f] || total === undefined || sums[f] === total) continue;
      add(
        'claimed_sum_mismatch',
        `claimedTotals.byDepartment`,
        `${source}의 부서별 ${DEPT_FIELD_LABEL[f]} 합계는 ${sums[f]}개인데, 계는 ${total}개입니다.`,
        { field: f, sum: sums[f], total },
      );
    }
  }

  // Common indicator names.
  if (claimed.commonIndicatorNames.length > 0) checkCommonNames(doc, claimed.commonIndicatorNames, source, add);
}

function checkCommonNames(doc: PlanDocument, claimedNames: string[], source: string, add: Add) {
  const data = doc.indicators.filter((x) => x.kind === 'common');
  const freeData = new Set(data.map((_, i) => i));
  const freeClaimed: number[] = [];
  claimedNames.forEach((n, ci) => {
    const hit = [...freeData].find((di) => normalizeForCompare(data[di]!.name) === normalizeForCompare(n));
    if (hit === undefined) freeClaimed.push(ci);
    else freeData.delete(hit);
  });
  // Pair the rest by similarity (best pairs first; ties in document order).
  const pairs: { ci: number; di: number; s: number }[] = [];
  for (const ci of freeClaimed)
    for (const di of freeData) {
      const s = nameSimilarity(claimedNames[ci]!, data[di]!.name);
      if (s >= 0.4) pairs.push({ ci, di, s });
    }
  pairs.sort((a, b) => b.s - a.s || a.ci - b.ci || a.di - b.di);
  const pairedClaimed = new Map<number, number>();
  const usedData = new Set<number>();
  for (const p of pairs) {
    if (pairedClaimed.has(p.ci) || usedData.has(p.di)) continue;
    pairedClaimed.set(p.ci, p.di);
    usedData.add(p.di);
  }
  for (const ci of freeClaimed) {
    const name = claimedNames[ci]!;
    const di = pairedClaimed.get(ci);
    if (di !== undefined) {
      const x = data[di]!;
      add(
        'claimed_common_name_mismatch',
        `claimedTotals.commonIndicatorNames[${ci}]`,
        `공통지표 이름이 다릅니다: ${source}는 ${q(name)}, 데이터는 ${q(x.name)}(${x.code})입니다.`,
        { claimedName: name, name: x.name, indicator: x.code },
      );
    } else
      add(
        'claimed_common_name_unknown',
        `claimedTotals.commonIndicatorNames[${ci}]`,
        `${source}의 공통지표 ${qj(name, '이/가')} 데이터의 공통지표에 없습니다.`,
        { claimedName: name },
      );
  }
  for (const di of freeData) {
    if (usedData.has(di)) continue;
    const x = data[di]!;
    add(
      'claimed_common_name_missing',
      `indicators[${x.code}]`,
      `데이터의 공통지표 ${x.code} ${qj(x.name, '이/가')} ${source}의 공통지표 현황에 없습니다.`,
      { indicator: x.code, name: x.name },
    );
  }
}

/** Convenience for screens: problems grouped by severity (order kept). */
export function countProblems(problems: readonly PlanCheckProblem[]): { errors: number; warnings: number } {
  return {
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
  };
}
