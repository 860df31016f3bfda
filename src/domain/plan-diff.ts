/**
 * 달라진 점 — what changed from one year's plan to another's, computed from the two documents.
 *
 * - `counts`: per level, from → to (the figures of domain/summary: 융합 counts convergence + common).
 * - per level (`levels`): rows added, removed, renamed, re-coded and changed. Rows are matched by
 *   code first (same code, different name after `normalizeForCompare` = renamed); rows left over
 *   on both sides with the same name (and, for department-owned levels, the same department) are
 *   matched by name (= re-coded). Departments are matched by name, then through `formerNames`
 *   (a department of the later year that lists an earlier name = renamed).
 * - `indicators.kindChanged`: an indicator that became (or stopped being) convergence/common.
 * - `convergence`: convergence + common indicators that are new / no longer so; `common.replaced`:
 *   common indicators dropped and common indicators introduced, paired in document order
 *   (고객만족행정도 → 제로페이(업무추진비) 추진율); leftovers in `common.added` / `common.removed`.
 * - `highlights`: the same as short Korean sentences, for the plan document.
 *
 * JSON-serialisable; deterministic order (removed rows in `from` order, everything else in `to` order).
 */
import type { PlanDocument } from '../contracts/interchange.js';
import { normalizeDepartmentName, normalizeForCompare } from './names.js';
import { summarizePlan } from './summary.js';

export type DiffLevel =
  'orgStrategicGoals' | 'orgPerformanceGoals' | 'deptStrategicGoals' | 'deptPerformanceGoals' | 'indicators' | 'tasks';

export type CountKey =
  | 'orgStrategicGoals'
  | 'orgPerformanceGoals'
  | 'deptStrategicGoals'
  | 'deptPerformanceGoals'
  | 'indicators'
  | 'convergenceIndicators'
  | 'commonIndicators'
  | 'tasks'
  | 'departments';

export const COUNT_LABELS: Record<CountKey, string> = {
  orgStrategicGoals: '區 전략목표',
  orgPerformanceGoals: '區 성과목표',
  deptStrategicGoals: '부서 전략목표',
  deptPerformanceGoals: '부서 성과목표',
  indicators: '성과지표',
  convergenceIndicators: '융합지표(공통 포함)',
  commonIndicators: '공통지표',
  tasks: '이행과제',
  departments: '평가대상 부서',
};

type Kind = 'unique' | 'convergence' | 'common';

export interface DiffItem {
  code: string;
  name: string;
  /** Owning / lead department (department-owned levels). */
  department?: string;
  /** Indicators only. */
  kind?: Kind;
}

export interface LevelDiff {
  added: DiffItem[];
  removed: DiffItem[];
  /** Same code, another name. */
  renamed: { code: string; from: string; to: string; department?: string }[];
  /** Same name, another code. */
  recoded: { name: string; from: string; to: string; department?: string }[];
  /** Same row (by code or name), another parent or department. */
  changed: { code: string; name: string; field: string; from: string; to: string }[];
}

export interface IndicatorLevelDiff extends LevelDiff {
  kindChanged: { code: string; name: string; from: Kind; to: Kind }[];
}

export interface PlanDiff {
  from: { year: number; title: string };
  to: { year: number; title: string };
  counts: Record<CountKey, { from: number; to: number; change: number }>;
  levels: {
    orgStrategicGoals: LevelDiff;
    orgPerformanceGoals: LevelDiff;
    deptStrategicGoals: LevelDiff;
    deptPerformanceGoals: LevelDiff;
    indicators: IndicatorLevelDiff;
    tasks: LevelDiff;
  };
  departments: {
    added: { name: string; evaluated: boolean }[];
    removed: { name: string; evaluated: boolean }[];
    renamed: { from: string; to: string }[];
    /** Became evaluated (to: true) or stopped being evaluated (to: false). */
    evaluatedChanged: { name: string; from: boolean; to: boolean }[];
  };
  convergence: { added: DiffItem[]; removed: DiffItem[] };
  common: { added: DiffItem[]; removed: DiffItem[]; replaced: { from: DiffItem; to: DiffItem }[] };
  highlights: string[];
}

interface Row {
  code: string;
  name: string;
  department?: string;
  kind?: Kind;
  /** Fields compared for `changed`: field name → value. */
  links: Record<string, string>;
}

