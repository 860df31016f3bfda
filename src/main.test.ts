/**
 * The server process as a user runs it: starts on an empty data dir (loading the demo once),
 * holds the data-dir lock (a CLI command is refused and changes nothing), and closes the database
 * cleanly on SIGTERM and SIGINT.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshEnv, runCli, startTs, type ChildEnv } from './testing/spawn.js';

let env: ChildEnv;
beforeAll(async () => {
  // The lock is a property of the embedded database; this test always uses it.
  env = await freshEnv({ embeddedOnly: true });
});
afterAll(async () => {
  await env?.cleanup();
});

const listing = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const p = path.join(e.parentPath, e.name);
      const s = fs.statSync(p);
      return `${path.relative(dir, p)}:${s.size}:${s.mtimeMs}`;
    })
    .sort();

describe.each(['SIGTERM', 'SIGINT'] as const)('server process (%s)', (signal) => {
  it(`holds the data dir, refuses a second opener, and closes cleanly on ${signal}`, async () => {
    const server = await startTs('src/main.ts', { ...env.env, PORT: '0', HOST: '127.0.0.1' }, /실행 중입니다: http:\/\/localhost:\d+ \((http:\/\/[^)]+)\)/);
    const url = /\((http:\/\/[^)]+)\)/.exec(server.output())![1]!;
    try {
      const health = await fetch(`${url}/readyz`);
      expect(await health.json()).toEqual({ status: 'ready', database: 'pglite' });
      expect(fs.existsSync(path.join(env.dataDir, 'bsc.lock'))).toBe(true);

      const before = listing(env.dataDir);
      const cli = await runCli(['plan', 'copy', '--from', '2020', '--to', '2021'], env.env);
      expect(cli.code).toBe(3);
      expect(cli.stderr).toMatch(/다른 프로세스\(PID \d+/);
      expect(listing(env.dataDir)).toEqual(before);
    } finally {
      server.child.kill(signal);
    }
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('데이터베이스를 안전하게 닫았습니다');
    expect(fs.existsSync(path.join(env.dataDir, 'bsc.lock'))).toBe(false);

    // The data is intact and the lock is free: the CLI now works on it.
    const summary = await runCli(['summary', '--year', '2020', '--json'], env.env);
    expect(summary.code).toBe(0);
    expect(JSON.parse(summary.stdout).counts.indicators).toBe(195);
  });
});
