import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../db/testing.js';
import { countAudit, readAuditChain, sha256 } from '../../db/queries/audit.js';
import { verifyAuditChain } from '../../domain/audit-chain.js';
import type { AppError } from '../../domain/errors.js';
import type { PlanDocumentInput } from '../../contracts/interchange.js';
import { normalizePlanDocument } from '../../domain/plan-normalize.js';
import { planDocumentSchema } from '../../contracts/interchange.js';
import { importPlan } from './import-plan.js';
import { exportPlan } from './export-plan.js';
import { copyPlan } from './copy-plan.js';
import { resolveOrganization, systemActor } from './context.js';

/** A small but complete plan: two departments, one convergence indicator, results and inputs. */
function tinyPlan(year = 2021): PlanDocumentInput {
  return {
    format: 'bsc-plan',
    formatVersion: 1,
    organization: { code: 'test-gu', name: '시험구' },
    plan: { year, title: `${year}년 성과관리 시행계획`, visionName: '비전 2030' },
    visionPillars: [{ name: '살기 좋은 도시' }],
    departments: [{ name: '기획예산과' }, { name: '교통과', formerNames: ['교통행정과'] }, { name: '보건소', group: '보건소' }],
    orgStrategicGoals: [{ code: 'S1', name: '안전한 도시', visionPillar: '살기 좋은 도시' }],
    orgPerformanceGoals: [{ code: 'G01', no: 1, name: '교통 안전', orgStrategicGoal: 'S1' }],
    deptStrategicGoals: [
      { code: 'D001', name: '교통사고 줄이기', orgPerformanceGoal: 'G01', department: '교통과' },
      { code: 'D002', name: '성과관리 내실화', orgPerformanceGoal: 'G01', department: '기획예산과' },
    ],
    deptPerformanceGoals: [
      { code: 'D001-1', name: '보행 안전', deptStrategicGoal: 'D001' },
      { code: 'D002-1', name: '평가 체계', deptStrategicGoal: 'D002' },
    ],
    indicators: [
      {
        code: 'I001',
        name: '보행자 사고 건수',
        deptPerformanceGoal: 'D001-1',
        leadDepartment: '교통과',
        unit: '건',
        direction: 'lower',
        baseline: 120,
        target: 100,
        tags: ['정부합동평가'],
      },
      {
        code: 'I002',
        name: '제안 반영률',
        deptPerformanceGoal: 'D002-1',
        kind: 'convergence',
        leadDepartment: '기획예산과',
        participants: ['교통과', '보건소'],
        unit: '%',
        target: 80,
        frequency: 'half_yearly',
      },
    ],
    tasks: [
      { code: 'T001', name: '횡단보도 개선', indicator: 'I001', department: '교통과', budgetAmount: 150_000_000, startDate: `${year}-03-01`, endDate: `${year}-11-30` },
      { code: 'T002', name: '제안 공모', indicator: 'I002', department: '기획예산과' },
    ],
    results: [
      { indicator: 'I001', department: '교통과', period: `${year}-Q1`, actual: 27, status: 'verified', firstSubmittedAt: `${year}-04-03T01:00:00Z`, evidenceCount: 1 },
      { indicator: 'I002', department: '보건소', period: `${year}-H1`, actual: 70, status: 'submitted' },
    ],
    evaluationInputs: {
      ratings: [{ indicator: 'I001', rater: 'rater1', representativeness: 80, difficulty: 70, completeness: 90 }],
      bonusAwards: [{ department: '교통과', item: 'training', points: 1, reason: '워크숍 참석' }],
      qualitativeScores: [{ department: '교통과', points: 4.5 }],
      penaltyCases: [{ department: '교통과', indicator: 'I001', kind: 'late_entry', period: `${year}-Q1`, waived: true, waivedReason: '시스템 장애' }],
    },
  };
}

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const actor = systemActor('test');

