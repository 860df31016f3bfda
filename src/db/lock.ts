/**
 * An exclusive lock on the embedded database directory.
 *
 * PGlite takes no lock of its own: two processes opening one directory corrupt it or lose
 * committed rows. The first opener writes `<dir>/bsc.lock` with O_EXCL; a second opener finds
 * it, sees that the owner is alive and refuses with a Korean message before touching anything.
 * A lock left by a dead process (kill -9, crash) is taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../domain/errors.js';

export interface DirLock {
  path: string;
  release(): void;
}

interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  command: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dir: string): DirLock {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, 'bsc.lock');
  const info: LockInfo = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(' '),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(info), { flag: 'wx' });
      let released = false;
      return {
        path: lockPath,
        release() {
          if (released) return;
          released = true;
          try {
            const current = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
            if (current.pid === process.pid) fs.unlinkSync(lockPath);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner: LockInfo | undefined;
      try {
        owner = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
      } catch {
        owner = undefined; // half-written or unreadable: treat as stale
      }
      const sameHost = !owner || owner.hostname === os.hostname();
      if (owner && owner.pid !== process.pid && (!sameHost || alive(owner.pid))) {
        throw new AppError(
          'unavailable',
          'data_dir_locked',
          `데이터 디렉터리 ${dir} 을(를) 다른 프로세스(PID ${owner.pid}, ${owner.startedAt} 시작)가 사용 중입니다. ` +
            `서버가 실행 중이면 서버의 API를 사용하거나, 서버를 멈춘 뒤 다시 실행하세요. 아무것도 변경하지 않았습니다. ` +
            `(The data directory is locked by another process.)`,
          [],
          { pid: owner.pid },
        );
      }
      // Stale lock of a process that is gone: take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new AppError('unavailable', 'data_dir_locked', `데이터 디렉터리 ${dir} 의 잠금을 얻지 못했습니다.`);
}
