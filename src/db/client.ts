/**
 * Opens the database: PGlite in-process (default, data in BSC_DATA_DIR/pg, under an exclusive
 * lock) or PostgreSQL through node-postgres when DATABASE_URL is set. Both get the same Drizzle
 * schema and the same migrations.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';
import { lockDataDir, type DirLock } from './lock.js';

export type Schema = typeof schema;
/** A database or an open transaction: every query function takes this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs the committed SQL migrations (idempotent). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded database is used. */
  databaseUrl?: string;
  /** Directory of the embedded database (ignored with databaseUrl). Omit for an in-memory one. */
  dataDir?: string;
  poolSize?: number;
  /** Start the in-memory embedded database from a dump (tests use a migrated template). */
  loadDataDir?: Blob;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // Fail early with a clear message if the server is not there.
    try {
      const c = await pool.connect();
      c.release();
    } catch (e) {
      await pool.end();
      throw new Error(`PostgreSQL에 연결할 수 없습니다 (DATABASE_URL): ${(e as Error).message}`, { cause: e });
    }
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      async migrate() {
        // Several app processes may start at once: one migrates, the others wait.
        const client = await pool.connect();
        try {
          await client.query('SELECT pg_advisory_lock(7220201)');
          await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
        } finally {
          await client.query('SELECT pg_advisory_unlock(7220201)').catch(() => undefined);
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }

  let lock: DirLock | undefined;
  let client: PGlite;
  if (opts.dataDir) {
    lock = lockDataDir(opts.dataDir);
    try {
      client = await PGlite.create(path.join(opts.dataDir, 'pg'));
    } catch (e) {
      lock.release();
      throw e;
    }
  } else {
    client = await PGlite.create(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    kind: 'pglite',
    async migrate() {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** A trivial round trip, for /readyz. */
export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
