/**
 * Administration of one account: edit name/e-mail, replace roles, deactivate/activate, reset the
 * password, unlock. Each is one transaction with its audit row; rights changes are category 'rights'.
 */
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import {
  countActiveAdministrators,
  deactivateDemoUsers,
  findUserById,
  findUserByUsername,
  listGrants,
  replaceGrants,
  updateUser,
  type UserRow,
} from '../../db/queries/accounts.js';
import { conflict, notFound, validationError } from '../../domain/errors.js';
import type { Role } from '../../domain/policy.js';
import { authorizeCaller, type Caller } from './caller.js';
import { resolveGrants, type GrantInput } from './grants.js';
import { normalizeUsername } from './login.js';
import { assertPasswordAcceptable, generateTemporaryPassword, hashPassword } from './password.js';
import { endUserSessions } from './sessions.js';
import type { AccountSettings } from './settings.js';
import { auditUser, viewUser, type UserView } from './user-view.js';

/** A user by id or username, in the organization. */
export async function requireUser(db: Db, organizationId: string, ref: string): Promise<UserRow> {
  const isId = /^[0-9a-f-]{36}$/i.test(ref);
  const u = isId ? await findUserById(db, organizationId, ref) : await findUserByUsername(db, normalizeUsername(ref));
  if (!u || u.organizationId !== organizationId) throw notFound(`사용자 '${ref}'`, 'user_not_found');
  return u;
}

async function rolesOf(db: Db, u: UserRow): Promise<Role[]> {
  return (await listGrants(db, u.organizationId, [u.id])).map((g) => g.role);
}

const stale = () => conflict('다른 사람이 먼저 이 계정을 바꿨습니다. 새로 불러온 뒤 다시 하세요.', 'version_conflict');

async function keepOneAdministrator(tx: Db, u: UserRow, losesAdmin: boolean) {
  if (!losesAdmin) return;
  if ((await countActiveAdministrators(tx, u.organizationId, u.id)) === 0)
    throw conflict(
      '마지막 시스템 관리자의 권한은 없애거나 계정을 중지할 수 없습니다. 다른 관리자를 먼저 지정하세요.',
      'last_administrator',
    );
}

export async function updateUserProfile(
  db: Db,
  organizationId: string,
  caller: Caller,
  ref: string,
  patch: { displayName?: string; email?: string; version?: number },
): Promise<UserView> {
  const u = await requireUser(db, organizationId, ref);
  authorizeCaller(caller, 'users.manage', { targetRoles: await rolesOf(db, u) });
  if (patch.displayName !== undefined && !patch.displayName.trim())
    throw validationError('이름을 입력하세요.', [{ path: 'displayName', message: '이름이 필요합니다' }]);
  return db.transaction(async (tx) => {
    const before = await viewUser(tx, u);
    const row = await updateUser(
      tx,
      organizationId,
      u.id,
      { displayName: patch.displayName?.trim(), email: patch.email?.trim() },
      patch.version,
    );
    if (!row) throw stale();
    const after = await viewUser(tx, row);
    await appendAudit(tx, organizationId, caller.actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: u.id,
      subject: u.username,
      before: { displayName: before.displayName, email: before.email },
      after: { displayName: after.displayName, email: after.email },
    });
    return after;
  });
}

export async function setUserRoles(
  db: Db,
  organizationId: string,
  caller: Caller,
  ref: string,
  roles: GrantInput[],
  version?: number,
): Promise<UserView> {
  const u = await requireUser(db, organizationId, ref);
  const grants = await resolveGrants(db, organizationId, roles);
  const beforeRoles = await rolesOf(db, u);
  authorizeCaller(caller, 'users.manage', { targetRoles: [...beforeRoles, ...grants.map((g) => g.role)] });
  return db.transaction(async (tx) => {
    const before = await viewUser(tx, u);
    await keepOneAdministrator(
      tx,
      u,
      beforeRoles.includes('administrator') && !grants.some((g) => g.role === 'administrator'),
    );
    // The version check doubles as the lock against two administrators editing at once.
    const row = await updateUser(tx, organizationId, u.id, {}, version);
    if (!row) throw stale();
    await replaceGrants(tx, organizationId, u.id, grants);
    const after = await viewUser(tx, row);
    await appendAudit(tx, organizationId, caller.actor, {
      action: 'user.roles',
      category: 'rights',
      entityType: 'user',
      entityId: u.id,
      subject: u.username,
      before: { roles: auditUser(before).roles },
      after: { roles: auditUser(after).roles },
    });
    return after;
  });
}

