import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Generous: some tests spawn the CLI or the server several times (tsx start + demo load, 5–15 s
    // each), and on a loaded two-core CI machine one such test passed 60 s; a hang still fails.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
