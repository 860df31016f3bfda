import { describe, expect, it } from 'vitest';
import { runTs, startTs } from './spawn.js';

// 40 lines of 8,000 characters: ~960 KB each on stdout and stderr, far more than one pipe chunk (64 KB).
const expected = `${'성과관리'.repeat(2000)}\n`.repeat(40);

describe('child process helpers', () => {
  it('runTs reads Korean output whole, whatever the chunk boundaries', async () => {
    const r = await runTs('src/testing/print-korean.ts', ['40'], process.env);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\uFFFD');
    expect(r.stderr).not.toContain('\uFFFD');
    expect(r.stdout).toBe(`${expected}준비됨\n`);
    expect(r.stderr).toBe(expected);
  });

  it('startTs reads Korean output whole', async () => {
    const { output, exited } = await startTs('src/testing/print-korean.ts', process.env, /준비됨/);
    expect(await exited).toBe(0);
    expect(output()).not.toContain('\uFFFD');
    expect(output().length).toBe(2 * expected.length + '준비됨\n'.length);
  });
});