function diffLevel(from: Row[], to: Row[], rename: Map<string, string>): { diff: LevelDiff; pairs: [Row, Row][] } {
  const dept = (d: string | undefined) => (d === undefined ? undefined : (rename.get(d) ?? d));
  const fromByCode = new Map<string, Row>();
  for (const r of from) if (!fromByCode.has(r.code)) fromByCode.set(r.code, r);
  const toCodes = new Set(to.map((r) => r.code));
  const pairs: [Row, Row][] = [];
  const matchedFrom = new Set<Row>();
  const unmatchedTo: Row[] = [];
  for (const r of to) {
    const f = fromByCode.get(r.code);
    if (f && !matchedFrom.has(f)) {
      pairs.push([f, r]);
      matchedFrom.add(f);
    } else unmatchedTo.push(r);
  }
  // Second pass: same name (and department), different code.
  const key = (r: Row, mapDept: boolean) =>
    `${normalizeForCompare(r.name)}|${mapDept ? (dept(r.department) ?? '') : (r.department ?? '')}`;
  const leftFrom = from.filter((r) => !matchedFrom.has(r) && !toCodes.has(r.code));
  const leftFromByKey = new Map<string, Row[]>();
  for (const r of leftFrom) {
    const k = key(r, true);
    leftFromByKey.set(k, [...(leftFromByKey.get(k) ?? []), r]);
  }
  const recoded: LevelDiff['recoded'] = [];
  const added: DiffItem[] = [];
  for (const r of unmatchedTo) {
    const candidates = leftFromByKey.get(key(r, false));
    const f = candidates?.find((c) => !matchedFrom.has(c));
    if (f) {
      matchedFrom.add(f);
      pairs.push([f, r]);
      recoded.push({
        name: r.name,
        from: f.code,
        to: r.code,
        ...(r.department !== undefined ? { department: r.department } : {}),
      });
    } else added.push(item(r));
  }
  const removed = from.filter((r) => !matchedFrom.has(r)).map(item);
  const toOrder = new Map(to.map((r, i) => [r, i]));
  pairs.sort((a, b) => toOrder.get(a[1])! - toOrder.get(b[1])!);
  const renamed: LevelDiff['renamed'] = [];
  const changed: LevelDiff['changed'] = [];
  for (const [f, r] of pairs) {
    if (f.code === r.code && normalizeForCompare(f.name) !== normalizeForCompare(r.name))
      renamed.push({
        code: r.code,
        from: f.name,
        to: r.name,
        ...(r.department !== undefined ? { department: r.department } : {}),
      });
    for (const field of Object.keys(r.links)) {
      const a = f.links[field];
      const b = r.links[field];
      if (a === undefined || b === undefined) continue;
      const same = field === 'department' || field === 'leadDepartment' ? dept(a) === b : a === b;
      if (!same) changed.push({ code: r.code, name: r.name, field, from: a, to: b });
    }
  }
  return { diff: { added, removed, renamed, recoded, changed }, pairs };
}

function item(r: Row): DiffItem {
  return {
    code: r.code,
    name: r.name,
    ...(r.department !== undefined ? { department: r.department } : {}),
    ...(r.kind !== undefined ? { kind: r.kind } : {}),
  };
}

function rows(doc: PlanDocument) {
  const dsgDept = new Map(doc.deptStrategicGoals.map((g) => [g.code, g.department]));
  const dpgDept = new Map(doc.deptPerformanceGoals.map((g) => [g.code, dsgDept.get(g.deptStrategicGoal)]));
  return {
    orgStrategicGoals: doc.orgStrategicGoals.map((g): Row => ({
      code: g.code,
      name: g.name,
      links: { visionPillar: g.visionPillar ?? '' },
    })),
    orgPerformanceGoals: doc.orgPerformanceGoals.map((g): Row => ({
      code: g.code,
      name: g.name,
      links: { orgStrategicGoal: g.orgStrategicGoal, no: String(g.no) },
    })),
    deptStrategicGoals: doc.deptStrategicGoals.map((g): Row => ({
      code: g.code,
      name: g.name,
      department: g.department,
      links: { orgPerformanceGoal: g.orgPerformanceGoal, department: g.department },
    })),
    deptPerformanceGoals: doc.deptPerformanceGoals.map((g): Row => ({
      code: g.code,
      name: g.name,
      ...(dpgDept.get(g.code) !== undefined ? { department: dpgDept.get(g.code) } : {}),
      links: { deptStrategicGoal: g.deptStrategicGoal },
    })),
    indicators: doc.indicators.map((x): Row => ({
      code: x.code,
      name: x.name,
      department: x.leadDepartment,
      kind: x.kind,
      links: { deptPerformanceGoal: x.deptPerformanceGoal, leadDepartment: x.leadDepartment },
    })),
    tasks: doc.tasks.map((t): Row => ({
      code: t.code,
      name: t.name,
      department: t.department,
      links: { indicator: t.indicator, department: t.department },
    })),
  };
}

