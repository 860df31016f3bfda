/** Environment, read and validated once at boot. */
import path from 'node:path';
import { z } from 'zod';

/** The demo accounts' password when BSC_DEMO_PASSWORD is not set (documented in the README). */
export const DEFAULT_DEMO_PASSWORD = 'demo-bsc-2020!';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  BSC_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Load the 2020 demo plan into an empty database (default on). */
  BSC_DEMO: z
    .enum(['0', '1', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
  /**
   * Password of every demo account (demo only; flagged accounts are refused in production).
   * Default: `demo-bsc-2020!` — documented in the README; anyone can read it, so never expose a demo.
   */
  BSC_DEMO_PASSWORD: z.string().min(8).default(DEFAULT_DEMO_PASSWORD),
  /** Session idle timeout (minutes, KWCAG 6.2.1 warns before it) and absolute lifetime (hours). */
  BSC_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  BSC_SESSION_ABSOLUTE_HOURS: z.coerce.number().min(0.1).max(72).default(12),
  /** Lockout: this many failed logins within the window lock the account for BSC_LOCKOUT_MINUTES. */
  BSC_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  BSC_LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  BSC_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Login attempts per client IP per minute (throttling before the per-account lockout). */
  BSC_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  /** Audit retention: access records (접속기록, ≥ 2 years) and rights/change records (≥ 3 years). */
  BSC_AUDIT_RETENTION_YEARS: z.coerce.number().min(2).max(100).default(2),
  BSC_AUDIT_RIGHTS_RETENTION_YEARS: z.coerce.number().min(3).max(100).default(3),
  BSC_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Evidence uploads (증빙자료): largest file, and the limits of ZIP-based files (HWPX, DOCX, XLSX, ZIP). */
  BSC_EVIDENCE_MAX_BYTES: z.coerce.number().int().min(1024).max(2 * 1024 * 1024 * 1024).default(30 * 1024 * 1024),
  BSC_EVIDENCE_ZIP_MAX_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(5000),
  BSC_EVIDENCE_ZIP_MAX_EXPANDED_BYTES: z.coerce.number().int().min(1024).default(300 * 1024 * 1024),
  /** A virus scanner run on every upload with the file path as last argument (exit 0 clean, 1 infected), e.g. `clamdscan --no-summary`. */
  BSC_EVIDENCE_SCAN_COMMAND: z.string().optional().or(z.literal('').transform(() => undefined)),
  /** SMTP for reminders (smtp[s]://user:pass@host:port); without it, e-mails go to the log. */
  BSC_SMTP_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  BSC_SMTP_FROM: z.string().default('성과관리 BSC <bsc@localhost>'),
  /** How often the server runs the reminders and the cut-off check (minutes; 0: never, run `bsc reminders run`). */
  BSC_REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(60),
});

export type Config = z.infer<typeof envSchema> & { dataDir: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`환경 설정이 올바르지 않습니다 (invalid environment):\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.BSC_DATA_DIR) };
}
