/** The account settings, from the validated environment (config.ts). */
import type { Config } from '../../config.js';
import { DEFAULT_DEMO_PASSWORD } from '../../config.js';

export interface AccountSettings {
  idleMs: number;
  absoluteMs: number;
  maxFailures: number;
  failureWindowMs: number;
  lockoutMs: number;
  /** Passwords a real (non-demo) account may never take. */
  demoPasswords: string[];
}

const MIN = 60_000;

export function accountSettings(config: Partial<Config> = {}): AccountSettings {
  return {
    idleMs: (config.BSC_SESSION_IDLE_MINUTES ?? 30) * MIN,
    absoluteMs: (config.BSC_SESSION_ABSOLUTE_HOURS ?? 12) * 60 * MIN,
    maxFailures: config.BSC_LOGIN_MAX_FAILURES ?? 5,
    failureWindowMs: (config.BSC_LOGIN_FAILURE_WINDOW_MINUTES ?? 15) * MIN,
    lockoutMs: (config.BSC_LOCKOUT_MINUTES ?? 15) * MIN,
    demoPasswords: [...new Set([DEFAULT_DEMO_PASSWORD, config.BSC_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD])],
  };
}
