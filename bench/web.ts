/**
 * Web benchmark (issue 6 item 10): how long the browser takes to show the data, and how much
 * JavaScript it transfers, for the dashboard (/) and the largest department page (the department
 * with the most indicators), each as a ratio to a blank page loaded by the same browser in the
 * same run.
 *
 *   npx tsx bench/web.ts                 or   npm run bench -- web
 *   BENCH_WEB_RUNS=15 npx tsx bench/web.ts          more runs (default 9, after 2 warm-up rounds)
 *
 * What it does: starts the real server in-process with the demo (e2e/support/server.ts: builds
 * web/dist in production mode when it is missing or stale, a fresh in-memory PGlite, the demo plans
 * and accounts), and drives headless Chromium (playwright-core, /usr/bin/chromium or CHROMIUM_PATH,
 * with the browser tests' flags from e2e/support/chromium.ts). Every load is cold: a new browser
 * context (empty HTTP and code cache), logged in as the demo planner through the API before the page
 * is opened. The three pages are loaded in turn in every round.
 *
 * - time to content: from the navigation's start (performance.timeOrigin) to the moment a
 *   MutationObserver, installed before any page script runs, first sees the data on screen:
 *   the blank page: its one paragraph (served by a bare node:http server on the same loopback);
 *   the dashboard: the level counts (`.count-groups dd`), the vision (`.vision-name`) and the
 *   strategy map's goal cards (`.goal-card`), i.e. both the summary and the tree are shown;
 *   the department page: every scorecard row has its indicator's details (the last cell of each
 *   `#scorecard tbody tr`, filled only when that indicator's request has answered).
 * - where the time goes (medians, ms after the navigation's start, from Resource Timing): when the
 *   last script or stylesheet had arrived, and when the last API (fetch) answer had arrived; and for
 *   each API request answered before the content, when it started and when its answer arrived;
 * - JavaScript: every response of resource type "script" until the network is idle after the
 *   content: the gzip size of its body (zlib level 9, as e2e/bundle.test.ts counts the budget),
 *   and the bytes on the wire (the server does not compress, so these are the raw bytes).
 * - the initial JavaScript of web/dist (the scripts index.html loads or preloads), gzip level 9,
 *   the figure e2e/bundle.test.ts holds under 350 KB.
 *
 * Figures are printed, never asserted (this is not a timed test).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Browser, type Response } from 'playwright-core';
import { z } from 'zod';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium } from '../e2e/support/chromium.js';
import { repoRoot, startServer } from '../e2e/support/server.js';

const env = z
  .object({
    BENCH_WEB_RUNS: z.coerce.number().int().min(1).default(9),
    BENCH_WEB_WARMUP: z.coerce.number().int().min(0).default(2),
    BENCH_WEB_USER: z.string().default('planner'),
    BENCH_WEB_PASSWORD: z.string().default(process.env.BSC_DEMO_PASSWORD ?? 'demo-bsc-2020!'),
  })
  .parse(process.env);

const BLANK_HTML =
  '<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>빈 페이지</title></head><body><p id="blank">빈 페이지</p></body></html>';

/** Page-side predicates (source text: they run in the browser) telling when the data is on screen. */
const CONTENT = {
  blank: `() => !!document.getElementById('blank')`,
  dashboard: `() => !!document.querySelector('.count-groups dd') && !!document.querySelector('.vision-name') && !!document.querySelector('.goal-card')`,
  department: `() => {
    const rows = document.querySelectorAll('#scorecard tbody tr');
    if (rows.length === 0) return false;
    for (const r of rows) { const c = r.querySelector('td:last-child'); if (!c || c.textContent.trim() === '') return false; }
    return true;
  }`,
} as const;
type Target = keyof typeof CONTENT;

