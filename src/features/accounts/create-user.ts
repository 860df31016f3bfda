/**
 * An administrator or planner creates an account. It gets a temporary password (generated, or
 * given and checked) that must be changed at first login.
 */
import crypto from 'node:crypto';
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import { findUserByUsername, insertGrants, insertUsers } from '../../db/queries/accounts.js';
import { conflict, validationError } from '../../domain/errors.js';
import { authorizeCaller, type Caller } from './caller.js';
import { resolveGrants, type GrantInput } from './grants.js';
import { normalizeUsername } from './login.js';
import { assertPasswordAcceptable, generateTemporaryPassword, hashPassword } from './password.js';
import type { AccountSettings } from './settings.js';
import { auditUser, viewUser, type UserView } from './user-view.js';

export const USERNAME_RE = /^[a-z0-9][a-z0-9._-]{1,62}$/;

export function checkUsername(raw: string, path = 'username'): string {
  const username = normalizeUsername(raw);
  if (!USERNAME_RE.test(username))
    throw validationError(
      '아이디는 영문 소문자·숫자로 시작하고 영문 소문자·숫자·점(.)·밑줄(_)·하이픈(-)으로 2–63자여야 합니다.',
      [{ path, message: '아이디 형식이 올바르지 않습니다', code: 'invalid_username' }],
      'invalid_username',
    );
  return username;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  email?: string;
  roles: GrantInput[];
  /** Initial password; generated when omitted. Either way it must be changed at first login. */
  password?: string;
}

export interface CreatedUser {
  user: UserView;
  /** Shown once to the person who created the account (null when they chose it). */
  temporaryPassword: string | null;
}

export async function createUser(
  db: Db,
  settings: AccountSettings,
  organizationId: string,
  caller: Caller,
  input: CreateUserInput,
): Promise<CreatedUser> {
  const username = checkUsername(input.username);
  const displayName = input.displayName.trim();
  if (!displayName)
    throw validationError('이름을 입력하세요.', [{ path: 'displayName', message: '이름이 필요합니다' }]);
  const grants = await resolveGrants(db, organizationId, input.roles);
  authorizeCaller(caller, 'users.manage', { targetRoles: grants.map((g) => g.role) });
  const temporaryPassword = input.password === undefined ? generateTemporaryPassword() : null;
  const password = input.password ?? temporaryPassword!;
  assertPasswordAcceptable(password, { username, refused: settings.demoPasswords });
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    if (await findUserByUsername(tx, username)) throw conflict(`이미 있는 아이디입니다: ${username}`, 'username_taken');
    const id = crypto.randomUUID();
    await insertUsers(tx, [
      {
        organizationId,
        id,
        username,
        displayName,
        email: (input.email ?? '').trim(),
        passwordHash,
        mustChangePassword: true,
      },
    ]);
    await insertGrants(
      tx,
      grants.map((g) => ({ organizationId, userId: id, ...g })),
    );
    const user = await viewUser(tx, (await findUserByUsername(tx, username))!);
    await appendAudit(tx, organizationId, caller.actor, {
      action: 'user.create',
      category: 'rights',
      entityType: 'user',
      entityId: id,
      subject: username,
      after: auditUser(user),
    });
    return { user, temporaryPassword };
  });
}
