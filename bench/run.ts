/**
 * Benchmark entry: `npm run bench` runs every benchmark, `npm run bench -- <name>` one of them.
 *
 *   scale      summary and plan tree, one organization and all, on the national data set (bench/scale.ts)
 *   evaluate   the evaluation engine on the demo and the national set, as a ratio to reading its inputs
 *              (bench/evaluate.ts)
 *   excel-import  write, parse, validate and import a generated plan workbook (bench/excel-import.ts)
 *   web        time to content and JavaScript transferred for the dashboard and the largest department
 *              page in headless Chromium, as ratios to a blank page (bench/web.ts)
 *   generate   the national data set without a database: counts and a fingerprint; with
 *              BENCH_OUT=<dir>, one interchange file per organization (importable with `bsc plan import`)
 *
 * Settings are environment variables (BENCH_ORGS, BENCH_RUNS, BENCH_DATABASE_URL …, see each file).
 * Benchmarks print figures; they assert nothing about time. Exits non-zero on failure.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const benchmarks: Record<string, { about: string; run: () => Promise<void>; inAll: boolean }> = {
  scale: {
    about: 'summary and plan tree, one organization and all, PGlite and PostgreSQL',
    inAll: true,
    run: async () => (await import('./scale.js')).main(),
  },
  evaluate: {
    about: 'evaluation of the demo and the national set, as a ratio to reading its inputs',
    inAll: true,
    run: async () => (await import('./evaluate.js')).main(),
  },
  'excel-import': {
    about: 'write, parse, validate and import a generated plan workbook (BENCH_INDICATORS)',
    inAll: true,
    // The file runs itself when loaded (it exports nothing): run it as a child process.
    run: () => runFile('excel-import.ts'),
  },
  web: {
    about: 'time to content and JavaScript of the dashboard and the largest department page (Chromium)',
    inAll: true,
    run: async () => (await import('./web.js')).main(),
  },
  generate: {
    about: 'the national data set: counts, fingerprint, optionally files (BENCH_OUT)',
    inAll: false,
    run: generate,
  },
};

/** Runs a benchmark file that runs itself on load, in a child process (output inherited). */
async function runFile(file: string): Promise<void> {
  const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), file);
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], { stdio: 'inherit', env: process.env });
    child.on('error', reject);
    child.on('exit', (c, sig) => resolve(c ?? (sig ? 1 : 0)));
  });
  if (code !== 0) throw new Error(`${file} exited with ${code}`);
}

async function generate(): Promise<void> {
  const env = z
    .object({ BENCH_ORGS: z.coerce.number().int().min(1).max(2000).default(250), BENCH_OUT: z.string().optional() })
    .parse(process.env);
  const { generateOrganization, fingerprint, rowCount, GENERATOR_VERSION } = await import('./generate-national.js');
  const t0 = performance.now();
  let rows = 0;
  let results = 0;
  if (env.BENCH_OUT) fs.mkdirSync(env.BENCH_OUT, { recursive: true });
  for (let i = 0; i < env.BENCH_ORGS; i++) {
    const doc = generateOrganization(i);
    rows += rowCount(doc);
    results += doc.results.length;
    if (env.BENCH_OUT)
      fs.writeFileSync(
        path.join(env.BENCH_OUT, `${doc.organization.code}-${doc.plan.year}.json`),
        `${JSON.stringify(doc, null, 2)}\n`,
      );
  }
  const ms = performance.now() - t0;
  console.log(
    `generator v${GENERATOR_VERSION}: ${env.BENCH_ORGS} organizations, ${rows.toLocaleString('en-US')} rows ` +
      `(${results.toLocaleString('en-US')} results) in ${(ms / 1000).toFixed(1)} s${env.BENCH_OUT ? `, written to ${env.BENCH_OUT}` : ''}`,
  );
  console.log(`fingerprint (sha256 of the documents): ${fingerprint(env.BENCH_ORGS)}`);
}

async function main() {
  const name = process.argv[2] ?? 'all';
  if (name === '--help' || name === 'help' || name === 'list') {
    for (const [n, b] of Object.entries(benchmarks)) console.log(`${n.padEnd(10)} ${b.about}`);
    return;
  }
  const selected =
    name === 'all' ? Object.entries(benchmarks).filter(([, b]) => b.inAll) : [[name, benchmarks[name]] as const];
  for (const [n, b] of selected) {
    if (!b) throw new Error(`unknown benchmark '${n}': ${Object.keys(benchmarks).join(', ')}`);
    await b.run();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