/** Installed before any page script: records performance.now() when the predicate first holds. */
const observerScript = (predicate: string) => `(() => {
  const done = ${predicate};
  const check = () => {
    if (window.__benchContentAt !== undefined) return;
    try { if (done()) { window.__benchContentAt = performance.now(); observer.disconnect(); } } catch {}
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  document.addEventListener('DOMContentLoaded', check);
})();`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** The promise's value, or null when it has not settled within `ms`. */
async function within<T>(p: Promise<T>, ms = 5_000): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([p.catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
const kb = (b: number) => (b / 1024).toFixed(1);
const gzip = (b: Buffer) => zlib.gzipSync(b, { level: 9 }).length;

interface Load {
  ms: number;
  /** When the last script (resource timing, responseEnd) had arrived, ms after the navigation's start. */
  scriptsDone: number;
  /** When the last API response had arrived before the content was shown. */
  dataDone: number;
  scripts: number;
  jsGzip: number;
  jsWire: number;
  /** fetch/XHR responses (the API's JSON). */
  requests: number;
  dataWire: number;
  /** Each API request answered before the content: its path (no origin, no query), when it started and when its answer had arrived. */
  api: { path: string; start: number; end: number }[];
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? '?'} · ${Math.round(os.totalmem() / 2 ** 30)} GB RAM · Node ${process.version} · ${os.type()} ${os.release()} · load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`;
}

/** The initial JavaScript of web/dist, as e2e/bundle.test.ts measures it. */
function initialJs(): { gzip: number; files: string[] } {
  const dist = path.join(repoRoot, 'web/dist');
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return { gzip: files.reduce((a, f) => a + gzip(fs.readFileSync(path.join(dist, f))), 0), files };
}

async function load(browser: Browser, url: string, target: Target, login?: string): Promise<Load> {
  const context = await browser.newContext({
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    viewport: { width: 1280, height: 860 },
  });
  try {
    if (login) {
      const r = await context.request.post(`${login}/api/v1/auth/login`, {
        data: { username: env.BENCH_WEB_USER, password: env.BENCH_WEB_PASSWORD },
      });
      if (!r.ok()) throw new Error(`login failed: HTTP ${r.status()} ${await r.text()}`);
    }
    const page = await context.newPage();
    await page.addInitScript({ content: observerScript(CONTENT[target]) });
    const responses: Response[] = [];
    page.on('response', (r) => responses.push(r));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(() => (window as { __benchContentAt?: number }).__benchContentAt !== undefined, null, {
        timeout: 120_000,
        polling: 100,
      });
    } catch (e) {
      const shown = (
        await page
          .locator('body')
          .innerText()
          .catch(() => '')
      )
        .replace(/\s+/g, ' ')
        .slice(0, 300);
      throw new Error(
        `${url}: the content did not appear (${(e as Error).message.split('\n')[0]}); on screen: ${shown}`,
        { cause: e },
      );
    }
    // Source text, not a function: tsx would wrap a named inner function in a helper the page lacks.
    const { ms, scriptsDone, dataDone, api } = (await page.evaluate(`(() => {
      const at = window.__benchContentAt;
      const entries = performance.getEntriesByType('resource').filter((e) => e.startTime <= at);
      const last = (types) => Math.max(0, ...entries.filter((e) => types.includes(e.initiatorType)).map((e) => e.responseEnd));
      const api = entries
        .filter((e) => ['fetch', 'xmlhttprequest'].includes(e.initiatorType) && e.responseEnd > 0 && e.responseEnd <= at)
        .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd }));
      return { ms: at, scriptsDone: last(['script', 'link']), dataDone: last(['fetch', 'xmlhttprequest']), api };
    })()`)) as Pick<Load, 'ms' | 'scriptsDone' | 'dataDone' | 'api'>;
    await page.waitForLoadState('networkidle').catch(() => undefined);
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    let scripts = 0;
    let jsGzip = 0;
    let jsWire = 0;
    let requests = 0;
    let dataWire = 0;
    for (const r of responses) {
      const type = r.request().resourceType();
      if (type !== 'script' && type !== 'fetch' && type !== 'xhr') continue;
      // A request the page cancelled (a query aborted on navigation) never finishes: sizes() and
      // body() would wait for ever. Count only what arrived.
      const sizes = await within(r.request().sizes());
      if (!sizes) continue;
      if (type === 'script') {
        const body = await within(r.body());
        if (!body) continue;
        scripts++;
        jsGzip += gzip(body);
        jsWire += sizes.responseBodySize;
      } else {
        requests++;
        dataWire += sizes.responseBodySize;
      }
    }
    return { ms, scriptsDone, dataDone, scripts, jsGzip, jsWire, requests, dataWire, api };
  } finally {
    await context.close();
  }
}

/** The whole benchmark (bench/run.ts calls it as `npm run bench -- web`). */
export async function main(): Promise<void> {
  if (!hasChromium)
    throw new Error(`${CHROMIUM} 가 없습니다 (apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH)`);
  const out = (s = '') => console.log(s);
  out(`웹 벤치마크 / web benchmark — ${new Date().toISOString()}`);
  out(machine());

  const blankServer = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(BLANK_HTML);
  });
  await new Promise<void>((resolve) => blankServer.listen(0, '127.0.0.1', resolve));
  const blankPort = (blankServer.address() as { port: number }).port;

  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const base = server.baseUrl;
    // The year the app opens and its largest department, read from the API as the planner.
    const api = await browser.newContext();
    const login = await api.request.post(`${base}/api/v1/auth/login`, {
      data: { username: env.BENCH_WEB_USER, password: env.BENCH_WEB_PASSWORD },
    });
    if (!login.ok()) throw new Error(`login failed: HTTP ${login.status()}`);
    const plans = (await (await api.request.get(`${base}/api/v1/plans`)).json()) as {
      plans: { year: number; status: string }[];
    };
    const year =
      plans.plans
        .filter((p) => p.status === 'active')
        .map((p) => p.year)
        .sort((a, b) => b - a)[0] ?? Math.max(...plans.plans.map((p) => p.year));
    const summary = (await (await api.request.get(`${base}/api/v1/plans/${year}/summary`)).json()) as {
      byDepartment: { name: string; indicators: number; tasks: number }[];
    };
    const largest = [...summary.byDepartment].sort((a, b) => b.indicators - a.indicators || b.tasks - a.tasks)[0]!;
    await api.close();

    const pages: { target: Target; label: string; url: string; login?: string }[] = [
      { target: 'blank', label: 'blank page (node:http, one <p>)', url: `http://127.0.0.1:${blankPort}/` },
      { target: 'dashboard', label: `dashboard / (${year})`, url: `${base}/?year=${year}`, login: base },
      {
        target: 'department',
        label: `department ${largest.name} (${largest.indicators} indicators)`,
        url: `${base}/departments/${encodeURIComponent(largest.name)}?year=${year}`,
        login: base,
      },
    ];
    out(
      `${year}년 plan; largest department: ${largest.name} (${largest.indicators} indicators, ${largest.tasks} tasks); ` +
        `${env.BENCH_WEB_WARMUP} warm-up rounds, ${env.BENCH_WEB_RUNS} timed rounds, each load in a new browser context\n`,
    );

    const loads = new Map<Target, Load[]>(pages.map((p) => [p.target, []]));
    const failures: string[] = [];
    for (let round = 0; round < env.BENCH_WEB_WARMUP + env.BENCH_WEB_RUNS; round++) {
      process.stderr.write(
        `  round ${round + 1}/${env.BENCH_WEB_WARMUP + env.BENCH_WEB_RUNS}${round < env.BENCH_WEB_WARMUP ? ' (warm-up)' : ''}\n`,
      );
      for (const p of pages) {
        let l: Load;
        try {
          l = await load(browser, p.url, p.target, p.login);
        } catch (e) {
          // Reported and left out of the figures; the count of failures is printed with them.
          failures.push(`round ${round + 1}, ${p.label}: ${(e as Error).message}`);
          console.error(`  ! ${failures.at(-1)}`);
          continue;
        }
        if (round >= env.BENCH_WEB_WARMUP) loads.get(p.target)!.push(l);
      }
    }

    if (pages.some((p) => loads.get(p.target)!.length === 0))
      throw new Error(`no successful timed load of some page:\n${failures.join('\n')}`);
    const blank = median(loads.get('blank')!.map((l) => l.ms));
    const rows = pages.map((p) => {
      const ls = loads.get(p.target)!;
      const ms = ls.map((l) => l.ms);
      const last = ls[ls.length - 1]!;
      return {
        page: `${p.label}${ls.length < env.BENCH_WEB_RUNS ? ` [${ls.length} runs]` : ''}`,
        median: median(ms),
        min: Math.min(...ms),
        max: Math.max(...ms),
        ratio: median(ms) / blank,
        scriptsDone: median(ls.map((l) => l.scriptsDone)),
        dataDone: median(ls.map((l) => l.dataDone)),
        scripts: last.scripts,
        jsGzip: last.jsGzip,
        jsWire: last.jsWire,
        requests: last.requests,
        dataWire: last.dataWire,
      };
    });
    const header = [
      'page',
      'time to content ms (median)',
      'min',
      'max',
      '× blank',
      'scripts+CSS in, ms',
      'last API answer, ms',
      'scripts',
      'JS gzip KB',
      'JS on the wire KB',
      'API requests',
      'API KB',
    ];
    out(`| ${header.join(' | ')} |`);
    out(`|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
    for (const r of rows)
      out(
        `| ${[
          r.page,
          r.median.toFixed(0),
          r.min.toFixed(0),
          r.max.toFixed(0),
          r.ratio.toFixed(1),
          r.scriptsDone.toFixed(0),
          r.dataDone ? r.dataDone.toFixed(0) : '–',
          r.scripts,
          kb(r.jsGzip),
          kb(r.jsWire),
          r.requests,
          kb(r.dataWire),
        ].join(' | ')} |`,
      );
    out('\nAPI requests answered before the content (medians over the loads that made them, ms after the navigation):');
    out('| page | request | started | answered | loads |');
    out('|---|---|---:|---:|---:|');
    for (const p of pages) {
      const byPath = new Map<string, { start: number[]; end: number[] }>();
      for (const l of loads.get(p.target)!)
        for (const a of l.api) {
          const e = byPath.get(a.path) ?? { start: [], end: [] };
          e.start.push(a.start);
          e.end.push(a.end);
          byPath.set(a.path, e);
        }
      const rowsOf = [...byPath].map(([path, e]) => ({
        path,
        start: median(e.start),
        end: median(e.end),
        n: e.end.length,
      }));
      for (const r of rowsOf.sort((a, b) => a.start - b.start))
        out(`| ${p.target} | ${r.path} | ${r.start.toFixed(0)} | ${r.end.toFixed(0)} | ${r.n} |`);
    }
    if (failures.length) out(`\n${failures.length} load(s) failed and are left out (listed above).`);
    const init = initialJs();
    out(
      `\ninitial JavaScript of web/dist (index.html's scripts, gzip -9): ${kb(init.gzip)} KB in ${init.files.length} files (budget 350 KB)`,
    );
    out(
      `blank page time to content: median ${blank.toFixed(0)} ms; JS ratios are against 0 bytes, so JS is given in KB.`,
    );
    out(`\npeak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (this process: server + benchmark)`);
  } finally {
    await browser.close();
    await server.close();
    blankServer.close();
  }
}

if (process.argv[1]?.endsWith('web.ts'))
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
      process.exit(1);
    },
  );
