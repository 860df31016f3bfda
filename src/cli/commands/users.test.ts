/**
 * `bsc users …` as a user types it (in process, on a fresh embedded database with the demo and its
 * accounts): what each command on one account prints, and the Korean message, with the usage, when
 * the account or a required option is missing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../testing.js';

let dir: string;

const bsc = (...args: string[]) => runCliInProcess(args, { BSC_DATA_DIR: dir });

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-users-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('bsc users', () => {
  it('names what is missing, in Korean with the usage, and exits 1', async () => {
    const missing: [string[], string, string][] = [
      [['roles'], 'USER', 'users roles USER --role ROLE[:부서;부서] … [--org CODE]'],
      [['reset-password'], 'USER', 'users reset-password USER [--org CODE]'],
      [['unlock'], 'USER', 'users unlock USER [--org CODE]'],
      [['deactivate'], 'USER', 'users deactivate USER | --demo [--org CODE]'],
      [['activate'], 'USER', 'users activate USER [--org CODE]'],
      [['import'], 'FILE.csv', 'users import FILE.csv [--out FILE] [--org CODE]'],
      [
        ['create', '--username', 'kim'],
        '--name',
        'users create --username U --name 이름 --role ROLE[:부서;부서] … [--email E] [--org CODE]',
      ],
    ];
    for (const [args, what, usage] of missing) {
      const r = await bsc('users', ...args);
      expect(r.code, args.join(' ')).toBe(1);
      // The last lines (a first opening of the database also reports loading the demo before them).
      expect(r.stderr.split('\n').slice(-2)).toEqual([
        `오류: ${what}을(를) 지정하세요. 사용법: bsc ${usage}`,
        `  - ${what}: 필요합니다`,
      ]);
    }
    const unknownOption = await bsc('users', 'unlock', 'staff-01', '--nope');
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toMatch(/^옵션이 올바르지 않습니다: .*\n사용법: users unlock USER \[--org CODE\]$/s);
  });

  it('changes one account: roles, unlock, reset-password, deactivate, activate; an unknown one is refused', async () => {
    const roles = await bsc('users', 'roles', 'staff-01', '--role', 'viewer');
    expect(roles.code, roles.stderr).toBe(0);
    expect(roles.stdout).toMatch(/^staff-01\t.+\t열람자\t\[데모\]$/);

    const unlock = await bsc('users', 'unlock', 'staff-01');
    expect(unlock.stdout).toBe(roles.stdout);

    const reset = await bsc('users', 'reset-password', 'staff-01', '--org', 'songpa');
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toMatch(/^staff-01 임시 비밀번호: \S{8,}$/);

    const off = await bsc('users', 'deactivate', 'staff-01');
    expect(off.stdout).toMatch(/^staff-01\t.+\t열람자\t\[중지, 데모, 비밀번호 변경 필요\]$/);
    const on = await bsc('users', 'activate', 'staff-01');
    expect(on.stdout).toMatch(/^staff-01\t.+\t열람자\t\[데모, 비밀번호 변경 필요\]$/);

    const nobody = await bsc('users', 'unlock', 'nobody');
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/^오류: .*nobody.*[가-힣]/);
    const noOrg = await bsc('users', 'activate', 'staff-01', '--org', 'nope');
    expect(noOrg.code).toBe(1);
    expect(noOrg.stderr).toMatch(/^오류: .*nope/);
  });
});
