/**
 * The audit trail is tamper-evident: `bsc audit verify` passes on an untouched chain and fails
 * (exit 1) on a row changed, removed or inserted behind the application's back (the append-only
 * trigger disabled, as a database owner could). The retention purge leaves a chain that still verifies.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../db/testing.js';
import { appendAudit, readAuditChain, sha256 } from '../../db/queries/audit.js';
import { auditHashInput } from '../../domain/audit-chain.js';
import { auditLog } from '../../db/schema.js';
import { seedOrganization } from '../accounts/testing.js';
import { createUser } from '../accounts/create-user.js';
import { accountSettings } from '../accounts/settings.js';
import { auditVerifyCommand, auditPurgeCommand, auditListCommand } from '../../cli/commands/audit.js';
import { testConfig } from '../../server/auth/testing.js';
import type { CommandContext } from '../../cli/command.js';
import { verifyAuditTrail } from './verify-audit.js';
import { purgeAuditTrail } from './purge-audit.js';
import { recordAccess } from './record-access.js';

let database: Database;
let orgId: string;
const db = () => database.db;
const cli = { id: null, name: 'cli:test', ip: 'local' };

beforeAll(async () => {
  database = await createTestDatabase();
  orgId = (await seedOrganization(db())).organizationId;
  for (const name of ['alpha', 'bravo', 'charlie'])
    await createUser(
      db(),
      accountSettings(),
      orgId,
      { actor: cli, principal: null },
      { username: name, displayName: name, roles: [{ role: 'viewer' }] },
    );
  await recordAccess(
    db(),
    orgId,
    { id: null, name: 'alpha', ip: '10.0.0.1' },
    { action: 'evidence.download', entityType: 'evidence', entityId: 'e1', subject: '교통과' },
  );
});
afterAll(async () => {
  await database?.close();
});

function run(command: typeof auditVerifyCommand, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CommandContext = {
    args,
    config: testConfig(),
    io: { out: (t) => out.push(t), err: (t) => err.push(t) },
    database: async () => database,
  };
  return command.run(ctx).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

/** Runs statements with the append-only trigger off, as someone with direct database access could. */
async function behindTheBack(...statements: ReturnType<typeof sql>[]) {
  await db().execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
  try {
    for (const s of statements) await db().execute(s);
  } finally {
    await db().execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
  }
}

describe('bsc audit verify', () => {
  it('passes on the untouched chain (exit 0)', async () => {
    const r = await run(auditVerifyCommand, []);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/test-gu: 기록 5건 \(1–5\) — 이상 없음/);
  });

  it('the application cannot update or delete a row: the trigger refuses', async () => {
    await expect(db().execute(sql`update audit_log set actor_name = 'x' where seq = 1`)).rejects.toThrow();
    await expect(db().execute(sql`delete from audit_log where seq = 1`)).rejects.toThrow();
  });

  it('detects a changed row', async () => {
    const [row] = await db()
      .select()
      .from(auditLog)
      .where(sql`${auditLog.organizationId} = ${orgId} and ${auditLog.seq} = 3`);
    await behindTheBack(
      sql`update audit_log set after = jsonb_set(after, '{displayName}', '"mallory"') where organization_id = ${orgId} and seq = 3`,
    );
    const r = await run(auditVerifyCommand, ['--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.chains[0].problems).toEqual([expect.objectContaining({ seq: 3, kind: 'changed' })]);
    await behindTheBack(
      sql`update audit_log set after = ${JSON.stringify(row!.after)}::jsonb where organization_id = ${orgId} and seq = 3`,
    );
    expect((await run(auditVerifyCommand, [])).code).toBe(0);
  });

  it('detects a removed row (in the middle, and the first one)', async () => {
    const rows = await readAuditChain(db(), orgId);
    const copy = (r: (typeof rows)[number]) => ({ ...r });
    await behindTheBack(sql`delete from audit_log where organization_id = ${orgId} and seq = 4`);
    let r = await run(auditVerifyCommand, []);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/gap\t5\t기록 3 다음에 5가 옵니다: 1건이 삭제되었습니다/);
    expect(r.out).toMatch(/broken_link\t5/);
    await db().execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    await db().insert(auditLog).values(copy(rows[3]!));
    await db().execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
    expect((await run(auditVerifyCommand, [])).code).toBe(0);

    await behindTheBack(sql`delete from audit_log where organization_id = ${orgId} and seq = 1`);
    r = await run(auditVerifyCommand, []);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/1번부터 있어야 하는데 2번부터/);
    await db().insert(auditLog).values(copy(rows[0]!));
    expect((await run(auditVerifyCommand, [])).code).toBe(0);
  });

  it('detects an inserted row, even one whose own hash is computed correctly', async () => {
    const rows = await readAuditChain(db(), orgId);
    const last = rows.at(-1)!;
    const forged = {
      ...last,
      seq: Number(last.seq) + 1,
      at: new Date(),
      action: 'result.approve',
      actorName: 'mallory',
      // Chained to an older row, as if slipped in behind it.
      prevHash: rows.at(-3)!.hash,
    };
    const hash = sha256(auditHashInput(forged));
    await db()
      .insert(auditLog)
      .values({ ...forged, hash });
    const r = await run(auditVerifyCommand, ['--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).chains[0].problems).toEqual([
      expect.objectContaining({ seq: forged.seq, kind: 'broken_link' }),
    ]);
    await behindTheBack(sql`delete from audit_log where organization_id = ${orgId} and seq = ${forged.seq}`);
    expect((await run(auditVerifyCommand, [])).code).toBe(0);
  });

  it('lists records with filters', async () => {
    const r = await run(auditListCommand, ['--category', 'rights', '--json']);
    const entries = JSON.parse(r.out);
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['user.create', 'user.create', 'user.create']);
    expect(entries[0].after).toMatchObject({ username: 'charlie', roles: ['viewer'] });
    expect(JSON.stringify(entries)).not.toMatch(/argon2/);
    const access = JSON.parse((await run(auditListCommand, ['--action', 'evidence.', '--json'])).out);
    expect(access).toEqual([
      expect.objectContaining({ action: 'evidence.download', category: 'access', ip: '10.0.0.1', subject: '교통과' }),
    ]);
  });
});

