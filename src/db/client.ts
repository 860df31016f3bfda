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
  /**
   * PostgreSQL only: called when a pooled connection fails outside a query (the server restarted,
   * an administrator ended the session, the network dropped). The pool discards that connection and
   * opens a new one for the next query. Default: a line on stderr.
   */
  onConnectionError?: (e: Error, connection: object) => void;
}

/** The default for OpenOptions.onConnectionError: log and keep running. */
export function logConnectionError(e: Error): void {
  const code = (e as { code?: string }).code;
  console.error(
    `[bsc] 데이터베이스 연결 하나가 끊어졌습니다${code ? ` (${code})` : ''}: ${e.message} — 그 연결은 버리고 다음 요청은 새 연결로 처리합니다.`,
  );
}

/**
 * Without a listener, node-postgres turns a connection dropped outside a query into an uncaught
 * 'error' event, which ends the process. Idle connections report through the pool; a connection
 * checked out between two queries (e.g. inside a transaction) reports on its own client.
 */
function handleConnectionErrors(pool: pg.Pool, onError: (e: Error, connection: object) => void): void {
  pool.on('error', (e, client) => onError(e, client));
  const listeners = new WeakMap<object, (e: Error) => void>();
  pool.on('acquire', (client) => {
    const l = (e: Error) => onError(e, client);
    listeners.set(client, l);
    client.on('error', l);
  });
  pool.on('release', (_err, client) => {
    const l = listeners.get(client);
    if (l) client.removeListener('error', l);
  });
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    handleConnectionErrors(pool, opts.onConnectionError ?? logConnectionError);
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
      close: () => (pool.ending ? Promise.resolve() : pool.end()),
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