describe('plan import / export', () => {
  it('round-trips a plan losslessly (after normalisation)', async () => {
    const input = tinyPlan(2021);
    const r = await importPlan(database.db, input, actor);
    expect(r.counts).toMatchObject({ departments: 3, indicators: 2, tasks: 2, results: 2 });
    const out = await exportPlan(database.db, 2021, 'test-gu');
    expect(out).toEqual(normalizePlanDocument(planDocumentSchema.parse(input)));
    expect(out.results[0]!.firstSubmittedAt).toBe('2021-04-03T10:00:00.000+09:00');
    // Exported text re-imports (replace) to the same export, byte for byte.
    await importPlan(database.db, JSON.parse(JSON.stringify(out)), actor, { replace: true });
    const again = await exportPlan(database.db, 2021, 'test-gu');
    expect(JSON.stringify(again)).toBe(JSON.stringify(out));
  });

  it('refuses an existing year unless replace, and a bad file changes nothing', async () => {
    const before = await countAudit(database.db, (await resolveOrganization(database.db, 'test-gu')).id);
    await expect(importPlan(database.db, tinyPlan(2021), actor)).rejects.toMatchObject({ kind: 'conflict', code: 'plan_exists' });

    const bad = tinyPlan(2021) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    bad.indicators[0].target = '백';
    bad.indicators[1].participants = ['없는과'];
    bad.tasks[0].indicator = 'I999';
    bad.extra = 1;
    let err: AppError | undefined;
    try {
      await importPlan(database.db, bad, actor, { replace: true });
    } catch (e) {
      err = e as AppError;
    }
    expect(err?.kind).toBe('validation');
    const paths = err!.details.map((d) => d.path);
    expect(paths).toContain('indicators[0].target');
    expect(err!.details.every((d) => /[가-힣]/.test(d.message))).toBe(true);

    // Schema-valid but with broken references: every one reported by path.
    const refs = tinyPlan(2021) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    refs.indicators[1].participants = ['없는과'];
    refs.tasks[0].indicator = 'I999';
    refs.deptStrategicGoals[0].orgPerformanceGoal = 'G99';
    try {
      await importPlan(database.db, refs, actor, { replace: true });
    } catch (e) {
      err = e as AppError;
    }
    expect(err!.details.map((d) => d.path).sort()).toEqual(
      ['deptStrategicGoals[0].orgPerformanceGoal', 'indicators[1].participants[0]', 'tasks[0].indicator'].sort(),
    );
    // Nothing changed: same export, no audit row added.
    const out = await exportPlan(database.db, 2021, 'test-gu');
    expect(out.indicators[0]!.target).toBe(100);
    const org = await resolveOrganization(database.db, 'test-gu');
    expect(await countAudit(database.db, org.id)).toBe(before);
  });

  it('is all-or-nothing when the database refuses half-way', async () => {
    const org = await resolveOrganization(database.db, 'test-gu');
    const auditBefore = await countAudit(database.db, org.id);
    // A trigger that fails the insert of one task simulates a fault in the middle of the write.
    await database.db.execute(sql`create or replace function fail_task() returns trigger as $$ begin if new.code = 'T002' then raise exception 'boom'; end if; return new; end $$ language plpgsql`);
    await database.db.execute(sql`create trigger fail_task before insert on tasks for each row execute function fail_task()`);
    try {
      await expect(importPlan(database.db, tinyPlan(2021), actor, { replace: true })).rejects.toThrow(/Failed query: insert into "tasks"/);
    } finally {
      await database.db.execute(sql`drop trigger fail_task on tasks`);
    }
    const out = await exportPlan(database.db, 2021, 'test-gu');
    expect(out.tasks).toHaveLength(2);
    expect(out.results).toHaveLength(2);
    expect(await countAudit(database.db, org.id)).toBe(auditBefore);
  });

  it('rolls a year over without results and audits every write in an intact chain', async () => {
    const r = await copyPlan(database.db, 2021, 2022, actor, 'test-gu');
    expect(r).toMatchObject({ year: 2022, indicators: 2, tasks: 2 });
    const next = await exportPlan(database.db, 2022, 'test-gu');
    expect(next.plan.status).toBe('draft');
    expect(next.plan.title).toBe('2022년 성과관리 시행계획');
    expect(next.results).toEqual([]);
    expect(next.indicators[0]!.baseline).toBe(100);
    expect(next.tasks[0]!.startDate).toBe('2022-03-01');
    await expect(copyPlan(database.db, 2021, 2022, actor, 'test-gu')).rejects.toMatchObject({ code: 'plan_exists' });

    const org = await resolveOrganization(database.db, 'test-gu');
    const rows = await readAuditChain(database.db, org.id);
    expect(rows.map((x) => x.action)).toEqual(['plan.import', 'plan.replace', 'plan.copy']);
    expect(verifyAuditChain(rows, sha256)).toEqual([]);
  });
});
