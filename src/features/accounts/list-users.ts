/** The accounts of an organization with their roles (administration screens, `bsc users list`). */
import type { Db } from '../../db/client.js';
import { listGrants, listUsers, type UserFilter } from '../../db/queries/accounts.js';
import { authorizeCaller, type Caller } from './caller.js';
import { presentUser, type UserView } from './user-view.js';

export async function listUserViews(
  db: Db,
  organizationId: string,
  caller: Caller,
  filter: UserFilter = {},
): Promise<UserView[]> {
  authorizeCaller(caller, 'users.manage');
  const rows = await listUsers(db, organizationId, filter);
  const grants = await listGrants(db, organizationId);
  const now = new Date();
  return rows.map((u) => presentUser(u, grants, now));
}

/** `bsc users list --json`: one entry per account and role, with the role's departments (names). */
export function usersByRole(views: UserView[]): { username: string; role: string; departments: string[] }[] {
  const out: { username: string; role: string; departments: string[] }[] = [];
  for (const v of views) {
    const roles = [...new Set(v.roles.map((r) => r.role))];
    for (const role of roles)
      out.push({
        username: v.username,
        role,
        departments: v.roles.filter((r) => r.role === role && r.department).map((r) => r.department!.name),
      });
  }
  return out;
}
