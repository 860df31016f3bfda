/**
 * Runs the real CLI or server as a child process, for tests of what a user types.
 * The environment points at a fresh embedded data dir, or — when TEST_DATABASE_URL is set — at a
 * fresh PostgreSQL database of its own (dropped by cleanup()).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchDatabase, dropScratchDatabase } from '../db/testing.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');

export interface ChildEnv {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  cleanup(): Promise<void>;
}

export async function freshEnv(opts: { embeddedOnly?: boolean } = {}): Promise<ChildEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-test-'));
  const env: NodeJS.ProcessEnv = { ...process.env, BSC_DATA_DIR: dataDir, BSC_LOG_LEVEL: 'silent', DATABASE_URL: '' };
  const adminUrl = process.env.TEST_DATABASE_URL;
  let dbName: string | undefined;
  if (adminUrl && !opts.embeddedOnly) {
    const db = await createScratchDatabase(adminUrl, 'bsc_cli');
    dbName = db.name;
    env.DATABASE_URL = db.url;
  }
  return {
    env,
    dataDir,
    async cleanup() {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (dbName && adminUrl) await dropScratchDatabase(adminUrl, dbName);
    },
  };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runTs(script: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [path.join(repoRoot, script), ...args], { env, cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    // Decode as a stream: a Korean character split across two chunks stays whole.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (stdout += d));
    child.stderr.on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timeout: ${script} ${args.join(' ')}\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export const runCli = (args: string[], env: NodeJS.ProcessEnv) => runTs('src/cli/bsc.ts', args, env);

/** Starts a long-running child and resolves once a line matching `ready` appears on stdout/stderr. */
export function startTs(
  script: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs = 120_000,
): Promise<{ child: ChildProcess; output: () => string; exited: Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    // Run node directly on tsx's loader so that signals reach our process, not a wrapper.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, script)], { env, cwd: repoRoot });
    let out = '';
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`not ready in time: ${out}`));
    }, timeoutMs);
    const onData = (d: string) => {
      out += d;
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve({ child, output: () => out, exited });
      }
    };
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('close', () => {
      clearTimeout(timer);
      if (!ready.test(out)) reject(new Error(`exited before ready: ${out}`));
    });
  });
}
