/**
 * What the commands share: reading a year, a required value and an evaluation mode from the
 * arguments (one Korean message each), the organization a command works on, and saving a file.
 */
import fs from 'node:fs';
import type { CommandContext } from './command.js';
import { validationError } from '../domain/errors.js';
import { resolveOrganization } from '../features/plans/context.js';

/** `--year 2020` (or `flag`) as an integer; `inPlanRange` also refuses years outside 2000–2100. */
export function yearArg(v: string | undefined, flag = '--year', opts: { inPlanRange?: boolean } = {}): number {
  const n = Number(v);
  if (!v || !Number.isInteger(n) || (opts.inPlanRange && (n < 2000 || n > 2100)))
    throw validationError(`${flag} 에 연도를 지정하세요 (예: ${flag} 2020).`, [
      { path: flag, message: '연도가 필요합니다' },
    ]);
  return n;
}

/** A value the command cannot do without (`what`: the option or positional, named with the usage). */
export function requiredArg(v: string | undefined, what: string, usage: string): string {
  if (!v)
    throw validationError(`${what}을(를) 지정하세요. 사용법: bsc ${usage}`, [{ path: what, message: '필요합니다' }]);
  return v;
}

/** `--mode final|provisional` of the evaluation reports; final when not given. */
export function modeArg(v: string | undefined): 'final' | 'provisional' {
  const mode = v ?? 'final';
  if (mode !== 'final' && mode !== 'provisional')
    throw validationError('--mode 는 final 또는 provisional 입니다.', [{ path: '--mode', message: mode }]);
  return mode;
}

/** The database and the organization of `--org` (or the only one). */
export async function orgOf(ctx: CommandContext, code?: string) {
  const db = (await ctx.database()).db;
  return { db, org: await resolveOrganization(db, code) };
}

/** Writes a generated file and says on stderr where, what and how large. */
export function saveFile(ctx: CommandContext, file: string, buffer: Buffer, what: string): void {
  fs.writeFileSync(file, buffer);
  ctx.io.err(`${file} 에 ${what}을(를) 저장했습니다 (${Math.round(buffer.length / 1024)} KB).`);
}
