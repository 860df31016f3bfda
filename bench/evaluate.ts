/**
 * Evaluation benchmark: the time to evaluate (domain/evaluation, pure) the demo organization and a
 * national-scale data set, each as a ratio to reading the same inputs from the database
 * (readPlanDocument: the whole year as the engine's input) in the same run and process.
 *
 *   npx tsx bench/evaluate.ts                         PGlite (temporary data directory), 250 organizations
 *   BENCH_ORGS=25 npx tsx bench/evaluate.ts           a quick run
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/evaluate.ts
 *                                                     PostgreSQL: creates bsc_bench_eval_<pid> on that
 *                                                     server and drops it at the end
 *
 * The national set is bench/generate-national.ts (250 organizations × 200 indicators × 12 monthly
 * results), to which this file adds evaluation inputs deterministically: three raters per indicator
 * with their assignments and ratings, a qualitative score per evaluated department, bonus awards
 * for about a fifth of the departments and late-entry cases for about one in twenty.
 * Figures are printed, never asserted (this is not a timed test).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { openDatabase, type Database, type Db } from '../src/db/client.js';
import {
  findOrganizationByCode,
  findPlan,
  insertPlanDocument,
  readPlanDocument,
  upsertOrganization,
  type PlanRef,
} from '../src/db/queries/plan-document.js';
import type { PlanDocument } from '../src/contracts/interchange.js';
import { evaluatePlan } from '../src/domain/evaluation/evaluate.js';
import { compareSchemes } from '../src/domain/evaluation/what-if.js';
import { checkExplanation } from '../src/domain/evaluation/explanation.js';
import { buildDemoPlans } from '../src/features/demo/build-demo-plan.js';
import { importPlan } from '../src/features/plans/import-plan.js';
import { systemActor } from '../src/features/plans/context.js';
import { presentEvaluation } from '../src/features/evaluation/present.js';
import { generateOrganization, rngFor, NATIONAL_YEAR } from './generate-national.js';

const env = z
  .object({
    BENCH_ORGS: z.coerce.number().int().min(1).max(2000).default(250),
    BENCH_RUNS: z.coerce.number().int().min(1).default(15),
    BENCH_WARMUP: z.coerce.number().int().min(0).default(3),
    BENCH_NATIONAL_RUNS: z.coerce.number().int().min(1).default(2),
    BENCH_DATABASE_URL: z.string().optional(),
  })
  .parse(process.env);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const ratio = (a: number, b: number) => (a / b).toFixed(2);

async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

async function timed(fn: () => Promise<unknown> | unknown, runs = env.BENCH_RUNS, warmup = env.BENCH_WARMUP) {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await time(fn)).ms);
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

/** Evaluation inputs for a generated organization (deterministic per organization). */
export function withEvaluationInputs(doc: PlanDocument, index: number): PlanDocument {
  const rng = rngFor(`bsc-national-eval:v1:${index}`);
  const raters = ['rater-a', 'rater-b', 'rater-c'];
  const evaluated = doc.departments.filter((d) => d.evaluated).map((d) => d.name);
  const score = () => rng.int(50, 95);
  const items = ['training', 'convergence', 'external', 'best_practice', 'effort'] as const;
  return {
    ...doc,
    evaluationInputs: {
      raterAssignments: doc.indicators.flatMap((i) => raters.map((rater) => ({ indicator: i.code, rater }))),
      ratings: doc.indicators.flatMap((i) =>
        raters.map((rater) => ({
          indicator: i.code,
          rater,
          representativeness: score(),
          difficulty: score(),
          completeness: score(),
          illustrative: true,
        })),
      ),
      qualitativeScores: evaluated.map((department) => ({
        department,
        points: rng.int(5, 10) / 2,
        comment: '',
        givenBy: 'executive',
        illustrative: true,
      })),
      bonusAwards: evaluated
        .filter(() => rng.chance(0.2))
        .map((department) => ({
          department,
          item: rng.pick(items),
          points: rng.chance(0.5) ? 1 : 0.5,
          reason: '벤치마크용 가상 가점',
          grantedBy: 'committee',
          illustrative: true,
        })),
      penaltyCases: evaluated
        .filter(() => rng.chance(0.05))
        .map((department) => ({
          department,
          indicator: null,
          kind: 'late_entry' as const,
          period: `${NATIONAL_YEAR}-M0${rng.int(1, 9)}`,
          detail: '벤치마크용 가상 사례',
          waived: false,
          waivedReason: '',
          illustrative: true,
        })),
    },
  };
}

