/**
 * Scale benchmark: the plan summary and the plan tree for one organization and for all of them, on
 * a national data set (bench/generate-national.ts: 250 organizations × 200 indicators × 12 monthly
 * results), each as a ratio to a trivial indexed query (a primary-key select of one indicator)
 * measured on the same database in the same run.
 *
 *   npm run bench -- scale                      PGlite, and PostgreSQL when BENCH_DATABASE_URL or DATABASE_URL is set
 *   BENCH_ORGS=25 npm run bench -- scale        a quick run
 *
 * Each backend runs in its own child process (so that peak RSS is that backend's and one cannot
 * disturb the other); the parent prints both tables and a comparison. On PostgreSQL the benchmark
 * creates its own database (bsc_bench_<pid>) on the server the URL names and drops it at the end.
 * Figures are printed, never asserted: this is not a timed test. See docs/performance.md.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import { openDatabase, type Database, type Db } from '../src/db/client.js';
import * as t from '../src/db/schema.js';
import { nationalPlanCounts, readNationalPlanHierarchies } from '../src/db/queries/national.js';
import { findOrganizationByCode, listOrganizations } from '../src/db/queries/plan-document.js';
import { getPlanSummary, getPlanTree, loadPlanDocument } from '../src/features/plans/plan-views.js';
import { summarizePlan } from '../src/domain/summary.js';
import { buildPlanTree } from '../src/domain/plan-tree.js';
import type { PlanDocument } from '../src/contracts/interchange.js';
import { loadNational, NATIONAL_YEAR, organizationCode, GENERATOR_VERSION } from './generate-national.js';

const YEAR = NATIONAL_YEAR;
const int = (def: number, min = 1) => z.coerce.number().int().min(min).default(def);

const envSchema = z.object({
  /** Number of organizations (250 = national scale). */
  BENCH_ORGS: int(250).pipe(z.number().max(2000)),
  /** Timed runs of each one-organization measurement (after BENCH_WARMUP warm-up runs); the median is reported. */
  BENCH_RUNS: int(9),
  /** Timed runs of each all-organization measurement. */
  BENCH_NATIONAL_RUNS: int(3),
  BENCH_BASELINE_RUNS: int(1000),
  BENCH_WARMUP: int(2, 0),
  /** Embedded database in a temporary directory (as in production) or in memory. */
  BENCH_PGLITE: z.enum(['dir', 'memory']).default('dir'),
  /** Comma-separated subset of pglite,postgres (default: pglite, and postgres when a URL is set). */
  BENCH_BACKENDS: z.string().optional(),
  /** A PostgreSQL server to create the benchmark database on (any database of it: the URL's path is replaced). */
  BENCH_DATABASE_URL: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  /** Concurrent per-organization reads in the extra PostgreSQL row ("pool" variant). */
  BENCH_CONCURRENCY: int(8),
  // Set by the parent for a child.
  BENCH_BACKEND: z.enum(['pglite', 'postgres']).optional(),
  BENCH_RESULT_FILE: z.string().optional(),
});
type Env = z.infer<typeof envSchema>;

type Backend = 'pglite' | 'postgres';

export interface Measurement {
  name: string;
  label: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export interface BackendResult {
  backend: Backend;
  label: string;
  serverVersion: string;
  organizations: number;
  load: {
    totalMs: number;
    insertMs: number;
    generateMs: number;
    vacuumAnalyzeMs: number;
    rows: { indicators: number; tasks: number; results: number; all: number };
  };
  databaseBytes: number;
  peakRssMb: number;
  rssAfterLoadMb: number;
  measurements: Measurement[];
  checks: string[];
  baselinePlan: string;
}

// ---------------------------------------------------------------------------------------------

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024); // maxRSS is in KiB
const fmtMs = (ms: number) =>
  ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3);
