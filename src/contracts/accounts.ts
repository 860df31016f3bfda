/** API shapes of accounts, sessions, departments and the audit trail (server validation, OpenAPI, web forms). */
import { z } from 'zod';
import './zod-ko.js';
import { ACTIONS, ROLES } from '../domain/policy.js';
import { PASSWORD_MAX } from '../domain/password-policy.js';

export const roleSchema = z.enum(ROLES);
export const actionSchema = z.enum(ACTIONS);

/** Passwords: never trimmed nor truncated; the upper bound only stops abuse (rules say 128). */
const passwordField = z
  .string()
  .min(1)
  .max(PASSWORD_MAX * 4);

export const loginBody = z.strictObject({
  username: z.string().min(1).max(100),
  password: passwordField,
});

export const changePasswordBody = z.strictObject({
  currentPassword: passwordField,
  newPassword: passwordField,
});

export const userViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string(),
  active: z.boolean(),
  demo: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  passwordChangedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  roles: z.array(z.object({ role: roleSchema, department: z.object({ id: z.string(), name: z.string() }).nullable() })),
});

export const sessionInfoSchema = z.object({
  user: userViewSchema,
  /** Send it back in the `x-csrf-token` header of every POST/PUT/PATCH/DELETE. */
  csrfToken: z.string(),
  /** What this user may attempt: show buttons from this, never from roles. */
  abilities: z.array(actionSchema),
  session: z.object({
    idleTimeoutSeconds: z.number().int(),
    expiresAt: z.string(),
    absoluteExpiresAt: z.string(),
    remainingSeconds: z.number().int(),
  }),
});

/** GET /auth/demo-accounts: what the login page offers while demo accounts are active. */
export const demoLoginsSchema = z.object({
  /** The demo password while it is the published default; null when the operator chose their own. */
  password: z.string().nullable(),
  accounts: z.array(
    z.object({
      username: z.string(),
      displayName: z.string(),
      role: roleSchema,
      roleLabel: z.string(),
      department: z.string().nullable(),
    }),
  ),
});

export const grantInputSchema = z.strictObject({
  role: roleSchema,
  /** Department ids or names; required for department_head and department_staff, refused otherwise. */
  departments: z.array(z.string().min(1).max(100)).max(200).optional(),
});

export const createUserBody = z.strictObject({
  username: z.string().min(2).max(63),
  displayName: z.string().min(1).max(100),
  email: z.string().max(200).optional(),
  roles: z.array(grantInputSchema).max(200),
  /** Initial password; generated (and returned once) when omitted. Must be changed at first login. */
  password: passwordField.optional(),
});

export const updateUserBody = z.strictObject({
  displayName: z.string().min(1).max(100).optional(),
  email: z.string().max(200).optional(),
  version: z.number().int().optional(),
});

export const setRolesBody = z.strictObject({
  roles: z.array(grantInputSchema).max(200),
  version: z.number().int().optional(),
});

export const resetPasswordBody = z.strictObject({ password: passwordField.optional() });
export const emptyBody = z.strictObject({}).optional();

export const importUsersBody = z.strictObject({
  /** CSV text: username, display_name, email, role, departments (';'-separated); Korean headers accepted. */
  csv: z.string().min(1).max(5_000_000),
  /** Check only: the same errors, and the accounts that would be created; nothing is written. */
  dryRun: z.boolean().optional(),
});

export const importUsersResult = z.object({
  dryRun: z.boolean(),
  accounts: z.array(
    z.object({
      username: z.string(),
      displayName: z.string(),
      email: z.string(),
      roles: z.array(z.object({ role: roleSchema, department: z.string().nullable() })),
    }),
  ),
  /** Temporary passwords, returned once; empty on a dry run. */
  created: z.array(z.object({ username: z.string(), displayName: z.string(), temporaryPassword: z.string() })),
});

export const userParams = z.strictObject({ id: z.string().min(1).max(100).describe('사용자 id 또는 아이디') });

export const usersQuery = z.strictObject({
  q: z.string().max(100).optional(),
  role: roleSchema.optional(),
  department: z.uuid().optional(),
  active: z.enum(['true', 'false']).optional(),
});

export const departmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  group: z.string(),
  evaluated: z.boolean(),
  active: z.boolean(),
  formerNames: z.array(z.string()),
  seq: z.number().int(),
  version: z.number().int(),
});

export const createDepartmentBody = z.strictObject({
  name: z.string().min(1).max(100),
  group: z.string().max(50).optional(),
  evaluated: z.boolean().optional(),
});

export const updateDepartmentBody = z.strictObject({
  name: z.string().min(1).max(100).optional(),
  group: z.string().max(50).optional(),
  evaluated: z.boolean().optional(),
  active: z.boolean().optional(),
  version: z.number().int(),
});

export const auditQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  action: z.string().max(100).optional().describe('정확한 동작명, 또는 "auth." 처럼 점으로 끝나는 접두어'),
  category: z.enum(['change', 'access', 'rights']).optional(),
  actor: z.string().max(100).optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  subject: z.string().max(200).optional(),
  ip: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  ip: z.string(),
  action: z.string(),
  category: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  subject: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
