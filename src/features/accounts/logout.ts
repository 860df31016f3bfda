/** Logout: the session ends on the server, recorded as an access record. */
import type { Db } from '../../db/client.js';
import { appendAudit, type AuditActor } from '../../db/queries/audit.js';
import type { SessionRow } from '../../db/queries/accounts.js';
import { endSession } from './sessions.js';

export async function logout(db: Db, session: SessionRow, actor: AuditActor) {
  await db.transaction(async (tx) => {
    await endSession(tx, session);
    await appendAudit(tx, session.organizationId, actor, {
      action: 'auth.logout',
      category: 'access',
      entityType: 'user',
      entityId: session.userId,
    });
  });
}