/** Deactivation ends every session of the account at once; activation lets it log in again. */
export async function setUserActive(
  db: Db,
  organizationId: string,
  caller: Caller,
  ref: string,
  active: boolean,
): Promise<UserView> {
  const u = await requireUser(db, organizationId, ref);
  const roles = await rolesOf(db, u);
  authorizeCaller(caller, 'users.manage', { targetRoles: roles });
  if (!active && caller.principal?.id === u.id)
    throw conflict('자기 계정은 중지할 수 없습니다.', 'cannot_deactivate_self');
  return db.transaction(async (tx) => {
    if (!active) await keepOneAdministrator(tx, u, roles.includes('administrator'));
    const row = await updateUser(tx, organizationId, u.id, { active });
    const ended = active ? 0 : await endUserSessions(tx, organizationId, u.id);
    await appendAudit(tx, organizationId, caller.actor, {
      action: active ? 'user.activate' : 'user.deactivate',
      category: 'rights',
      entityType: 'user',
      entityId: u.id,
      subject: u.username,
      before: { active: u.active },
      after: { active, sessionsEnded: ended },
    });
    return viewUser(tx, row!);
  });
}

/**
 * Administrator reset: a new temporary password (generated unless given), to be changed at next
 * login; the lock is lifted and every session ends.
 */
export async function resetUserPassword(
  db: Db,
  settings: AccountSettings,
  organizationId: string,
  caller: Caller,
  ref: string,
  password?: string,
): Promise<{ user: UserView; temporaryPassword: string | null }> {
  const u = await requireUser(db, organizationId, ref);
  authorizeCaller(caller, 'users.manage', { targetRoles: await rolesOf(db, u) });
  const temporaryPassword = password === undefined ? generateTemporaryPassword() : null;
  const pw = password ?? temporaryPassword!;
  assertPasswordAcceptable(pw, { username: u.username, refused: u.demo ? [] : settings.demoPasswords });
  const passwordHash = await hashPassword(pw);
  return db.transaction(async (tx) => {
    const row = await updateUser(tx, organizationId, u.id, {
      passwordHash,
      mustChangePassword: true,
      passwordChangedAt: new Date(),
      failedLogins: 0,
      firstFailedLoginAt: null,
      lockedUntil: null,
    });
    const ended = await endUserSessions(tx, organizationId, u.id);
    await appendAudit(tx, organizationId, caller.actor, {
      action: 'user.password_reset',
      category: 'rights',
      entityType: 'user',
      entityId: u.id,
      subject: u.username,
      after: { mustChangePassword: true, sessionsEnded: ended },
    });
    return { user: await viewUser(tx, row!), temporaryPassword };
  });
}

export async function unlockUser(db: Db, organizationId: string, caller: Caller, ref: string): Promise<UserView> {
  const u = await requireUser(db, organizationId, ref);
  authorizeCaller(caller, 'users.manage', { targetRoles: await rolesOf(db, u) });
  return db.transaction(async (tx) => {
    const row = await updateUser(tx, organizationId, u.id, {
      failedLogins: 0,
      firstFailedLoginAt: null,
      lockedUntil: null,
    });
    await appendAudit(tx, organizationId, caller.actor, {
      action: 'user.unlock',
      category: 'rights',
      entityType: 'user',
      entityId: u.id,
      subject: u.username,
      before: { lockedUntil: u.lockedUntil?.toISOString() ?? null },
      after: { lockedUntil: null },
    });
    return viewUser(tx, row!);
  });
}

/** `bsc users deactivate --demo`: stops every demo account (before a production start). */
export async function deactivateDemoAccounts(db: Db, organizationId: string, caller: Caller): Promise<string[]> {
  authorizeCaller(caller, 'users.manage', { targetRoles: ['administrator'] });
  return db.transaction(async (tx) => {
    const rows = await deactivateDemoUsers(tx, organizationId);
    for (const r of rows) await endUserSessions(tx, organizationId, r.id);
    if (rows.length)
      await appendAudit(tx, organizationId, caller.actor, {
        action: 'user.deactivate',
        category: 'rights',
        entityType: 'user',
        subject: 'demo',
        after: { active: false, usernames: rows.map((r) => r.username) },
      });
    return rows.map((r) => r.username);
  });
}
