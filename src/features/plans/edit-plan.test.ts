/** What hangs under an item of the plan (the refusal of a delete names it), on the demo's 2020 plan. */
import { describe, expect, it } from 'vitest';
import { buildDemoPlans } from '../demo/build-demo-plan.js';
import { dependentsOf } from './edit-plan.js';

describe('dependentsOf', () => {
  const { plan2020: doc } = buildDemoPlans();
  const total = (level: Parameters<typeof dependentsOf>[1], key: string) =>
    (doc[level] as { code: string }[]).reduce((n, r) => n + (dependentsOf(doc, level, r.code)[key] ?? 0), 0);

  it('counts each level under its parent: summed over the parents, the plan’s reconciled figures', () => {
    expect(total('orgStrategicGoals', 'orgPerformanceGoals')).toBe(16);
    expect(total('orgPerformanceGoals', 'deptStrategicGoals')).toBe(89);
    expect(total('deptStrategicGoals', 'deptPerformanceGoals')).toBe(163);
    expect(total('deptPerformanceGoals', 'indicators')).toBe(195);
    expect(total('indicators', 'tasks')).toBe(243);
  });

  it('names only what is there: an indicator’s tasks and results; nothing under a task', () => {
    const ind = doc.indicators.find((i) => doc.results.some((r) => r.indicator === i.code))!;
    const deps = dependentsOf(doc, 'indicators', ind.code);
    expect(deps.results).toBe(doc.results.filter((r) => r.indicator === ind.code).length);
    expect(Object.keys(deps).every((k) => deps[k]! > 0)).toBe(true);
    expect(dependentsOf(doc, 'orgStrategicGoals', 'S1')).toEqual({ orgPerformanceGoals: 3 });
    expect(dependentsOf(doc, 'tasks', doc.tasks[0]!.code)).toEqual({});
  });
});
