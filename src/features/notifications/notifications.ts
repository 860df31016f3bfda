/** A person's own notifications (in-app reminders): list them, mark one read. */
import type { Db } from '../../db/client.js';
import { listNotifications, markNotificationRead } from '../../db/queries/results.js';
import { notFound } from '../../domain/errors.js';
import { toSeoulIso } from '../../domain/dates.js';
import { authorizeCaller, organizationOf, type ResultsCaller } from '../results/context.js';

const present = (n: {
  id: string;
  kind: string;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}) => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  createdAt: toSeoulIso(n.createdAt),
  readAt: n.readAt ? toSeoulIso(n.readAt) : null,
});

export async function myNotifications(db: Db, caller: ResultsCaller, opts: { unreadOnly?: boolean } = {}) {
  authorizeCaller(caller, 'session.self');
  if (!caller.principal) return { notifications: [], unread: 0 };
  const rows = await listNotifications(db, organizationOf(caller), caller.principal.id, opts);
  return { notifications: rows.map(present), unread: rows.filter((r) => !r.readAt).length };
}

/** Marks a notification read (the person's own only). Not audited: it records what a person has seen, not a change of data. */
export async function readNotification(db: Db, caller: ResultsCaller, id: string) {
  authorizeCaller(caller, 'session.self');
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const row =
    caller.principal && UUID.test(id)
      ? await markNotificationRead(db, organizationOf(caller), caller.principal.id, id)
      : undefined;
  if (!row) throw notFound('알림', 'notification_not_found');
  return present(row);
}
