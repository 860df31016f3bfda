#!/usr/bin/env node
/** `npm run bsc -- <command>`: the command-line interface. */
import { loadConfig } from '../config.js';
import { runCli } from './run.js';

// `… | head`, `… | jq` that stops early: the reader is gone, so stop quietly instead of an unhandled EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

const io = { out: (t: string) => process.stdout.write(t + '\n'), err: (t: string) => process.stderr.write(t + '\n') };
runCli(process.argv.slice(2), loadConfig(), io)
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e) => {
    console.error('[bsc] 예기치 못한 오류:', e);
    process.exitCode = 1;
  });
