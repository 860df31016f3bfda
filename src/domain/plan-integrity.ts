/**
 * Referential integrity of a plan document: every code is unique on its level and every reference
 * (parent code, department name, indicator code) resolves. An import refuses a document with any
 * of these problems; `checkPlan` reports them among the other plan checks.
 */
import type { PlanDocument } from '../contracts/interchange.js';
import type { ProblemDetail } from './errors.js';

export function findIntegrityProblems(doc: PlanDocument): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const depts = new Set<string>();
  doc.departments.forEach((d, i) => {
    if (depts.has(d.name))
      problems.push({ path: `departments[${i}].name`, code: 'duplicate', message: `부서명 '${d.name}'이(가) 중복됩니다.` });
    depts.add(d.name);
  });
  const pillars = new Set(doc.visionPillars.map((p) => p.name));

  const codes = <T extends { code: string }>(rows: T[], level: string, label: string) => {
    const set = new Set<string>();
    rows.forEach((r, i) => {
      if (set.has(r.code))
        problems.push({ path: `${level}[${i}].code`, code: 'duplicate', message: `${label} 코드 '${r.code}'이(가) 중복됩니다.` });
      set.add(r.code);
    });
    return set;
  };
  const osg = codes(doc.orgStrategicGoals, 'orgStrategicGoals', '區 전략목표');
  const opg = codes(doc.orgPerformanceGoals, 'orgPerformanceGoals', '區 성과목표');
  const dsg = codes(doc.deptStrategicGoals, 'deptStrategicGoals', '부서 전략목표');
  const dpg = codes(doc.deptPerformanceGoals, 'deptPerformanceGoals', '부서 성과목표');
  const ind = codes(doc.indicators, 'indicators', '성과지표');
  codes(doc.tasks, 'tasks', '이행과제');

  const ref = (ok: boolean, path: string, message: string) => {
    if (!ok) problems.push({ path, code: 'unknown_reference', message });
  };
  const dept = (name: string, path: string) => ref(depts.has(name), path, `부서 '${name}'이(가) 부서 목록에 없습니다.`);

  doc.orgStrategicGoals.forEach((g, i) => {
    if (g.visionPillar !== null)
      ref(pillars.has(g.visionPillar), `orgStrategicGoals[${i}].visionPillar`, `비전 '${g.visionPillar}'이(가) 없습니다.`);
  });
  doc.orgPerformanceGoals.forEach((g, i) =>
    ref(osg.has(g.orgStrategicGoal), `orgPerformanceGoals[${i}].orgStrategicGoal`, `區 전략목표 '${g.orgStrategicGoal}'이(가) 없습니다.`),
  );
  doc.deptStrategicGoals.forEach((g, i) => {
    ref(opg.has(g.orgPerformanceGoal), `deptStrategicGoals[${i}].orgPerformanceGoal`, `區 성과목표 '${g.orgPerformanceGoal}'이(가) 없습니다.`);
    dept(g.department, `deptStrategicGoals[${i}].department`);
  });
  doc.deptPerformanceGoals.forEach((g, i) =>
    ref(dsg.has(g.deptStrategicGoal), `deptPerformanceGoals[${i}].deptStrategicGoal`, `부서 전략목표 '${g.deptStrategicGoal}'이(가) 없습니다.`),
  );
  doc.indicators.forEach((x, i) => {
    ref(dpg.has(x.deptPerformanceGoal), `indicators[${i}].deptPerformanceGoal`, `부서 성과목표 '${x.deptPerformanceGoal}'이(가) 없습니다.`);
    dept(x.leadDepartment, `indicators[${i}].leadDepartment`);
    x.participants.forEach((p, j) => dept(p, `indicators[${i}].participants[${j}]`));
  });
  doc.tasks.forEach((t, i) => {
    ref(ind.has(t.indicator), `tasks[${i}].indicator`, `성과지표 '${t.indicator}'이(가) 없습니다.`);
    dept(t.department, `tasks[${i}].department`);
  });
  const seen = new Set<string>();
  doc.results.forEach((r, i) => {
    ref(ind.has(r.indicator), `results[${i}].indicator`, `성과지표 '${r.indicator}'이(가) 없습니다.`);
    dept(r.department, `results[${i}].department`);
    const k = `${r.indicator}|${r.department}|${r.period}`;
    if (seen.has(k))
      problems.push({ path: `results[${i}]`, code: 'duplicate', message: `실적 (${r.indicator}, ${r.department}, ${r.period})이(가) 중복됩니다.` });
    seen.add(k);
  });
  const ei = doc.evaluationInputs;
  ei.raterAssignments.forEach((a, i) =>
    ref(ind.has(a.indicator), `evaluationInputs.raterAssignments[${i}].indicator`, `성과지표 '${a.indicator}'이(가) 없습니다.`),
  );
  ei.ratings.forEach((r, i) =>
    ref(ind.has(r.indicator), `evaluationInputs.ratings[${i}].indicator`, `성과지표 '${r.indicator}'이(가) 없습니다.`),
  );
  ei.bonusAwards.forEach((b, i) => dept(b.department, `evaluationInputs.bonusAwards[${i}].department`));
  ei.qualitativeScores.forEach((q, i) => dept(q.department, `evaluationInputs.qualitativeScores[${i}].department`));
  ei.penaltyCases.forEach((c, i) => {
    dept(c.department, `evaluationInputs.penaltyCases[${i}].department`);
    if (c.indicator !== null)
      ref(ind.has(c.indicator), `evaluationInputs.penaltyCases[${i}].indicator`, `성과지표 '${c.indicator}'이(가) 없습니다.`);
  });
  doc.externalAwards.forEach((a, i) => {
    if (a.department !== null) dept(a.department, `externalAwards[${i}].department`);
  });
  return problems;
}