const fmtRatio = (r: number) => (r >= 100 ? Math.round(r).toLocaleString('en-US') : r.toFixed(1));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function measure(
  name: string,
  label: string,
  fn: () => Promise<unknown>,
  opts: { warmup: number; runs: number },
  log: (s: string) => void,
): Promise<Measurement> {
  for (let i = 0; i < opts.warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  const m = {
    name,
    label,
    runs: opts.runs,
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
  };
  log(`  ${label}: median ${fmtMs(m.medianMs)} ms (min ${fmtMs(m.minMs)}, max ${fmtMs(m.maxMs)}, ${m.runs} runs)`);
  return m;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The plan part of a document (what readNationalPlanHierarchies returns), for comparison. */
const structureOnly = (d: PlanDocument): PlanDocument => ({
  ...d,
  results: [],
  evaluationInputs: { raterAssignments: [], ratings: [], bonusAwards: [], qualitativeScores: [], penaltyCases: [] },
  externalAwards: [],
});

// ---------------------------------------------------------------------------------------------
// One backend (child process).

interface Opened {
  database: Database;
  label: string;
  cleanup: () => Promise<void>;
}

async function openBackend(env: Env, backend: Backend): Promise<Opened> {
  if (backend === 'pglite') {
    if (env.BENCH_PGLITE === 'memory') {
      const database = await openDatabase({});
      return { database, label: 'PGlite (in memory)', cleanup: () => database.close() };
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-bench-'));
    const database = await openDatabase({ dataDir: dir });
    return {
      database,
      label: `PGlite (data dir ${dir})`,
      cleanup: async () => {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = env.BENCH_DATABASE_URL || env.DATABASE_URL;
  if (!adminUrl) throw new Error('PostgreSQL: set BENCH_DATABASE_URL (or DATABASE_URL)');
  const name = `bsc_bench_${process.pid}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  } catch (e) {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    throw e;
  }
  // An idle pooled connection that the server closes would otherwise be an uncaught 'error' event.
  (database.db as unknown as { $client: pg.Pool }).$client.on('error', (e) =>
    console.error(`[postgres] pool: ${e.message}`),
  );
  return {
    database,
    label: `PostgreSQL (${url.host}, database ${name}, pool 10)`,
    cleanup: async () => {
      await database.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function rows(db: Db, query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  const r = (await db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
  return r.rows;
}

async function runBackend(env: Env, backend: Backend): Promise<BackendResult> {
  const tag = `[${backend}]`;
  const log = (s: string) => console.log(`${tag} ${s}`);
  const opened = await openBackend(env, backend);
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await opened.cleanup();
  };
  const onSignal = (sig: NodeJS.Signals) => {
    void cleanup().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const { database } = opened;
    const db = database.db;
    log(`${opened.label}`);
    await database.migrate();
    const [ver] = await rows(db, sql`select version() as v`);
    const serverVersion = String(ver?.v ?? '').split(' on ')[0] ?? '';
    log(serverVersion);

    // --- Load --------------------------------------------------------------------------------
    const n = env.BENCH_ORGS;
    const every = Math.max(1, Math.round(n / 20));
    log(
      `loading ${n} organizations × 200 indicators × 12 monthly results (generator v${GENERATOR_VERSION}, one transaction per organization)…`,
    );
    const load = await loadNational(db, n, (p) => {
      if (p.loaded % every && p.loaded !== p.total) return;
      const s = p.elapsedMs / 1000;
      const rate = p.loaded / s;
      log(
        `  loaded ${p.loaded}/${p.total} organizations (${(p.loaded * 2400).toLocaleString('en-US')} results) in ${s.toFixed(1)} s, ` +
          `${rate.toFixed(2)} org/s, ETA ${((p.total - p.loaded) / rate).toFixed(0)} s, RSS ${mb(process.memoryUsage().rss)} MB`,
      );
    });
    const v0 = performance.now();
    await db.execute(sql`vacuum analyze`);
    const vacuumAnalyzeMs = performance.now() - v0;
    const rssAfterLoadMb = mb(process.memoryUsage().rss);
    const [size] = await rows(db, sql`select pg_database_size(current_database())::bigint as n`);
    const databaseBytes = Number(size?.n ?? 0);
    log(
      `loaded ${load.rows.all.toLocaleString('en-US')} rows (${load.rows.results.toLocaleString('en-US')} results) in ${(load.totalMs / 1000).toFixed(1)} s ` +
        `(insert ${(load.insertMs / 1000).toFixed(1)} s, generate ${(load.generateMs / 1000).toFixed(1)} s); vacuum analyze ${(vacuumAnalyzeMs / 1000).toFixed(1)} s; ` +
        `database ${mb(databaseBytes)} MB; RSS ${rssAfterLoadMb} MB`,
    );

    // --- Targets -----------------------------------------------------------------------------
    const target = organizationCode(Math.floor(n / 2));
    const org = await findOrganizationByCode(db, target);
    if (!org) throw new Error(`organization ${target} missing`);
    const orgs = (await listOrganizations(db)).map((o) => o.code);
    const [someIndicator] = await db
      .select({ id: t.indicators.id })
      .from(t.indicators)
      .where(and(eq(t.indicators.organizationId, org.id), eq(t.indicators.code, 'I-100')));
    if (!someIndicator) throw new Error('indicator I-100 missing');
    const baselineQuery = () =>
      db
        .select()
        .from(t.indicators)
        .where(and(eq(t.indicators.organizationId, org.id), eq(t.indicators.id, someIndicator.id)));
    const plan = await rows(
      db,
      sql`explain select * from ${t.indicators} where ${t.indicators.organizationId} = ${org.id} and ${t.indicators.id} = ${someIndicator.id}`,
    );
    const baselinePlan = String(Object.values(plan[0] ?? {})[0] ?? '').trim();
    log(`baseline plan: ${baselinePlan}`);

    // --- Checks (not timed) ------------------------------------------------------------------
    const checks: string[] = [];
    {
      const bulk = await readNationalPlanHierarchies(db, YEAR);
      const counts = new Map((await nationalPlanCounts(db, YEAR)).map((c) => [c.organization, c.counts]));
      let docsEqual = 0;
      let summariesEqual = 0;
      let countsEqual = 0;
      const differences = new Set<string>();
      const differ = (what: string, code: string, a: unknown, b: unknown) => {
        if (!differences.has(what))
          log(
            `  ${what} differs for ${code}: ${JSON.stringify(a).slice(0, 300)} vs ${JSON.stringify(b).slice(0, 300)}`,
          );
        differences.add(what);
      };
      for (const [i, code] of orgs.entries()) {
        const doc = await loadPlanDocument(db, YEAR, code);
        const s = summarizePlan(doc);
        const b = bulk[i];
        if (b && JSON.stringify(structureOnly(doc)) === JSON.stringify(b)) docsEqual++;
        else differ('bulk document', code, b?.organization, doc.organization);
        if (b && JSON.stringify(summarizePlan(b)) === JSON.stringify(s)) summariesEqual++;
        else differ('summary from bulk read', code, b && summarizePlan(b), s);
        if (JSON.stringify(counts.get(code)) === JSON.stringify(s.counts)) countsEqual++;
        else differ('SQL counts', code, counts.get(code), s.counts);
      }
      const [oneStructure] = await readNationalPlanHierarchies(db, YEAR, { organizationId: org.id });
      const oneDoc = await loadPlanDocument(db, YEAR, target);
      checks.push(
        `structure-only read of one organization = its per-organization read (plan part): ${
          JSON.stringify(oneStructure) === JSON.stringify(structureOnly(oneDoc)) ? 'yes' : 'NO'
        }`,
        `national bulk read = per-organization read (plan part): ${docsEqual}/${orgs.length}`,
        `summary from bulk read = summary from per-organization read: ${summariesEqual}/${orgs.length}`,
        `SQL aggregate counts = summary counts: ${countsEqual}/${orgs.length}`,
      );
      for (const c of checks) log(`check: ${c}`);
    }

    // --- Measurements ------------------------------------------------------------------------
    const one = { warmup: env.BENCH_WARMUP, runs: env.BENCH_RUNS };
    const all = { warmup: Math.min(1, env.BENCH_WARMUP), runs: env.BENCH_NATIONAL_RUNS };
    const ms: Measurement[] = [];
    const add = async (name: string, label: string, fn: () => Promise<unknown>, opts: typeof one) => {
      ms.push(await measure(name, label, fn, opts, log));
    };
    const structureOf = async (organizationId?: string) =>
      readNationalPlanHierarchies(db, YEAR, organizationId ? { organizationId } : {});
    const N = orgs.length;
    log(`measuring (one organization: ${target}; all: ${N} organizations)…`);

    await add('baseline', 'baseline: primary-key select of one indicator', baselineQuery, {
      warmup: 50,
      runs: env.BENCH_BASELINE_RUNS,
    });
    const docOne = await loadPlanDocument(db, YEAR, target);
    await add(
      'read.one',
      'one org: read the plan document (readPlanDocument)',
      () => loadPlanDocument(db, YEAR, target),
      one,
    );
    await add('summary.compute', 'one org: summarizePlan alone, in memory', async () => summarizePlan(docOne), {
      warmup: 5,
      runs: 51,
    });
    await add('summary.one', 'one org: summary (getPlanSummary)', () => getPlanSummary(db, YEAR, target), one);
    await add(
      'summary.one.structure',
      'one org: summary from a structure-only read (national.ts)',
      async () => (await structureOf(org.id)).map((d) => summarizePlan(d)),
      one,
    );
    await add('tree.one', 'one org: plan tree (getPlanTree)', () => getPlanTree(db, YEAR, undefined, target), one);
    await add(
      'tree.one.structure',
      'one org: plan tree from a structure-only read (national.ts)',
      async () => (await structureOf(org.id)).map((d) => buildPlanTree(d)),
      one,
    );
    await add(
      'summary.all.perOrg',
      `all ${N}: summary, getPlanSummary per organization in turn`,
      async () => {
        for (const code of orgs) await getPlanSummary(db, YEAR, code);
      },
      all,
    );
    if (backend === 'postgres')
      await add(
        'summary.all.perOrgConcurrent',
        `all ${N}: summary, getPlanSummary per organization, ${env.BENCH_CONCURRENCY} at a time`,
        () => mapLimit(orgs, env.BENCH_CONCURRENCY, (code) => getPlanSummary(db, YEAR, code)),
        all,
      );
    await add(
      'summary.all.bulk',
      `all ${N}: summary, one structure-only read of all (national.ts) + summarizePlan`,
      async () => (await structureOf()).map((d) => summarizePlan(d)),
      all,
    );
    await add(
      'summary.all.sql',
      `all ${N}: summary counts, one SQL aggregate (nationalPlanCounts)`,
      () => nationalPlanCounts(db, YEAR),
      one,
    );
    await add(
      'tree.all.perOrg',
      `all ${N}: plan tree, getPlanTree per organization in turn`,
      async () => {
        for (const code of orgs) await getPlanTree(db, YEAR, undefined, code);
      },
      all,
    );
    await add(
      'tree.all.bulk',
      `all ${N}: plan tree, one structure-only read of all (national.ts) + buildPlanTree`,
      async () => (await structureOf()).map((d) => buildPlanTree(d)),
      all,
    );

    return {
      backend,
      label: opened.label,
      serverVersion,
      organizations: orgs.length,
      load: { ...load, vacuumAnalyzeMs },
      databaseBytes,
      peakRssMb: peakRssMb(),
      rssAfterLoadMb,
      measurements: ms,
      checks,
      baselinePlan,
    };
  } finally {
    await cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

// ---------------------------------------------------------------------------------------------
// Report.

function table(headers: string[], body: string[][], align: ('l' | 'r')[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const cell = (s: string, i: number) => (align[i] === 'r' ? s.padStart(widths[i]!) : s.padEnd(widths[i]!));
  const line = (r: string[]) => `| ${r.map(cell).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (align[i] === 'r' ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`;
  return [line(headers), rule, ...body.map(line)].join('\n');
}

function backendTable(r: BackendResult): string {
  const base = r.measurements.find((m) => m.name === 'baseline')!.medianMs;
  return table(
    ['measurement', 'median ms', 'min ms', 'runs', '× baseline'],
    r.measurements.map((m) => [
      m.label,
      fmtMs(m.medianMs),
      fmtMs(m.minMs),
      String(m.runs),
      fmtRatio(m.medianMs / base),
    ]),
    ['l', 'r', 'r', 'r', 'r'],
  );
}

function backendFacts(r: BackendResult): string {
  const l = r.load;
  return [
    `${r.label} — ${r.serverVersion}`,
    `load: ${r.organizations} organizations, ${l.rows.all.toLocaleString('en-US')} rows (${l.rows.indicators.toLocaleString('en-US')} indicators, ` +
      `${l.rows.tasks.toLocaleString('en-US')} tasks, ${l.rows.results.toLocaleString('en-US')} results) in ${(l.totalMs / 1000).toFixed(1)} s ` +
      `(${(l.totalMs / r.organizations / 1000).toFixed(2)} s per organization, ${Math.round(l.rows.all / (l.totalMs / 1000)).toLocaleString('en-US')} rows/s); ` +
      `vacuum analyze ${(l.vacuumAnalyzeMs / 1000).toFixed(1)} s; database size ${mb(r.databaseBytes)} MB`,
    `memory: peak RSS of the benchmark process ${r.peakRssMb} MB (RSS after load ${r.rssAfterLoadMb} MB)` +
      (r.backend === 'postgres'
        ? '; the server’s memory is not included'
        : '; the embedded database lives in this process'),
    `baseline query plan: ${r.baselinePlan}`,
    ...r.checks.map((c) => `check: ${c}`),
  ].join('\n');
}

function comparison(results: BackendResult[]): string {
  // The order of the backend with the most rows (PostgreSQL has one more).
  const longest = results.reduce((a, b) => (b.measurements.length > a.measurements.length ? b : a));
  const names = longest.measurements.map((m) => m.name);
  const label = (n: string) => results.flatMap((r) => r.measurements).find((m) => m.name === n)!.label;
  const headers = ['measurement'];
  for (const r of results) headers.push(`${r.backend} ms`, `${r.backend} ×base`);
  const body = names.map((n) => {
    const row = [label(n)];
    for (const r of results) {
      const m = r.measurements.find((x) => x.name === n);
      const base = r.measurements.find((x) => x.name === 'baseline')!.medianMs;
      row.push(m ? fmtMs(m.medianMs) : '—', m ? fmtRatio(m.medianMs / base) : '—');
    }
    return row;
  });
  const rss = ['peak RSS (MB)', ...results.flatMap((r) => [String(r.peakRssMb), ''])];
  const load = ['load (s)', ...results.flatMap((r) => [(r.load.totalMs / 1000).toFixed(1), ''])];
  return table(headers, [...body, load, rss], ['l', ...results.flatMap(() => ['r', 'r'] as const)]);
}

function machine(): string {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  return `${new Date().toISOString()} · ${cpus.length} × ${cpus[0]?.model ?? '?'} · ${mb(os.totalmem())} MB RAM · Node ${process.version} · ${os.type()} ${os.release()} · load average ${load}`;
}

// ---------------------------------------------------------------------------------------------
// Entry.

export async function main(): Promise<void> {
  const env = envSchema.parse(process.env);

  if (env.BENCH_BACKEND) {
    // Child: one backend.
    const r = await runBackend(env, env.BENCH_BACKEND);
    console.log(`\n${backendFacts(r)}\n\n${backendTable(r)}\n`);
    if (env.BENCH_RESULT_FILE) fs.writeFileSync(env.BENCH_RESULT_FILE, JSON.stringify(r));
    return;
  }

  const url = env.BENCH_DATABASE_URL || env.DATABASE_URL;
  const backends: Backend[] = env.BENCH_BACKENDS
    ? env.BENCH_BACKENDS.split(',').map((b) => z.enum(['pglite', 'postgres']).parse(b.trim()))
    : url
      ? ['pglite', 'postgres']
      : ['pglite'];
  console.log(
    `scale benchmark: ${env.BENCH_ORGS} organizations; backends: ${backends.join(', ')}${url ? '' : ' (set BENCH_DATABASE_URL for PostgreSQL)'}`,
  );
  console.log(machine());

  const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'run.ts');
  const results: BackendResult[] = [];
  const failures: string[] = [];
  for (const backend of backends) {
    const file = path.join(os.tmpdir(), `bsc-bench-${process.pid}-${backend}.json`);
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', entry, 'scale'], {
        stdio: 'inherit',
        env: { ...process.env, BENCH_BACKEND: backend, BENCH_RESULT_FILE: file },
      });
      child.on('error', reject);
      child.on('exit', (c, sig) => resolve(c ?? (sig ? 1 : 0)));
    });
    if (code !== 0 || !fs.existsSync(file)) {
      failures.push(`${backend} exited with ${code}`);
      continue;
    }
    results.push(JSON.parse(fs.readFileSync(file, 'utf8')) as BackendResult);
    fs.rmSync(file, { force: true });
  }
  if (results.length) {
    console.log(`\n=== scale benchmark, ${env.BENCH_ORGS} organizations — ${machine()}\n`);
    for (const r of results) console.log(`${backendFacts(r)}\n`);
    console.log(comparison(results));
  }
  if (failures.length) throw new Error(`benchmark failed: ${failures.join('; ')}`);
}
