/**
 * A fresh, migrated database for one test file.
 *
 * Default: an in-memory PGlite started from a migrated template (kept in the OS temp dir and keyed
 * by the migrations, so it is built once per change: ~0.5 s instead of ~3 s per file).
 * With TEST_DATABASE_URL: a new database on that PostgreSQL server, dropped on close.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { logConnectionError, migrationsFolder, openDatabase, type Database } from './client.js';

function migrationsKey(): string {
  const h = crypto.createHash('sha256');
  for (const f of fs
    .readdirSync(migrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    h.update(f).update(fs.readFileSync(path.join(migrationsFolder, f)));
  }
  return h.digest('hex').slice(0, 16);
}

async function templateBlob(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `bsc-test-template-${migrationsKey()}.tar`);
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  const d = await openDatabase({});
  await d.migrate();
  const client = (d.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
  const blob = await client.dumpDataDir('none');
  await d.close();
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  fs.renameSync(tmp, file);
  return blob;
}

export function testBackend(): 'postgres' | 'pglite' {
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
}

/** The SQLSTATE of "terminating connection due to administrator command" (what dropping a database WITH (FORCE) does to its sessions). */
const ADMIN_SHUTDOWN = '57P01';
const isAdminShutdown = (e: unknown) => (e as { code?: string } | null)?.code === ADMIN_SHUTDOWN;

async function withAdmin<T>(adminUrl: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

/** Creates a database of its own for one test on the PostgreSQL of `adminUrl`; returns its name and URL. */
export async function createScratchDatabase(adminUrl: string, prefix: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/**
 * Drops a test database, ending whatever sessions are still on it (a leaked pool client, a child
 * process that did not stop): WITH (FORCE) from PostgreSQL 13, else pg_terminate_backend first.
 */
export async function dropScratchDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, async (c) => {
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } catch (e) {
      if ((e as { code?: string }).code !== '42601') throw e; // not "syntax error": FORCE is there and failed
      await c.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
    }
  });
}

/** How long teardown waits for the pool to end before it ends the remaining sessions itself. */
const POOL_END_WAIT_MS = 2_000;

export async function createTestDatabase(): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    return openDatabase({ loadDataDir: await templateBlob() });
  }
  const { name, url } = await createScratchDatabase(adminUrl, 'bsc_test');
  let closing = false;
  const shutDown = new WeakSet<object>();
  const d = await openDatabase({
    databaseUrl: url,
    poolSize: 5,
    // At teardown the drop ends the sessions still open: their 57P01 (and the closed socket that
    // follows on the same connection) is expected; anything else is logged.
    onConnectionError: (e, connection) => {
      if (closing && isAdminShutdown(e)) shutDown.add(connection);
      else if (!shutDown.has(connection)) logConnectionError(e);
    },
  });
  await d.migrate();
  let closed: Promise<void> | undefined;
  return {
    ...d,
    close() {
      closed ??= (async () => {
        closing = true;
        // End the pool first; a client a test never released would hold pool.end() forever, so wait
        // a little and then let the drop end that session (its 57P01 is swallowed above).
        const ended = d.close().then(
          () => undefined,
          (e: unknown) => e,
        );
        let timer: NodeJS.Timeout | undefined;
        const waited = new Promise<'waited'>((r) => (timer = setTimeout(() => r('waited'), POOL_END_WAIT_MS)));
        const outcome = await Promise.race([ended, waited]);
        clearTimeout(timer);
        await dropScratchDatabase(adminUrl, name);
        if (outcome !== undefined && outcome !== 'waited' && !isAdminShutdown(outcome)) throw outcome;
      })();
      return closed;
    },
  };
}
