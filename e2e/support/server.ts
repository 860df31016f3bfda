/**
 * The real server, in-process, for browser tests: builds the web app when web/dist is missing or
 * older than its sources, opens a fresh test database, loads the demo (the 2019–2020 plans and the
 * demo accounts) and listens on a free port.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from '../../src/server/app.js';
import type { Database } from '../../src/db/client.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webRoot = path.join(repoRoot, 'web');
const distIndex = path.join(webRoot, 'dist/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  if (process.env.E2E_REBUILD || !fs.existsSync(distIndex)) return false;
  const sources = Math.max(
    newestMtime(path.join(webRoot, 'src')),
    fs.statSync(path.join(webRoot, 'index.html')).mtimeMs,
    fs.statSync(path.join(webRoot, 'vite.config.ts')).mtimeMs,
  );
  return fs.statSync(distIndex).mtimeMs >= sources;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds web/dist unless it is there and newer than web/src, web/index.html and the vite config.
 * Test files run in parallel processes: one builds (under a lock directory) into a temporary
 * folder that then replaces web/dist, so nobody serves a half-written dist.
 */
export function ensureWebBuilt(): void {
  if (isFresh()) return;
  // Scratch space inside node_modules/.cache: ignored by git, on the same disk as web/dist (rename).
  const scratch = path.join(repoRoot, 'node_modules/.cache/bsc-e2e');
  fs.mkdirSync(scratch, { recursive: true });
  const lock = path.join(scratch, 'build.lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes is left over from a crashed run.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`web build lock ${lock} held too long`);
      sleep(200);
    }
  }
  try {
    if (isFresh()) return; // built by another process while we waited
    console.log('[e2e] web/dist가 없거나 오래되어 빌드합니다 (vite build)…');
    const tmp = path.join(scratch, `dist-${process.pid}`);
    const r = spawnSync(
      path.join(repoRoot, 'node_modules/.bin/vite'),
      ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn', '--outDir', tmp, '--emptyOutDir'],
      {
        cwd: repoRoot,
        stdio: 'inherit',
        // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
        env: { ...process.env, NODE_ENV: 'production' },
      },
    );
    if (r.status !== 0) {
      fs.rmSync(tmp, { recursive: true, force: true });
      throw new Error(`vite build failed (exit ${r.status})`);
    }
    const dist = path.join(webRoot, 'dist');
    const old = path.join(scratch, `old-${process.pid}`);
    if (fs.existsSync(dist)) fs.renameSync(dist, old);
    fs.renameSync(tmp, dist);
    fs.rmSync(old, { recursive: true, force: true });
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export interface RunningServer {
  app: App;
  database: Database;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  ensureWebBuilt();
  // Wires the capabilities' demo hooks (the demo accounts) as the real start-up does.
  await import('../../src/features/register.js');
  const { createTestDatabase } = await import('../../src/db/testing.js');
  const { ensureDemo } = await import('../../src/features/demo/ensure-demo.js');
  const { buildApp } = await import('../../src/server/app.js');
  const { loadConfig } = await import('../../src/config.js');
  const database = await createTestDatabase();
  await ensureDemo(database.db);
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', BSC_LOG_LEVEL: 'silent', PORT: '0' });
  const app = await buildApp({ database, config, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('server has no TCP address');
  return {
    app,
    database,
    baseUrl: `http://127.0.0.1:${addr.port}`,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
