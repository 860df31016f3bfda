import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ping } from './client.js';
import { createTestDatabase } from './testing.js';

const adminUrl = process.env.TEST_DATABASE_URL;

describe('test database teardown', () => {
  it('closes (twice is fine) on either backend', async () => {
    const d = await createTestDatabase();
    await ping(d.db);
    await d.close();
    await d.close();
  });

  it.skipIf(!adminUrl)(
    'PostgreSQL: a client a test never released does not hang the drop nor surface its 57P01 (needs TEST_DATABASE_URL)',
    async () => {
      const uncaught: unknown[] = [];
      const onUncaught = (e: unknown) => void uncaught.push(e);
      process.on('uncaughtException', onUncaught);
      try {
        const d = await createTestDatabase();
        const pool = (d.db as unknown as { $client: pg.Pool }).$client;
        const leaked = await pool.connect(); // never released
        await leaked.query('SELECT 1');
        const name = (await leaked.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;

        const started = Date.now();
        await d.close();
        expect(Date.now() - started).toBeLessThan(15_000);
        // Let the ended session's error reach its client.
        await new Promise((r) => setTimeout(r, 300));
        expect(uncaught).toEqual([]);

        const a = new pg.Client({ connectionString: adminUrl });
        await a.connect();
        const left = await a.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        await a.end();
        expect(left.rowCount).toBe(0);
      } finally {
        process.off('uncaughtException', onUncaught);
      }
    },
  );
});
