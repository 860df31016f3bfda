/** How an account is shown (API and CLI): never the hash, always the roles with their departments. */
import type { Db } from '../../db/client.js';
import { listGrants, type GrantRow, type UserRow } from '../../db/queries/accounts.js';
import type { Principal, Role } from '../../domain/policy.js';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  email: string;
  active: boolean;
  demo: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  passwordChangedAt: string | null;
  createdAt: string;
  version: number;
  roles: { role: Role; department: { id: string; name: string } | null }[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentUser(u: UserRow, grants: GrantRow[], now = new Date()): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    active: u.active,
    demo: u.demo,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil.toISOString() : null,
    lastLoginAt: iso(u.lastLoginAt),
    passwordChangedAt: iso(u.passwordChangedAt),
    createdAt: u.createdAt.toISOString(),
    version: u.version,
    roles: grants
      .filter((g) => g.userId === u.id)
      .map((g) => ({
        role: g.role,
        department: g.departmentId ? { id: g.departmentId, name: g.departmentName ?? '' } : null,
      })),
  };
}

export function toPrincipal(u: UserRow, grants: GrantRow[]): Principal {
  return {
    id: u.id,
    username: u.username,
    organizationId: u.organizationId,
    roles: grants.filter((g) => g.userId === u.id).map((g) => ({ role: g.role, departmentId: g.departmentId })),
  };
}

export async function viewUser(db: Db, u: UserRow): Promise<UserView> {
  return presentUser(u, await listGrants(db, u.organizationId, [u.id]));
}

/** What the audit trail keeps of an account (no secrets). */
export function auditUser(v: UserView) {
  return {
    username: v.username,
    displayName: v.displayName,
    email: v.email,
    active: v.active,
    mustChangePassword: v.mustChangePassword,
    roles: v.roles.map((r) => (r.department ? `${r.role}:${r.department.name}` : r.role)),
  };
}
