/** The CLI in the test's own process (no child): its exit code and what it printed, for the commands' tests. */
import { loadConfig } from '../config.js';
import { runCli } from './run.js';

export async function runCliInProcess(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, loadConfig({ NODE_ENV: 'test', ...env }), {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