export function diffPlans(from: PlanDocument, to: PlanDocument): PlanDiff {
  // Departments: by name, then by formerNames of the later year.
  const toNames = new Set(to.departments.map((d) => d.name));
  const fromNames = new Set(from.departments.map((d) => d.name));
  const rename = new Map<string, string>();
  const renamedDepts: PlanDiff['departments']['renamed'] = [];
  for (const d of to.departments) {
    if (fromNames.has(d.name)) continue;
    const former = from.departments.find(
      (f) =>
        !toNames.has(f.name) &&
        !rename.has(f.name) &&
        d.formerNames.some((n) => normalizeDepartmentName(n) === normalizeDepartmentName(f.name)),
    );
    if (former) {
      rename.set(former.name, d.name);
      renamedDepts.push({ from: former.name, to: d.name });
    }
  }
  const renamedTo = new Set(rename.values());
  const fromByName = new Map(from.departments.map((d) => [d.name, d]));
  const departments: PlanDiff['departments'] = {
    added: to.departments
      .filter((d) => !fromNames.has(d.name) && !renamedTo.has(d.name))
      .map((d) => ({ name: d.name, evaluated: d.evaluated })),
    removed: from.departments
      .filter((d) => !toNames.has(d.name) && !rename.has(d.name))
      .map((d) => ({ name: d.name, evaluated: d.evaluated })),
    renamed: renamedDepts,
    evaluatedChanged: to.departments.flatMap((d) => {
      const f = fromByName.get(d.name) ?? from.departments.find((x) => rename.get(x.name) === d.name);
      return f && f.evaluated !== d.evaluated ? [{ name: d.name, from: f.evaluated, to: d.evaluated }] : [];
    }),
  };

  const a = rows(from);
  const b = rows(to);
  const lv = (k: DiffLevel) => diffLevel(a[k], b[k], rename);
  const ind = lv('indicators');
  const kindChanged: IndicatorLevelDiff['kindChanged'] = ind.pairs
    .filter(([f, r]) => f.kind !== r.kind)
    .map(([f, r]) => ({ code: r.code, name: r.name, from: f.kind!, to: r.kind! }));

  const isConv = (k: Kind | undefined) => k === 'convergence' || k === 'common';
  const pairedTo = new Map(ind.pairs.map(([f, r]) => [r, f]));
  const pairedFrom = new Map(ind.pairs.map(([f, r]) => [f, r]));
  const convergence = {
    added: b.indicators.filter((r) => isConv(r.kind) && !isConv(pairedTo.get(r)?.kind)).map(item),
    removed: a.indicators.filter((f) => isConv(f.kind) && !isConv(pairedFrom.get(f)?.kind)).map(item),
  };
  const commonAdded = b.indicators.filter((r) => r.kind === 'common' && pairedTo.get(r)?.kind !== 'common').map(item);
  const commonRemoved = a.indicators
    .filter((f) => f.kind === 'common' && pairedFrom.get(f)?.kind !== 'common')
    .map(item);
  const n = Math.min(commonAdded.length, commonRemoved.length);
  const common = {
    added: commonAdded.slice(n),
    removed: commonRemoved.slice(n),
    replaced: commonRemoved.slice(0, n).map((f, i) => ({ from: f, to: commonAdded[i]! })),
  };

  const sa = summarizePlan(from).counts;
  const sb = summarizePlan(to).counts;
  const counts = Object.fromEntries(
    (Object.keys(COUNT_LABELS) as CountKey[]).map((k) => [k, { from: sa[k], to: sb[k], change: sb[k] - sa[k] }]),
  ) as PlanDiff['counts'];

  const highlights: string[] = [];
  for (const k of Object.keys(COUNT_LABELS) as CountKey[]) {
    const c = counts[k];
    if (c.change !== 0)
      highlights.push(`${COUNT_LABELS[k]} ${c.from}개 → ${c.to}개 (${c.change > 0 ? '+' : ''}${c.change})`);
  }
  for (const r of common.replaced) highlights.push(`공통지표 변경: ${r.from.name} → ${r.to.name}`);
  for (const x of common.added) highlights.push(`공통지표 추가: ${x.name}`);
  for (const x of common.removed) highlights.push(`공통지표 삭제: ${x.name}`);
  if (convergence.added.length)
    highlights.push(`새 융합지표 ${convergence.added.length}개: ${convergence.added.map((x) => x.name).join(', ')}`);
  if (convergence.removed.length)
    highlights.push(
      `빠진 융합지표 ${convergence.removed.length}개: ${convergence.removed.map((x) => x.name).join(', ')}`,
    );
  for (const r of renamedDepts) highlights.push(`부서 명칭 변경: ${r.from} → ${r.to}`);

  return {
    from: { year: from.plan.year, title: from.plan.title },
    to: { year: to.plan.year, title: to.plan.title },
    counts,
    levels: {
      orgStrategicGoals: lv('orgStrategicGoals').diff,
      orgPerformanceGoals: lv('orgPerformanceGoals').diff,
      deptStrategicGoals: lv('deptStrategicGoals').diff,
      deptPerformanceGoals: lv('deptPerformanceGoals').diff,
      indicators: { ...ind.diff, kindChanged },
      tasks: lv('tasks').diff,
    },
    departments,
    convergence,
    common,
    highlights,
  };
}
