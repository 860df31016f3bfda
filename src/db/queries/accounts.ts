/** SQL of accounts: users, their roles, sessions and departments. */
import { and, asc, eq, gt, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { departments, organizations, sessions, userRoles, users, type Role } from '../schema.js';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;

export interface GrantRow {
  userId: string;
  role: Role;
  departmentId: string | null;
  departmentName: string | null;
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export async function findUserById(db: Db, organizationId: string, id: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.id, id)));
  return row;
}

export async function findUsersByUsernames(db: Db, names: string[]): Promise<UserRow[]> {
  if (names.length === 0) return [];
  return db.select().from(users).where(inArray(users.username, names));
}

export interface UserFilter {
  q?: string;
  role?: Role;
  departmentId?: string;
  active?: boolean;
  demo?: boolean;
}

export async function listUsers(db: Db, organizationId: string, f: UserFilter = {}): Promise<UserRow[]> {
  const where: SQL[] = [eq(users.organizationId, organizationId)];
  if (f.active !== undefined) where.push(eq(users.active, f.active));
  if (f.demo !== undefined) where.push(eq(users.demo, f.demo));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    where.push(or(sql`${users.username} ilike ${like}`, sql`${users.displayName} ilike ${like}`)!);
  }
  if (f.role || f.departmentId) {
    const roleWhere: SQL[] = [eq(userRoles.organizationId, organizationId)];
    if (f.role) roleWhere.push(eq(userRoles.role, f.role));
    if (f.departmentId) roleWhere.push(eq(userRoles.departmentId, f.departmentId));
    where.push(
      inArray(
        users.id,
        db
          .select({ id: userRoles.userId })
          .from(userRoles)
          .where(and(...roleWhere)),
      ),
    );
  }
  return db
    .select()
    .from(users)
    .where(and(...where))
    .orderBy(asc(users.username));
}

/** Role grants of the given users (all users of the organization when `userIds` is omitted). */
export async function listGrants(db: Db, organizationId: string, userIds?: string[]): Promise<GrantRow[]> {
  if (userIds && userIds.length === 0) return [];
  const where = userIds
    ? and(eq(userRoles.organizationId, organizationId), inArray(userRoles.userId, userIds))
    : eq(userRoles.organizationId, organizationId);
  return db
    .select({
      userId: userRoles.userId,
      role: userRoles.role,
      departmentId: userRoles.departmentId,
      departmentName: departments.name,
    })
    .from(userRoles)
    .leftJoin(
      departments,
      and(eq(departments.organizationId, userRoles.organizationId), eq(departments.id, userRoles.departmentId)),
    )
    .where(where)
    .orderBy(asc(userRoles.role), asc(departments.seq), asc(departments.name));
}

