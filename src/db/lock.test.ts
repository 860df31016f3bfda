import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './lock.js';
import { AppError } from '../domain/errors.js';
import { startTs } from '../testing/spawn.js';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('data directory lock', () => {
  it('refuses a second opener while the owner is alive, with a Korean message', async () => {
    const dir = tmp();
    // A real second process holds the lock.
    const holder = await startTs(
      'src/testing/hold-lock.ts',
      { ...process.env, LOCK_DIR: dir },
      /locked/,
    );
    try {
      let err: unknown;
      try {
        lockDataDir(dir);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('data_dir_locked');
      expect((err as AppError).message).toMatch(/다른 프로세스\(PID \d+/);
      expect((err as AppError).extra.pid).toBe(holder.child.pid);
    } finally {
      holder.child.kill('SIGKILL');
      await holder.exited;
    }
    // The holder died without releasing: its lock is stale and is taken over.
    const lock = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
  });

  it('releases only its own lock', () => {
    const dir = tmp();
    const lock = lockDataDir(dir);
    fs.writeFileSync(lock.path, JSON.stringify({ pid: 1, hostname: os.hostname(), startedAt: '', command: '' }));
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(true);
  });
});
