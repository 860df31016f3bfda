/**
 * The virus-scanner hook. Every upload passes `scan` before it is stored. Default: none (the
 * operations docs say how to plug one in): `BSC_EVIDENCE_SCAN_COMMAND` runs a command with the file
 * path as its last argument (e.g. `clamdscan --no-summary`): exit 0 = clean, 1 = infected, anything
 * else = the scan failed (the upload is refused, nothing stored). Code can also install a scanner
 * with `setVirusScanner`.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export type ScanVerdict = { clean: true } | { clean: false; threat: string } | { error: string };

export interface VirusScanner {
  readonly name: string;
  scan(bytes: Buffer, fileName: string): Promise<ScanVerdict>;
}

export const noScanner: VirusScanner = { name: 'none', scan: async () => ({ clean: true }) };

/** A scanner that runs a command on a temporary copy of the file. */
export function commandScanner(commandLine: string, timeoutMs = 120_000): VirusScanner {
  const [cmd, ...args] = commandLine.trim().split(/\s+/);
  if (!cmd) throw new Error('BSC_EVIDENCE_SCAN_COMMAND is empty');
  return {
    name: `command:${cmd}`,
    async scan(bytes) {
      const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'bsc-scan-'));
      const file = path.join(dir, crypto.randomBytes(8).toString('hex'));
      try {
        await fsp.writeFile(file, bytes, { mode: 0o600 });
        return await new Promise<ScanVerdict>((resolve) => {
          execFile(cmd, [...args, file], { timeout: timeoutMs }, (err, stdout) => {
            if (!err) return resolve({ clean: true });
            const code = (err as { code?: unknown }).code;
            if (code === 1)
              return resolve({ clean: false, threat: String(stdout).trim().slice(0, 300) || '악성 코드' });
            resolve({ error: err.message.slice(0, 300) });
          });
        });
      } finally {
        await fsp.rm(dir, { recursive: true, force: true });
      }
    },
  };
}

let installed: VirusScanner | null = null;

/** Installs a scanner for the process (tests, or an integration written in code). */
export function setVirusScanner(scanner: VirusScanner | null) {
  installed = scanner;
}

/** The scanner of the process: one installed with `setVirusScanner` (looked up at each scan), else the command, else none. */
export function virusScanner(command?: string): VirusScanner {
  const base = command ? commandScanner(command) : noScanner;
  return {
    get name() {
      return (installed ?? base).name;
    },
    scan: (bytes, fileName) => (installed ?? base).scan(bytes, fileName),
  };
}
