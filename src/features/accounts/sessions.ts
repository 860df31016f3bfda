/**
 * Server-side sessions: the cookie carries a random token, the database only its SHA-256.
 * Idle timeout (from the last request) and absolute lifetime (from login) are both enforced here.
 */
import crypto from 'node:crypto';
import type { Db } from '../../db/client.js';
import { sha256 } from '../../db/queries/audit.js';
import {
  deleteSession,
  deleteUserSessions,
  findSession,
  insertSession,
  listGrants,
  touchSession,
  type SessionRow,
  type UserRow,
} from '../../db/queries/accounts.js';
import type { Principal } from '../../domain/policy.js';
import type { AccountSettings } from './settings.js';
import { toPrincipal } from './user-view.js';

export interface IssuedSession {
  /** Goes into the cookie only. */
  token: string;
  csrfToken: string;
  session: SessionRow;
}

const randomToken = () => crypto.randomBytes(32).toString('base64url');

/** A new session (new id) for a user, inside the caller's transaction. */
export async function issueSession(
  tx: Db,
  user: Pick<UserRow, 'organizationId' | 'id'>,
  client: { ip: string; userAgent: string },
  settings: AccountSettings,
  now = new Date(),
): Promise<IssuedSession> {
  const token = randomToken();
  const session: SessionRow = {
    organizationId: user.organizationId,
    id: sha256(token),
    userId: user.id,
    csrfToken: randomToken(),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + settings.absoluteMs),
    ip: client.ip.slice(0, 64),
    userAgent: client.userAgent.slice(0, 300),
  };
  await insertSession(tx, session);
  return { token, csrfToken: session.csrfToken, session };
}

export interface LiveSession {
  session: SessionRow;
  user: UserRow;
  principal: Principal;
}

export type SessionLookup = { ok: true; live: LiveSession } | { ok: false; reason: 'none' | 'expired' | 'inactive' };

/** Finds the session of a token and checks it is still alive; a dead one is deleted. */
export async function resolveSession(
  db: Db,
  token: string,
  settings: AccountSettings,
  now = new Date(),
): Promise<SessionLookup> {
  if (!token || token.length > 200) return { ok: false, reason: 'none' };
  const found = await findSession(db, sha256(token));
  if (!found) return { ok: false, reason: 'none' };
  const { session, user } = found;
  if (session.expiresAt <= now || session.lastSeenAt.getTime() + settings.idleMs <= now.getTime()) {
    await deleteSession(db, session.organizationId, session.id);
    return { ok: false, reason: 'expired' };
  }
  if (!user.active) {
    await deleteSession(db, session.organizationId, session.id);
    return { ok: false, reason: 'inactive' };
  }
  const grants = await listGrants(db, user.organizationId, [user.id]);
  return { ok: true, live: { session, user, principal: toPrincipal(user, grants) } };
}

/** Marks activity (the idle clock restarts). Skipped when the last mark is only seconds old. */
export async function touch(db: Db, session: SessionRow, now = new Date(), minIntervalMs = 5_000) {
  if (now.getTime() - session.lastSeenAt.getTime() < minIntervalMs) return;
  await touchSession(db, session.organizationId, session.id, now);
  session.lastSeenAt = now;
}

export interface SessionTimes {
  idleTimeoutSeconds: number;
  /** When the session ends without activity (idle), capped by the absolute end. */
  expiresAt: string;
  absoluteExpiresAt: string;
  remainingSeconds: number;
}

export function sessionTimes(session: SessionRow, settings: AccountSettings, now = new Date()): SessionTimes {
  const idleEnd = Math.min(session.lastSeenAt.getTime() + settings.idleMs, session.expiresAt.getTime());
  return {
    idleTimeoutSeconds: Math.round(settings.idleMs / 1000),
    expiresAt: new Date(idleEnd).toISOString(),
    absoluteExpiresAt: session.expiresAt.toISOString(),
    remainingSeconds: Math.max(0, Math.floor((idleEnd - now.getTime()) / 1000)),
  };
}

export const endSession = (db: Db, session: SessionRow) => deleteSession(db, session.organizationId, session.id);
export const endUserSessions = (db: Db, organizationId: string, userId: string, exceptId?: string) =>
  deleteUserSessions(db, organizationId, userId, exceptId);

/** Constant-time comparison of the request's CSRF token with the session's. */
export function csrfMatches(session: SessionRow, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(given);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
