/**
 * A user changes their own password (also the forced change at first login). Every session of the
 * account ends, and the caller gets a new one (new id): a stolen session does not survive it.
 */
import type { Db } from '../../db/client.js';
import { appendAudit, type AuditActor } from '../../db/queries/audit.js';
import { findUserById, updateUser } from '../../db/queries/accounts.js';
import { unauthorized } from '../../domain/errors.js';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './password.js';
import { endUserSessions, issueSession, type IssuedSession } from './sessions.js';
import type { AccountSettings } from './settings.js';

export async function changeOwnPassword(
  db: Db,
  settings: AccountSettings,
  who: { organizationId: string; userId: string },
  input: { currentPassword: string; newPassword: string },
  client: { ip: string; userAgent: string },
): Promise<IssuedSession> {
  const u = await findUserById(db, who.organizationId, who.userId);
  if (!u || !u.active) throw unauthorized();
  if (!(await verifyPassword(u.passwordHash, input.currentPassword)))
    throw unauthorized('지금 비밀번호가 맞지 않습니다.', 'current_password_wrong');
  assertPasswordAcceptable(input.newPassword, {
    username: u.username,
    current: input.currentPassword,
    refused: u.demo ? [] : settings.demoPasswords,
  });
  const passwordHash = await hashPassword(input.newPassword);
  const actor: AuditActor = { id: u.id, name: u.username, ip: client.ip };
  return db.transaction(async (tx) => {
    await updateUser(tx, u.organizationId, u.id, {
      passwordHash,
      mustChangePassword: false,
      passwordChangedAt: new Date(),
    });
    const ended = await endUserSessions(tx, u.organizationId, u.id);
    const issued = await issueSession(tx, u, client, settings);
    await appendAudit(tx, u.organizationId, actor, {
      action: 'auth.password_changed',
      category: 'access',
      entityType: 'user',
      entityId: u.id,
      subject: u.username,
      after: { sessionsEnded: ended, wasForced: u.mustChangePassword },
    });
    return issued;
  });
}
