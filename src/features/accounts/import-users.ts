/**
 * Creates accounts from a CSV file, all or nothing. Header (English or Korean):
 *   username|아이디, display_name|name|이름, email|이메일 (optional), role|역할, departments|부서 (';'-separated)
 * A username on several rows gets several roles. Every account gets a temporary password, to be
 * changed at first login; the result lists them once. `dryRun` checks everything the same way and
 * returns the accounts it would create, creating nothing (the web screen's preview).
 */
import crypto from 'node:crypto';
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import {
  findUsersByUsernames,
  insertGrants,
  insertUsers,
  listDepartments,
  listGrants,
  listUsers,
} from '../../db/queries/accounts.js';
import { validationError, type ProblemDetail } from '../../domain/errors.js';
import { AppError } from '../../domain/errors.js';
import type { Role } from '../../domain/policy.js';
import { authorizeCaller, type Caller } from './caller.js';
import { checkUsername } from './create-user.js';
import { parseCsv } from './csv.js';
import { resolveGrants, type GrantInput } from './grants.js';
import { generateTemporaryPassword, hashPassword } from './password.js';
import { auditUser, presentUser } from './user-view.js';

const COLUMNS: Record<string, 'username' | 'displayName' | 'email' | 'role' | 'departments'> = {
  username: 'username',
  아이디: 'username',
  display_name: 'displayName',
  displayname: 'displayName',
  name: 'displayName',
  이름: 'displayName',
  email: 'email',
  이메일: 'email',
  role: 'role',
  역할: 'role',
  departments: 'departments',
  department: 'departments',
  부서: 'departments',
};

export const MAX_IMPORT_ROWS = 5_000;

export interface ImportedUsers {
  dryRun: boolean;
  /** The accounts created (or, on a dry run, that would be), with their roles. */
  accounts: {
    username: string;
    displayName: string;
    email: string;
    roles: { role: Role; department: string | null }[];
  }[];
  /** The temporary passwords, shown once (empty on a dry run). */
  created: { username: string; displayName: string; temporaryPassword: string }[];
}

export async function importUsersCsv(
  db: Db,
  organizationId: string,
  caller: Caller,
  csv: string,
  opts: { dryRun?: boolean } = {},
): Promise<ImportedUsers> {
  const rows = parseCsv(csv);
  const header = rows.shift();
  if (!header)
    throw validationError('CSV가 비어 있습니다.', [{ path: 'csv', message: '머리글 행이 필요합니다' }], 'csv_empty');
  if (rows.length > MAX_IMPORT_ROWS)
    throw validationError(`한 번에 ${MAX_IMPORT_ROWS}행까지 가져올 수 있습니다.`, [], 'csv_too_large');
  const cols = header.map((h) => COLUMNS[h.trim().toLowerCase()]);
  const problems: ProblemDetail[] = [];
  for (const need of ['username', 'displayName', 'role'] as const)
    if (!cols.includes(need)) problems.push({ path: '1행', message: `열이 없습니다: ${need}`, code: 'missing_column' });
  if (problems.length) throw validationError('CSV 머리글이 올바르지 않습니다.', problems, 'csv_header');

  const people = new Map<string, { displayName: string; email: string; roles: GrantInput[]; line: number }>();
  rows.forEach((r, i) => {
    const line = i + 2;
    const get = (k: string) => (r[cols.indexOf(k as never)] ?? '').trim();
    let username: string;
    try {
      username = checkUsername(get('username'), `${line}행.username`);
    } catch {
      problems.push({
        path: `${line}행.username`,
        message: `아이디 형식이 올바르지 않습니다: ${get('username')}`,
        code: 'invalid_username',
      });
      return;
    }
    const p = people.get(username) ?? { displayName: get('displayName'), email: get('email'), roles: [], line };
    if (!p.displayName)
      problems.push({ path: `${line}행.display_name`, message: '이름이 없습니다', code: 'missing_name' });
    p.roles.push({
      role: get('role'),
      departments: get('departments')
        .split(/[;|]/)
        .map((s) => s.trim())
        .filter(Boolean),
    });
    people.set(username, p);
  });

  const existing = await findUsersByUsernames(db, [...people.keys()]);
  for (const e of existing)
    problems.push({
      path: `${people.get(e.username)!.line}행.username`,
      message: `이미 있는 아이디입니다: ${e.username}`,
      code: 'username_taken',
    });

  const resolved = new Map<string, Awaited<ReturnType<typeof resolveGrants>>>();
  for (const [username, p] of people) {
    try {
      resolved.set(username, await resolveGrants(db, organizationId, p.roles, `${p.line}행`));
    } catch (e) {
      if (e instanceof AppError) problems.push(...e.details);
      else throw e;
    }
  }
  if (problems.length)
    throw validationError(
      `CSV에 문제가 ${problems.length}건 있어 아무것도 만들지 않았습니다.`,
      problems,
      'csv_invalid',
    );
  authorizeCaller(caller, 'users.manage', { targetRoles: [...resolved.values()].flat().map((g) => g.role) });
  const deptName = new Map((await listDepartments(db, organizationId)).map((d) => [d.id, d.name]));
  const accounts: ImportedUsers['accounts'] = [...people].map(([username, p]) => ({
    username,
    displayName: p.displayName,
    email: p.email,
    roles: resolved
      .get(username)!
      .map((g) => ({ role: g.role, department: g.departmentId ? (deptName.get(g.departmentId) ?? null) : null })),
  }));
  if (opts.dryRun) return { dryRun: true, accounts, created: [] };

  const created: ImportedUsers['created'] = [];
  const userRows: {
    organizationId: string;
    id: string;
    username: string;
    displayName: string;
    email: string;
    passwordHash: string;
    mustChangePassword: boolean;
  }[] = [];
  for (const [username, p] of people) {
    const temporaryPassword = generateTemporaryPassword();
    created.push({ username, displayName: p.displayName, temporaryPassword });
    userRows.push({
      organizationId,
      id: crypto.randomUUID(),
      username,
      displayName: p.displayName,
      email: p.email,
      passwordHash: await hashPassword(temporaryPassword),
      mustChangePassword: true,
    });
  }
  await db.transaction(async (tx) => {
    await insertUsers(tx, userRows);
    await insertGrants(
      tx,
      userRows.flatMap((u) => resolved.get(u.username)!.map((g) => ({ organizationId, userId: u.id, ...g }))),
    );
    const grants = await listGrants(
      tx,
      organizationId,
      userRows.map((u) => u.id),
    );
    const byName = new Map((await listUsers(tx, organizationId)).map((u) => [u.username, u]));
    for (const u of userRows)
      await appendAudit(tx, organizationId, caller.actor, {
        action: 'user.create',
        category: 'rights',
        entityType: 'user',
        entityId: u.id,
        subject: u.username,
        after: { ...auditUser(presentUser(byName.get(u.username)!, grants)), source: 'csv' },
      });
  });
  return { dryRun: false, accounts, created };
}