describe('retention purge', () => {
  it('deletes only an expired prefix, anchors the chain, and verify still passes', async () => {
    const other = crypto.randomUUID();
    const at = (action: string, category: 'access' | 'rights') =>
      db().transaction((tx) => appendAudit(tx, other, cli, { action, category }));
    for (let i = 0; i < 3; i++) await at('auth.login', 'access');
    await at('user.roles', 'rights');
    for (let i = 0; i < 2; i++) await at('auth.login', 'access');
    const retention = { accessYears: 2, rightsYears: 3 };
    const later = (years: number) => new Date(Date.now() + years * 365.25 * 86_400_000);

    // 2.5 years on: the three access records go; the rights record (3 years) stops the purge there.
    const r1 = await purgeAuditTrail(db(), other, cli, retention, { now: later(2.5) });
    expect(r1).toMatchObject({ purged: 3, firstSeq: 4 });
    let v = await verifyAuditTrail(db(), other);
    expect(v.ok, JSON.stringify(v.chains[0]!.problems)).toBe(true);
    expect(v.chains[0]).toMatchObject({ firstSeq: 4, lastSeq: 7, anchor: { firstSeq: 4 } });
    const chain = await readAuditChain(db(), other);
    expect(chain.at(-1)).toMatchObject({ action: 'audit.purge', category: 'rights' });

    // 4 years on: everything is past retention; the newest row stays so the chain goes on from it.
    const r2 = await purgeAuditTrail(db(), other, cli, retention, { now: later(4) });
    expect(r2).toMatchObject({ purged: 3, firstSeq: 7 });
    v = await verifyAuditTrail(db(), other);
    expect(v.ok).toBe(true);
    expect(v.chains[0]).toMatchObject({ firstSeq: 7, lastSeq: 8, rows: 2 });

    // Removing the first kept row is still detected against the anchor.
    await behindTheBack(sql`delete from audit_log where organization_id = ${other} and seq = 7`);
    v = await verifyAuditTrail(db(), other);
    expect(v.ok).toBe(false);
  });

  it('retention cannot be set below the legal minimum; the CLI purge of young records deletes nothing', async () => {
    const r = await run(auditPurgeCommand, ['--org', 'test-gu']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/삭제 0건/);
    expect(() => testConfig({ BSC_AUDIT_RETENTION_YEARS: '1' })).toThrow(/BSC_AUDIT_RETENTION_YEARS/);
    expect(() => testConfig({ BSC_AUDIT_RIGHTS_RETENTION_YEARS: '2' })).toThrow(/BSC_AUDIT_RIGHTS_RETENTION_YEARS/);
  });
});
