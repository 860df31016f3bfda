import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, ping, type Database } from './client.js';
import { createScratchDatabase, dropScratchDatabase } from './testing.js';

const adminUrl = process.env.TEST_DATABASE_URL;

async function terminate(pid: number): Promise<void> {
  const a = new pg.Client({ connectionString: adminUrl });
  await a.connect();
  try {
    const r = await a.query<{ ok: boolean }>('SELECT pg_terminate_backend($1) AS ok', [pid]);
    expect(r.rows[0]!.ok).toBe(true);
  } finally {
    await a.end();
  }
}

async function until(cond: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!adminUrl)(
  'PostgreSQL pool: a connection the server ends (needs TEST_DATABASE_URL; skipped on PGlite)',
  () => {
    let database: Database | undefined;
    let dbName: string | undefined;
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => void uncaught.push(e);

    afterEach(async () => {
      process.off('uncaughtException', onUncaught);
      vi.restoreAllMocks();
      await database?.close();
      if (dbName) await dropScratchDatabase(adminUrl!, dbName);
      database = dbName = undefined;
    });

    async function open() {
      const { name, url } = await createScratchDatabase(adminUrl!, 'bsc_pool');
      dbName = name;
      database = await openDatabase({ databaseUrl: url, poolSize: 2 });
      process.on('uncaughtException', onUncaught);
      uncaught.length = 0;
      const pool = (database.db as unknown as { $client: pg.Pool }).$client;
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      return { db: database.db, pool, logged };
    }

    const backendPid = async (c: pg.PoolClient) =>
      (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;

    it('an idle pooled connection: logs in Korean, the process keeps running and the next query works', async () => {
      const { db, pool, logged } = await open();
      const c = await pool.connect();
      const pid = await backendPid(c);
      c.release();
      expect(pool.idleCount).toBe(1);

      await terminate(pid);
      await until(() => logged.mock.calls.length > 0);

      expect(uncaught).toEqual([]);
      expect(String(logged.mock.calls[0]![0])).toMatch(/데이터베이스 연결 하나가 끊어졌습니다 \(57P01\)/);
      await ping(db);
      const again = await pool.connect();
      expect(await backendPid(again)).not.toBe(pid);
      again.release();
    });

    it('a connection checked out between two queries: no crash; after release the pool goes on', async () => {
      const { db, pool, logged } = await open();
      const c = await pool.connect();
      const pid = await backendPid(c);

      await terminate(pid);
      await until(() => logged.mock.calls.length > 0);

      expect(uncaught).toEqual([]);
      await expect(c.query('SELECT 1')).rejects.toThrow();
      c.release();
      await ping(db);
    });
  },
);