export async function insertUsers(tx: Db, rows: (typeof users.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(users).values(rows.slice(i, i + 500));
}

/**
 * Updates a user; with `expectedVersion` only if the row still has it (optimistic check).
 * Bumps the version. Returns the updated row, or undefined when nothing matched.
 */
export async function updateUser(
  tx: Db,
  organizationId: string,
  id: string,
  patch: Partial<Omit<typeof users.$inferInsert, 'organizationId' | 'id' | 'version'>>,
  expectedVersion?: number,
): Promise<UserRow | undefined> {
  const where = [eq(users.organizationId, organizationId), eq(users.id, id)];
  if (expectedVersion !== undefined) where.push(eq(users.version, expectedVersion));
  const [row] = await tx
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1` })
    .where(and(...where))
    .returning();
  return row;
}

/** Login bookkeeping: does not bump the version (it is not an edit of the account). */
export async function setLoginState(
  tx: Db,
  organizationId: string,
  id: string,
  patch: Pick<
    Partial<typeof users.$inferInsert>,
    'failedLogins' | 'firstFailedLoginAt' | 'lockedUntil' | 'lastLoginAt'
  >,
) {
  await tx
    .update(users)
    .set(patch)
    .where(and(eq(users.organizationId, organizationId), eq(users.id, id)));
}

export async function replaceGrants(
  tx: Db,
  organizationId: string,
  userId: string,
  grants: { id: string; role: Role; departmentId: string | null }[],
) {
  await tx.delete(userRoles).where(and(eq(userRoles.organizationId, organizationId), eq(userRoles.userId, userId)));
  if (grants.length) await tx.insert(userRoles).values(grants.map((g) => ({ organizationId, userId, ...g })));
}

export async function insertGrants(tx: Db, rows: (typeof userRoles.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(userRoles).values(rows.slice(i, i + 500));
}

// ── sessions ────────────────────────────────────────────────────────────────

export async function insertSession(tx: Db, row: typeof sessions.$inferInsert) {
  await tx.insert(sessions).values(row);
}

export async function findSession(db: Db, id: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, and(eq(users.organizationId, sessions.organizationId), eq(users.id, sessions.userId)))
    .where(eq(sessions.id, id));
  return row;
}

export async function touchSession(db: Db, organizationId: string, id: string, at: Date) {
  await db
    .update(sessions)
    .set({ lastSeenAt: at })
    .where(and(eq(sessions.organizationId, organizationId), eq(sessions.id, id)));
}

export async function deleteSession(db: Db, organizationId: string, id: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.organizationId, organizationId), eq(sessions.id, id)))
    .returning({ id: sessions.id });
  return rows.length;
}

/** Ends every session of a user (but `exceptId`). Returns how many ended. */
export async function deleteUserSessions(
  db: Db,
  organizationId: string,
  userId: string,
  exceptId?: string,
): Promise<number> {
  const where = [eq(sessions.organizationId, organizationId), eq(sessions.userId, userId)];
  if (exceptId) where.push(ne(sessions.id, exceptId));
  const rows = await db
    .delete(sessions)
    .where(and(...where))
    .returning({ id: sessions.id });
  return rows.length;
}

/** Removes sessions past their absolute lifetime or idle since before `idleBefore`. */
export async function deleteStaleSessions(db: Db, now: Date, idleBefore: Date): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleBefore)))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function countActiveSessions(db: Db, organizationId: string, userId: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(and(eq(sessions.organizationId, organizationId), eq(sessions.userId, userId), gt(sessions.expiresAt, now)));
  return row?.n ?? 0;
}

// ── departments ─────────────────────────────────────────────────────────────

export async function listDepartments(
  db: Db,
  organizationId: string,
  opts: { evaluatedOnly?: boolean } = {},
): Promise<DepartmentRow[]> {
  const where = [eq(departments.organizationId, organizationId)];
  if (opts.evaluatedOnly) where.push(eq(departments.evaluated, true), eq(departments.active, true));
  return db
    .select()
    .from(departments)
    .where(and(...where))
    .orderBy(asc(departments.seq), asc(departments.name));
}

export async function findDepartment(db: Db, organizationId: string, id: string): Promise<DepartmentRow | undefined> {
  const [row] = await db
    .select()
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.id, id)));
  return row;
}

export async function insertDepartment(tx: Db, row: typeof departments.$inferInsert): Promise<DepartmentRow> {
  const [out] = await tx.insert(departments).values(row).returning();
  return out!;
}

export async function updateDepartment(
  tx: Db,
  organizationId: string,
  id: string,
  patch: Partial<
    Pick<typeof departments.$inferInsert, 'name' | 'groupName' | 'evaluated' | 'active' | 'formerNames' | 'seq'>
  >,
  expectedVersion: number,
): Promise<DepartmentRow | undefined> {
  const [row] = await tx
    .update(departments)
    .set({ ...patch, version: sql`${departments.version} + 1` })
    .where(
      and(
        eq(departments.organizationId, organizationId),
        eq(departments.id, id),
        eq(departments.version, expectedVersion),
      ),
    )
    .returning();
  return row;
}

export async function maxDepartmentSeq(db: Db, organizationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${departments.seq}), -1)::int` })
    .from(departments)
    .where(eq(departments.organizationId, organizationId));
  return row?.n ?? -1;
}

// ── organizations ───────────────────────────────────────────────────────────

export async function findOrganizationById(db: Db, id: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row;
}

/** Active accounts that must not exist in production: demo-flagged ones. */
export async function countActiveDemoUsers(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.active, true), eq(users.demo, true)));
  return row?.n ?? 0;
}

export async function countUsers(db: Db, organizationId?: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(organizationId ? eq(users.organizationId, organizationId) : undefined);
  return row?.n ?? 0;
}

/** Active accounts holding the administrator role, other than `exceptUserId`. */
export async function countActiveAdministrators(
  db: Db,
  organizationId: string,
  exceptUserId?: string,
): Promise<number> {
  const where = [eq(users.organizationId, organizationId), eq(users.active, true), eq(userRoles.role, 'administrator')];
  if (exceptUserId) where.push(ne(users.id, exceptUserId));
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${users.id})::int` })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.organizationId, users.organizationId), eq(userRoles.userId, users.id)))
    .where(and(...where));
  return row?.n ?? 0;
}

/** Deactivates every active demo account of an organization; returns their ids and usernames. */
export async function deactivateDemoUsers(tx: Db, organizationId: string) {
  return tx
    .update(users)
    .set({ active: false, version: sql`${users.version} + 1` })
    .where(and(eq(users.organizationId, organizationId), eq(users.demo, true), eq(users.active, true)))
    .returning({ id: users.id, username: users.username });
}
