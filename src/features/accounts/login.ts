/**
 * Login: checks the password (outside any transaction: Argon2 takes tens of milliseconds), then in
 * one transaction records the outcome — a new session and `auth.login`, or a counted failure
 * (`auth.login_failed`) that locks the account after too many (`auth.locked`, HTTP 429).
 */
import type { Db } from '../../db/client.js';
import { appendAudit, type AuditActor } from '../../db/queries/audit.js';
import { findUserByUsername, listGrants, setLoginState, type UserRow } from '../../db/queries/accounts.js';
import { listOrganizations } from '../../db/queries/plan-document.js';
import { AppError, unauthorized } from '../../domain/errors.js';
import { dummyHash, verifyPassword } from './password.js';
import { issueSession, type IssuedSession } from './sessions.js';
import type { AccountSettings } from './settings.js';
import { presentUser, type UserView } from './user-view.js';

export interface LoginInput {
  username: string;
  password: string;
}
export interface ClientInfo {
  ip: string;
  userAgent: string;
}

export interface LoginResult extends IssuedSession {
  user: UserView;
}

const LOGIN_FAILED = '아이디 또는 비밀번호가 맞지 않습니다.';

function seoulTime(d: Date) {
  return new Intl.DateTimeFormat('ko-KR', {
    timeZone: 'Asia/Seoul',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);
}

export function lockedError(until: Date, now: Date, settings: AccountSettings) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new AppError(
    'too_many',
    'account_locked',
    `로그인에 ${settings.maxFailures}번 실패하여 계정이 잠겼습니다. ${minutes}분 뒤(${seoulTime(until)})에 다시 시도하세요. 급하면 관리자에게 잠금 해제를 요청하세요.`,
    [],
    { retryAfterSeconds: seconds, lockedUntil: until.toISOString() },
  );
}

export const normalizeUsername = (u: string) => u.normalize('NFC').trim().toLowerCase();

export async function login(
  db: Db,
  settings: AccountSettings,
  input: LoginInput,
  client: ClientInfo,
  now = new Date(),
): Promise<LoginResult> {
  const username = normalizeUsername(input.username);
  const user = username ? await findUserByUsername(db, username) : undefined;
  const actor = (u?: UserRow): AuditActor => ({
    id: u?.id ?? null,
    name: u?.username ?? username.slice(0, 64),
    ip: client.ip,
  });

  if (!user) {
    await verifyPassword(await dummyHash(), input.password);
    // Recorded where it can be: an installation with a single organization (the usual case).
    const orgs = await listOrganizations(db);
    if (orgs.length === 1)
      await db.transaction(async (tx) => {
        await appendAudit(tx, orgs[0]!.id, actor(), {
          action: 'auth.login_failed',
          category: 'access',
          entityType: 'user',
          after: { reason: 'unknown_user', userAgent: client.userAgent.slice(0, 200) },
        });
      });
    throw unauthorized(LOGIN_FAILED, 'login_failed');
  }

  if (user.lockedUntil && user.lockedUntil > now) {
    await db.transaction(async (tx) => {
      await appendAudit(tx, user.organizationId, actor(user), {
        action: 'auth.login_failed',
        category: 'access',
        entityType: 'user',
        entityId: user.id,
        after: { reason: 'locked', lockedUntil: user.lockedUntil!.toISOString() },
      });
    });
    throw lockedError(user.lockedUntil, now, settings);
  }

  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (!passwordOk) {
    const inWindow =
      user.firstFailedLoginAt && now.getTime() - user.firstFailedLoginAt.getTime() < settings.failureWindowMs;
    const failures = inWindow ? user.failedLogins + 1 : 1;
    const locks = failures >= settings.maxFailures;
    const lockedUntil = locks ? new Date(now.getTime() + settings.lockoutMs) : null;
    await db.transaction(async (tx) => {
      await setLoginState(tx, user.organizationId, user.id, {
        failedLogins: locks ? 0 : failures,
        firstFailedLoginAt: locks ? null : inWindow ? user.firstFailedLoginAt : now,
        lockedUntil,
      });
      await appendAudit(tx, user.organizationId, actor(user), {
        action: 'auth.login_failed',
        category: 'access',
        entityType: 'user',
        entityId: user.id,
        after: { reason: 'bad_password', failures },
      });
      if (lockedUntil)
        await appendAudit(tx, user.organizationId, actor(user), {
          action: 'auth.locked',
          category: 'access',
          entityType: 'user',
          entityId: user.id,
          after: { failures, lockedUntil: lockedUntil.toISOString() },
        });
    });
    if (lockedUntil) throw lockedError(lockedUntil, now, settings);
    throw unauthorized(LOGIN_FAILED, 'login_failed');
  }

  if (!user.active) {
    await db.transaction(async (tx) => {
      await appendAudit(tx, user.organizationId, actor(user), {
        action: 'auth.login_failed',
        category: 'access',
        entityType: 'user',
        entityId: user.id,
        after: { reason: 'inactive' },
      });
    });
    throw new AppError('forbidden', 'account_inactive', '사용이 중지된 계정입니다. 관리자에게 문의하세요.');
  }

  return db.transaction(async (tx) => {
    await setLoginState(tx, user.organizationId, user.id, {
      failedLogins: 0,
      firstFailedLoginAt: null,
      lockedUntil: null,
      lastLoginAt: now,
    });
    const issued = await issueSession(tx, user, client, settings, now);
    await appendAudit(tx, user.organizationId, actor(user), {
      action: 'auth.login',
      category: 'access',
      entityType: 'user',
      entityId: user.id,
      after: { mustChangePassword: user.mustChangePassword, userAgent: client.userAgent.slice(0, 200) },
    });
    const grants = await listGrants(tx, user.organizationId, [user.id]);
    return {
      ...issued,
      user: presentUser({ ...user, lastLoginAt: now, failedLogins: 0, lockedUntil: null }, grants, now),
    };
  });
}
