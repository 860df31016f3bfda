/**
 * The demo plans: exact where the seed is exact (checked against the TSVs read here directly),
 * valid, deterministic, and with illustrative content of the promised shape.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { planDocumentSchema, type PlanDocument } from '../../contracts/interchange.js';
import { normalizePlanDocument } from '../../domain/plan-normalize.js';
import { findIntegrityProblems } from '../../domain/plan-integrity.js';
import { buildDemoPlans, DEMO_FACTS } from './build-demo-plan.js';
import { periodDeadline, resolveCalendar } from '../../domain/results/calendar.js';

const tsv = (file: string) => {
  const [head, ...lines] = fs
    .readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const cols = head!.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i]!, v.trim()])));
};
const seedRows = tsv('plan-2020-reconciled.tsv');
const seedConv = tsv('convergence-2020.tsv');
const seedAtt = tsv('attachment1-2020-as-printed.tsv');
const squash = (s: string) => s.replace(/\s+/g, '');

const { plan2019, plan2020 } = buildDemoPlans();
const p = plan2020;

const dsgOfIndicator = (doc: PlanDocument, code: string) => {
  const ind = doc.indicators.find((i) => i.code === code)!;
  return doc.deptPerformanceGoals.find((g) => g.code === ind.deptPerformanceGoal)!.deptStrategicGoal;
};

describe('demo plans: validity and determinism', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are valid interchange documents in normal form with resolvable references', () => {
    for (const doc of [plan2019, plan2020]) {
      expect(planDocumentSchema.parse(doc)).toEqual(doc);
      expect(normalizePlanDocument(doc)).toEqual(doc);
      expect(findIntegrityProblems(doc)).toEqual([]);
    }
  });

  it('are the same on every call and use neither Math.random nor the clock', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    const again = buildDemoPlans();
    expect(again.plan2020).toEqual(plan2020);
    expect(again.plan2019).toEqual(plan2019);
    expect(JSON.stringify(again)).toBe(JSON.stringify({ plan2019, plan2020 }));
  });
});

describe('demo 2020: exact facts from the seed', () => {
  it('has the organization, header and vision', () => {
    expect(p.organization).toEqual({ code: 'songpa', name: '서울특별시 송파구' });
    expect(p.plan).toMatchObject({
      year: 2020,
      title: '2020년 성과관리(BSC) 시행계획',
      status: 'active',
      visionName: '비전 2022',
      illustrative: true,
    });
    expect(p.visionPillars.map((v) => v.name)).toEqual(['일자리 1위', '교육 1위', '삶의 질 1위']);
    expect(p.plan.overview).toContain('정부업무평가 기본법 제18조');
    expect(p.plan.overview).toContain('42개부서 (區 본청 37, 박물관 1, 보건소 4)');
    expect(p.plan.futurePlan).toContain('향후계획');
  });

  it('has the 5 org strategic goals under their pillars and the 16 org performance goals', () => {
    expect(p.orgStrategicGoals).toEqual([
      { code: 'S1', name: '일자리 송파', visionPillar: '일자리 1위' },
      { code: 'S2', name: '배우는 송파', visionPillar: '교육 1위' },
      { code: 'S3', name: '안전한 송파', visionPillar: '삶의 질 1위' },
      { code: 'S4', name: '꿈꾸는 송파', visionPillar: '삶의 질 1위' },
      { code: 'S5', name: '재밌는 송파', visionPillar: '삶의 질 1위' },
    ]);
    expect(p.orgPerformanceGoals).toHaveLength(16);
    const osgOfNo = (no: number) => (no <= 3 ? 'S1' : no <= 7 ? 'S2' : no <= 9 ? 'S3' : no <= 12 ? 'S4' : 'S5');
    p.orgPerformanceGoals.forEach((g, i) => {
      const row = seedRows.find((r) => Number(r.org_goal_no) === i + 1)!;
      expect(g).toEqual({
        code: `G${String(i + 1).padStart(2, '0')}`,
        no: i + 1,
        name: row.org_goal,
        orgStrategicGoal: osgOfNo(i + 1),
      });
    });
  });

  it('has the 42 evaluated departments in 붙임 1 order, with their groups, and 주택과 = 주택관리과', () => {
    const evaluated = p.departments.filter((d) => d.evaluated);
    expect(evaluated.map((d) => d.name)).toEqual(
      seedAtt.filter((a) => a.no !== 'total').map((a) => (a.department === '주택관리과' ? '주택과' : a.department)),
    );
    const groups = (g: string) => evaluated.filter((d) => d.group === g).map((d) => d.name);
    expect(groups('본청')).toHaveLength(37);
    expect(groups('박물관')).toEqual(['송파책박물관']);
    expect(groups('보건소')).toEqual(['보건위생과', '건강증진과', '의약과', '보건지소']);
    expect(p.departments.find((d) => d.name === '주택과')!.formerNames).toEqual(['주택관리과']);
    expect(p.departments.filter((d) => d.formerNames.length > 0)).toHaveLength(1);
    expect(p.departments.find((d) => d.name === '구의회사무국')).toMatchObject({ group: '의회', evaluated: false });
    expect(p.departments.filter((d) => !d.evaluated).map((d) => d.group)).toEqual(['의회', '동']);
    for (const d of p.departments) expect(d.name).toBe(squash(d.name));
  });

  it('has the 89 dept strategic goals of the TSV, in its order, with normalised department names', () => {
    expect(p.deptStrategicGoals).toHaveLength(89);
    p.deptStrategicGoals.forEach((g, i) => {
      const r = seedRows[i]!;
      expect(g).toEqual({
        code: `D${r.row!.padStart(3, '0')}`,
        name: r.dept_strategic_goal,
        orgPerformanceGoal: `G${r.org_goal_no!.padStart(2, '0')}`,
        department: squash(r.department_as_printed!),
        illustrative: false,
      });
    });
  });

  it('spreads 붙임 1 performance goals over each department and keeps the TSV indicator and task counts per strategic goal', () => {
    expect(p.deptPerformanceGoals).toHaveLength(163);
    for (const a of seedAtt.filter((x) => x.no !== 'total')) {
      const dept = a.department === '주택관리과' ? '주택과' : a.department;
      const dsgs = p.deptStrategicGoals.filter((g) => g.department === dept).map((g) => g.code);
      expect(dsgs).toHaveLength(Number(a.dept_strategic_goals));
      expect(p.deptPerformanceGoals.filter((g) => dsgs.includes(g.deptStrategicGoal))).toHaveLength(
        Number(a.dept_performance_goals),
      );
    }
    for (const g of p.deptStrategicGoals) {
      const dpgs = p.deptPerformanceGoals.filter((x) => x.deptStrategicGoal === g.code);
      expect(dpgs.length).toBeGreaterThanOrEqual(1);
      dpgs.forEach((x, j) => expect(x.code).toBe(`${g.code}-${j + 1}`));
      for (const x of dpgs)
        expect(p.indicators.filter((i) => i.deptPerformanceGoal === x.code).length).toBeGreaterThanOrEqual(1);
      const r = seedRows.find((row) => `D${row.row!.padStart(3, '0')}` === g.code)!;
      const inds = p.indicators.filter((i) => dsgOfIndicator(p, i.code) === g.code);
      expect(inds).toHaveLength(Number(r.indicators));
      expect(p.tasks.filter((t) => dsgOfIndicator(p, t.indicator) === g.code)).toHaveLength(Number(r.tasks));
      expect(inds.filter((i) => i.kind !== 'unique').map((i) => i.name)).toEqual(
        seedConv.filter((c) => c.row === r.row).map((c) => c.indicator),
      );
    }
  });

  it('has the 33 convergence indicators of 붙임 2 with their lead departments, 5 of them common', () => {
    const conv = p.indicators.filter((i) => i.kind !== 'unique');
    expect(conv).toHaveLength(33);
    for (const c of seedConv) {
      const x = conv.find((i) => i.name === c.indicator)!;
      expect(x.leadDepartment).toBe(c.department);
      expect(x.kind).toBe(c.common === '공통' ? 'common' : 'convergence');
      if (x.kind === 'common') expect(x.participants).toEqual([]);
      else {
        expect(x.participants.length).toBeGreaterThanOrEqual(2);
        expect(x.participants.length).toBeLessThanOrEqual(4);
        expect(x.participants).not.toContain(x.leadDepartment);
      }
      expect(x.illustrative).toBe(true);
    }
    expect(
      p.indicators
        .filter((i) => i.kind === 'common')
        .map((i) => i.name)
        .sort(),
    ).toEqual([...DEMO_FACTS.commonIndicators].sort());
  });

  it('numbers indicators, tasks and goals readably in plan order', () => {
    expect(p.indicators.map((i) => i.code)).toEqual(
      Array.from({ length: 195 }, (_, i) => `I${String(i + 1).padStart(3, '0')}`),
    );
    expect(p.tasks.map((t) => t.code)).toEqual(
      Array.from({ length: 243 }, (_, i) => `T${String(i + 1).padStart(3, '0')}`),
    );
    const dsgOrder = p.indicators.map((i) => Number(dsgOfIndicator(p, i.code).slice(1)));
    expect(dsgOrder).toEqual([...dsgOrder].sort((a, b) => a - b));
  });

  it("records the document's claimed figures as printed", () => {
    const c = p.claimedTotals!;
    expect(c.source).toBe('2020 시행계획 본문·붙임 1');
    expect(c.counts).toEqual({
      indicators: 195,
      uniqueIndicators: 164,
      convergenceIndicators: 33,
      commonIndicators: 5,
      tasks: 241,
      deptStrategicGoals: 89,
      deptPerformanceGoals: 163,
      orgStrategicGoals: 5,
      orgPerformanceGoals: 16,
      departments: 42,
    });
    expect(c.commonIndicatorNames).toEqual([
      '사회적경제기업 제품 구매율',
      '청렴시책 달성도',
      '직원 연가 사용률',
      '제안등록 실적지수',
      '제로페이(업무추진비) 사용률',
    ]);
    expect(c.byDepartment).toEqual(
      seedAtt
        .filter((a) => a.no !== 'total')
        .map((a) => ({
          name: a.department,
          deptStrategicGoals: Number(a.dept_strategic_goals),
          deptPerformanceGoals: Number(a.dept_performance_goals),
          indicators: Number(a.indicators),
          tasks: Number(a.tasks),
        })),
    );
    expect(c.byDepartment.map((d) => d.name)).toContain('주택관리과');
  });

  it("keeps the previous year's facts in a keyed structure", () => {
    expect(p.plan.priorYearFacts).toMatchObject({
      year: 2019,
      externalEvaluations: { awards: 104, incentivesKrw: 6_290_000_000 },
      notableAwards: [
        { name: '아시아·태평양 스티비 어워드' },
        { name: '피나클어워즈', result: '금상', consecutiveYears: 8 },
      ],
      cityDistrictJointProjects: { consecutiveYears: 3, projects: 12, incentivesKrw: 330_000_000 },
      indicators: { count: 195, averageAchievementRate: 92.63 },
    });
  });
});

describe('demo 2020: illustrative content', () => {
  it('marks invented rows illustrative and keeps seed-given goals exact', () => {
    expect(p.deptStrategicGoals.every((g) => !g.illustrative)).toBe(true);
    for (const rows of [
      p.deptPerformanceGoals,
      p.indicators,
      p.tasks,
      p.results,
      p.evaluationInputs.ratings,
      p.externalAwards,
    ])
      expect(rows.every((r) => r.illustrative)).toBe(true);
  });

  it('defines every indicator fully, with a mix of directions, frequencies, measurements and tags', () => {
    for (const x of p.indicators) {
      expect(x.unit).not.toBe('');
      expect(x.formula).not.toBe('');
      expect(x.dataSource).not.toBe('');
      if (x.measurement === 'milestone') expect(x.milestones.length).toBeGreaterThanOrEqual(3);
      else {
        expect(x.target).not.toBeNull();
        expect(x.baseline).not.toBeNull();
        if (x.direction === 'higher') expect(x.target!).toBeGreaterThanOrEqual(x.baseline!);
        else expect(x.target!).toBeLessThanOrEqual(x.baseline!);
      }
    }
    const count = (f: (x: PlanDocument['indicators'][number]) => boolean) => p.indicators.filter(f).length;
    expect(count((x) => x.direction === 'lower')).toBeGreaterThanOrEqual(10);
    expect(count((x) => x.measurement === 'milestone')).toBeGreaterThanOrEqual(3);
    for (const f of ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const)
      expect(count((x) => x.frequency === f)).toBeGreaterThan(5);
    expect(count((x) => x.tags.includes('정부합동평가'))).toBeGreaterThan(3);
    expect(count((x) => x.tags.includes('서울시 인센티브'))).toBeGreaterThan(3);
    expect(new Set(p.indicators.map((x) => x.convergenceRule)).size).toBe(3);
  });

  it('gives each task an indicator of its own strategic goal and department, 2020 dates and integer KRW', () => {
    const dsgDept = new Map(p.deptStrategicGoals.map((g) => [g.code, g.department]));
    for (const t of p.tasks) {
      expect(t.department).toBe(dsgDept.get(dsgOfIndicator(p, t.indicator)));
      expect(t.startDate! <= t.endDate!).toBe(true);
      expect(t.startDate!.startsWith('2020-')).toBe(true);
      expect(t.endDate!.startsWith('2020-')).toBe(true);
      expect(Number.isInteger(t.budgetAmount) && Number.isInteger(t.executedAmount)).toBe(true);
      expect(t.executedAmount).toBeLessThanOrEqual(t.budgetAmount);
      expect(t.budgetProgramCode === '').toBe(t.budgetAmount === 0);
    }
    expect(p.tasks.filter((t) => t.budgetAmount > 0).length).toBeGreaterThan(150);
  });

  it('has results for every period of every indicator and every contributing department', () => {
    const evaluated = p.departments.filter((d) => d.evaluated).map((d) => d.name);
    const periods = { monthly: 12, quarterly: 4, half_yearly: 2, yearly: 1 } as const;
    for (const x of p.indicators) {
      const depts = x.kind === 'common' ? evaluated : [x.leadDepartment, ...x.participants];
      const rows = p.results.filter((r) => r.indicator === x.code);
      expect(new Set(rows.map((r) => r.department))).toEqual(new Set(depts));
      expect(rows).toHaveLength(depts.length * periods[x.frequency]);
    }
  });

  it('has statuses in every state at the latest periods, timestamps in +09:00, a few late entries with penalty cases', () => {
    const latest = new Map<string, PlanDocument['results'][number]>();
    for (const r of p.results) {
      const k = `${r.indicator}|${r.department}`;
      if (!latest.has(k) || latest.get(k)!.period < r.period) latest.set(k, r);
    }
    const statuses = [...latest.values()].map((r) => r.status);
    for (const s of ['draft', 'submitted', 'approved', 'verified'] as const) expect(statuses).toContain(s);
    const earlier = p.results.filter((r) => latest.get(`${r.indicator}|${r.department}`) !== r);
    expect(earlier.every((r) => r.status === 'verified')).toBe(true);
    for (const r of p.results) {
      if (r.status === 'draft') expect(r.firstSubmittedAt).toBeNull();
      else expect(r.firstSubmittedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000\+09:00$/);
      expect(r.firstSubmittedAt === null || r.firstSubmittedAt < '2021-01-20').toBe(true);
    }
    const cases = p.evaluationInputs.penaltyCases;
    const late = cases.filter((c) => c.kind === 'late_entry');
    expect(late.length).toBeGreaterThanOrEqual(3);
    for (const c of late) {
      const r = p.results.find(
        (x) => x.indicator === c.indicator && x.department === c.department && x.period === c.period,
      )!;
      expect(Number(r.firstSubmittedAt!.slice(8, 10))).toBeGreaterThan(10);
    }
    expect(cases.filter((c) => c.kind === 'missing_evidence').length).toBeGreaterThanOrEqual(1);
    const waived = cases.filter((c) => c.waived);
    expect(waived).toHaveLength(1);
    expect(waived[0]!.waivedReason).not.toBe('');
  });

  it('sets the reporting calendar of docs/results-workflow.md (다음 달 10일, moved to a working day), and its late entries are exactly those after it', () => {
    expect(p.plan.calendar).toEqual({ deadlineDayOfNextMonth: 10 });
    const calendar = resolveCalendar(p.plan.calendar);
    // 2020-10-10 is a Saturday (and 10-11 a Sunday): Q3's deadline is Monday 10-12; 2021-01-10 a Sunday.
    expect(periodDeadline('2020-Q3', calendar).date).toBe('2020-10-12');
    expect(periodDeadline('2020-Q4', calendar).date).toBe('2021-01-11');
    expect(periodDeadline('2020-Q1', calendar).date).toBe('2020-04-10');
    const cases = new Map(
      p.evaluationInputs.penaltyCases
        .filter((c) => c.kind === 'late_entry')
        .map((c) => [`${c.indicator}|${c.department}|${c.period}`, c]),
    );
    const late = p.results.filter(
      (r) => r.firstSubmittedAt !== null && r.firstSubmittedAt.slice(0, 10) > periodDeadline(r.period, calendar).date,
    );
    expect(late.map((r) => `${r.indicator}|${r.department}|${r.period}`).sort()).toEqual([...cases.keys()].sort());
    for (const r of late) {
      const c = cases.get(`${r.indicator}|${r.department}|${r.period}`)!;
      expect(c.detail).toContain(
        `입력기한(${periodDeadline(r.period, calendar).date}) 경과 후 ${r.firstSubmittedAt!.slice(0, 10)}`,
      );
    }
    // The 2019 plan carries the same calendar; its entries were all on time.
    expect(plan2019.plan.calendar).toEqual(p.plan.calendar);
    for (const r of plan2019.results)
      expect(r.firstSubmittedAt!.slice(0, 10) <= periodDeadline(r.period, calendar).date).toBe(true);
  });

  it('gives a plausible spread of achievement, with one or two above 200%', () => {
    const rates = p.indicators
      .filter((x) => x.kind === 'unique' && x.measurement === 'quantitative')
      .map((x) => {
        const rows = p.results.filter((r) => r.indicator === x.code).sort((a, b) => (a.period < b.period ? -1 : 1));
        const v = rows.at(-1)!.actual!;
        return x.direction === 'lower' ? (x.target! / v) * 100 : (v / x.target!) * 100;
      });
    const share = (lo: number, hi: number) => rates.filter((r) => r >= lo && r <= hi).length / rates.length;
    expect(share(80, 110)).toBeGreaterThan(0.6);
    expect(rates.filter((r) => r < 70).length).toBeGreaterThanOrEqual(2);
    const over = rates.filter((r) => r > 200).length;
    expect(over).toBeGreaterThanOrEqual(1);
    expect(over).toBeLessThanOrEqual(3);
  });

  it('has evaluation inputs: 3 raters per indicator, a score per department, bonus awards on all five items', () => {
    const ei = p.evaluationInputs;
    expect(ei.raterAssignments).toHaveLength(195 * 3);
    expect(ei.ratings).toHaveLength(195 * 3);
    expect(new Set(ei.ratings.map((r) => r.rater))).toEqual(new Set(['rater1', 'rater2', 'rater3']));
    for (const r of ei.ratings)
      for (const v of [r.representativeness, r.difficulty, r.completeness]) expect(v).not.toBeNull();
    expect(ei.qualitativeScores.map((q) => q.department)).toEqual(
      p.departments.filter((d) => d.evaluated).map((d) => d.name),
    );
    expect(new Set(ei.bonusAwards.map((b) => b.item))).toEqual(
      new Set(['training', 'convergence', 'external', 'best_practice', 'effort']),
    );
    for (const b of ei.bonusAwards) expect(b.reason).toMatch(/[가-힣]/);
  });
});

describe('demo 2019', () => {
  it('is closed, illustrative, with the same departments and 195 indicators', () => {
    expect(plan2019.plan).toMatchObject({ year: 2019, status: 'closed', illustrative: true });
    expect(plan2019.departments).toEqual(p.departments);
    expect(plan2019.indicators).toHaveLength(195);
    expect(plan2019.deptStrategicGoals).toHaveLength(85);
    expect(plan2019.deptPerformanceGoals).toHaveLength(159);
    expect(plan2019.indicators.filter((x) => x.kind !== 'unique')).toHaveLength(29);
    expect(plan2019.indicators.filter((x) => x.kind === 'common').map((x) => x.name)).toContain('고객만족행정도');
    expect(plan2019.deptStrategicGoals.every((g) => g.illustrative)).toBe(true);
    expect(plan2019.tasks.every((t) => t.startDate!.startsWith('2019-') && t.endDate!.startsWith('2019-'))).toBe(true);
  });

  it("has the 2019 awards: 104, 6,290,000,000 KRW, the joint projects' 12 and 330,000,000 KRW", () => {
    const a = plan2019.externalAwards;
    expect(a).toHaveLength(104);
    expect(a.every((x) => x.year === 2019 && Number.isInteger(x.incentiveKrw) && x.incentiveKrw >= 0)).toBe(true);
    expect(a.reduce((s, x) => s + x.incentiveKrw, 0)).toBe(6_290_000_000);
    const joint = a.filter((x) => x.name.includes('시·구 공동협력사업'));
    expect(joint).toHaveLength(12);
    expect(joint.reduce((s, x) => s + x.incentiveKrw, 0)).toBe(330_000_000);
    expect(a.some((x) => x.name.includes('스티비 어워드'))).toBe(true);
    expect(a.some((x) => x.name.includes('피나클어워즈'))).toBe(true);
  });

  it('has verified yearly results whose average achievement over the 195 indicators is 92.63%', () => {
    expect(plan2019.results.every((r) => r.status === 'verified' && r.period === '2019')).toBe(true);
    const value = (x: PlanDocument['indicators'][number], dept: string) => {
      const r = plan2019.results.find((y) => y.indicator === x.code && y.department === dept)!;
      if (x.measurement === 'milestone')
        return x.milestones.filter((m) => r.milestonesDone.includes(m.name)).reduce((s, m) => s + m.weight, 0);
      return r.actual!;
    };
    const rateOf = (x: PlanDocument['indicators'][number], v: number) =>
      x.measurement === 'milestone'
        ? (v / x.milestones.reduce((s, m) => s + m.weight, 0)) * 100
        : x.direction === 'lower'
          ? (x.target! / v) * 100
          : (v / x.target!) * 100;
    const rates = plan2019.indicators.map((x) => {
      if (x.kind !== 'convergence') return rateOf(x, value(x, x.leadDepartment));
      const vals = [x.leadDepartment, ...x.participants].map((d) => value(x, d));
      const v =
        x.convergenceRule === 'sum'
          ? vals.reduce((s, y) => s + y, 0)
          : x.convergenceRule === 'average'
            ? vals.reduce((s, y) => s + y, 0) / vals.length
            : vals[0]!;
      return rateOf(x, v);
    });
    const mean = rates.reduce((s, r) => s + r, 0) / rates.length;
    expect(Math.round(mean * 100) / 100).toBe(92.63);
    expect(Math.max(...rates)).toBeLessThanOrEqual(100 + 1e-9);
    // Every department's instance of a common indicator is at the same rate.
    for (const x of plan2019.indicators.filter((i) => i.kind === 'common'))
      expect(new Set(plan2019.results.filter((r) => r.indicator === x.code).map((r) => r.actual)).size).toBe(1);
  });
});
