/** Runs one CLI invocation: finds the command, opens the database lazily, maps errors to messages and exit codes. */
import type { Database } from '../db/client.js';
import type { Config } from '../config.js';
import { AppError } from '../domain/errors.js';
import { openAppDatabase } from '../bootstrap.js';
import type { CliIo, Command } from './command.js';
import { commands } from './commands/index.js';

function usage(io: CliIo) {
  io.out('성과관리 BSC 명령줄 도구 — 사용법: npm run bsc -- <명령> [옵션]\n');
  for (const c of commands) io.out(`  ${c.usage.padEnd(52)} ${c.description}`);
}

export async function runCli(argv: string[], config: Config, io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    usage(io);
    return argv.length === 0 ? 2 : 0;
  }
  // Longest matching command name ("plan export" before "plan").
  let command: Command | undefined;
  let rest: string[] = [];
  for (const c of commands) {
    const words = c.name.split(' ');
    if (words.every((w, i) => argv[i] === w) && (!command || words.length > command.name.split(' ').length)) {
      command = c;
      rest = argv.slice(words.length);
    }
  }
  if (!command) {
    io.err(`알 수 없는 명령입니다: ${argv.join(' ')}\n`);
    usage(io);
    return 2;
  }
  let database: Database | undefined;
  try {
    return await command.run({
      args: rest,
      config,
      io,
      database: async () => (database ??= await openAppDatabase(config, { log: (m) => io.err(m) })),
    });
  } catch (e) {
    if (e instanceof AppError) {
      io.err(`오류: ${e.message}`);
      for (const d of e.details) io.err(`  - ${d.path}: ${d.message}`);
      return e.kind === 'unavailable' ? 3 : 1;
    }
    if (e instanceof TypeError && /Unknown option|Unexpected argument|ERR_PARSE_ARGS/.test(String((e as { code?: string }).code ?? e.message))) {
      io.err(`옵션이 올바르지 않습니다: ${e.message}\n사용법: ${command.usage}`);
      return 2;
    }
    throw e;
  } finally {
    await database?.close();
  }
}