async function openBenchDatabase(): Promise<{ database: Database; label: string; drop: () => Promise<void> }> {
  if (!env.BENCH_DATABASE_URL) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-bench-eval-'));
    const database = await openDatabase({ dataDir: dir });
    await database.migrate();
    return {
      database,
      label: 'PGlite (data directory on disk)',
      drop: async () => {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `bsc_bench_eval_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: env.BENCH_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(env.BENCH_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  await database.migrate();
  return {
    database,
    label: `PostgreSQL (${url.host})`,
    drop: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: env.BENCH_DATABASE_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

async function planRef(db: Db, code: string, year: number): Promise<PlanRef> {
  const org = await findOrganizationByCode(db, code);
  const ref = org && (await findPlan(db, org.id, year));
  if (!ref) throw new Error(`no plan ${code} ${year}`);
  return ref;
}

/** The whole benchmark (bench/run.ts may call it as a named benchmark). */
export async function main(): Promise<void> {
  const { database, label, drop } = await openBenchDatabase();
  const db = database.db;
  const out = (s = '') => console.log(s);
  try {
    out(`평가 벤치마크 / evaluation benchmark — ${label}, Node ${process.version}`);
    out(`(engine = evaluatePlan, pure; read = readPlanDocument, the same year's inputs from the database)\n`);

    // ───────── the demo organization ─────────
    const { plan2019, plan2020 } = buildDemoPlans();
    await importPlan(db, plan2019, systemActor('bench'));
    await importPlan(db, plan2020, systemActor('bench'));
    const demoRef = await planRef(db, plan2020.organization.code, 2020);
    const doc = await readPlanDocument(db, demoRef);
    const e = evaluatePlan(doc, undefined, { mode: 'final' });
    const problems = e.departments.flatMap((d) => checkExplanation(d.explanation));
    if (problems.length) throw new Error(`explanations do not add up: ${JSON.stringify(problems[0])}`);

    const read = await timed(() => readPlanDocument(db, demoRef));
    const engine = await timed(() => evaluatePlan(doc, undefined, { mode: 'final' }));
    const presented = await timed(() => presentEvaluation(evaluatePlan(doc, undefined, { mode: 'final' })));
    const provisional = await timed(() => evaluatePlan(doc, undefined, { mode: 'provisional', asOfPeriod: '2020-Q2' }));
    const whatIf = await timed(() => compareSchemes(doc, undefined, { achievement: { cap: 120 } }, { mode: 'final' }));
    const json = JSON.stringify(presentEvaluation(e));
    out(
      `데모 (${plan2020.organization.name} 2020): 부서 ${e.departments.length}, 지표 ${doc.indicators.length}, 실적 ${doc.results.length}, ` +
        `평가위원 점수 ${doc.evaluationInputs.ratings.length}; 평가 JSON ${(json.length / 1024).toFixed(0)} KB; median of ${env.BENCH_RUNS} runs`,
    );
    const rows: [string, { median: number; min: number; max: number }][] = [
      ['read the year from the database', read],
      ['evaluate (final)', engine],
      ['evaluate + present (API/CLI JSON shape)', presented],
      ['evaluate (provisional, as of 2020-Q2)', provisional],
      ['what-if (two evaluations + comparison)', whatIf],
    ];
    for (const [name, m] of rows)
      out(
        `  ${name.padEnd(42)} ${fmt(m.median).padStart(8)} ms  (min ${fmt(m.min)}, max ${fmt(m.max)})  ratio to read ${ratio(m.median, read.median)}`,
      );

    // ───────── the national data set ─────────
    out(
      `\n전국 규모 자료 / national data set: ${env.BENCH_ORGS} organizations (bench/generate-national.ts + evaluation inputs)`,
    );
    const load = await time(async () => {
      for (let i = 0; i < env.BENCH_ORGS; i++) {
        const d = withEvaluationInputs(generateOrganization(i), i);
        await db.transaction(async (tx) => insertPlanDocument(tx, await upsertOrganization(tx, d.organization), d));
      }
    });
    out(`  loaded in ${(load.ms / 1000).toFixed(1)} s`);
    const refs: PlanRef[] = [];
    for (let i = 0; i < env.BENCH_ORGS; i++)
      refs.push(await planRef(db, generateOrganization(i).organization.code, NATIONAL_YEAR));

    let docs: PlanDocument[] = [];
    const readTimes: number[] = [];
    const evalTimes: number[] = [];
    const perOrgRead: number[] = [];
    const perOrgEval: number[] = [];
    let departments = 0;
    let warnings = new Map<string, number>();
    for (let run = 0; run < env.BENCH_NATIONAL_RUNS; run++) {
      const r = await time(async () => {
        const list: PlanDocument[] = [];
        for (const ref of refs) {
          const t = await time(() => readPlanDocument(db, ref));
          if (run === 0) perOrgRead.push(t.ms);
          list.push(t.value);
        }
        return list;
      });
      readTimes.push(r.ms);
      docs = r.value;
      const ev = await time(() => {
        let n = 0;
        const w = new Map<string, number>();
        for (const d of docs) {
          const t0 = performance.now();
          const x = evaluatePlan(d, undefined, { mode: 'final' });
          if (run === 0) perOrgEval.push(performance.now() - t0);
          n += x.departments.length;
          for (const k of x.warnings) w.set(k.code ?? '?', (w.get(k.code ?? '?') ?? 0) + 1);
        }
        return { n, w };
      });
      evalTimes.push(ev.ms);
      departments = ev.value.n;
      warnings = ev.value.w;
    }
    const indicators = docs.reduce((s, d) => s + d.indicators.length, 0);
    const results = docs.reduce((s, d) => s + d.results.length, 0);
    const ratings = docs.reduce((s, d) => s + d.evaluationInputs.ratings.length, 0);
    out(
      `  ${docs.length} organizations, ${departments.toLocaleString('en-US')} departments evaluated, ${indicators.toLocaleString('en-US')} indicators, ` +
        `${results.toLocaleString('en-US')} results, ${ratings.toLocaleString('en-US')} ratings; data warnings: ` +
        ([...warnings].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'),
    );
    const rMed = median(readTimes);
    const eMed = median(evalTimes);
    out(
      `  read every organization's year       ${fmt(rMed).padStart(8)} ms  (median of ${env.BENCH_NATIONAL_RUNS} runs)`,
    );
    out(`  evaluate every organization (final)  ${fmt(eMed).padStart(8)} ms  ratio to read ${ratio(eMed, rMed)}`);
    out(
      `  per organization: read median ${fmt(median(perOrgRead))} ms, evaluate median ${fmt(median(perOrgEval))} ms ` +
        `(max ${fmt(Math.max(...perOrgEval))} ms), ratio ${ratio(median(perOrgEval), median(perOrgRead))}`,
    );
    out(`\npeak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  } finally {
    await drop();
  }
}

if (process.argv[1]?.endsWith('evaluate.ts'))
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
      process.exit(1);
    },
  );
