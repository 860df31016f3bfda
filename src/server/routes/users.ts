/** Users and departments administration (administrators and planners). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  createDepartmentBody,
  createUserBody,
  departmentSchema,
  emptyBody,
  importUsersBody,
  importUsersResult,
  resetPasswordBody,
  setRolesBody,
  updateDepartmentBody,
  updateUserBody,
  userParams,
  usersQuery,
  userViewSchema,
} from '../../contracts/accounts.js';
import type { Caller } from '../../features/accounts/caller.js';
import { createUser } from '../../features/accounts/create-user.js';
import { createDepartment, listDepartmentViews, updateDepartmentInfo } from '../../features/accounts/departments.js';
import { importUsersCsv } from '../../features/accounts/import-users.js';
import { listUserViews } from '../../features/accounts/list-users.js';
import {
  requireUser,
  resetUserPassword,
  setUserActive,
  setUserRoles,
  unlockUser,
  updateUserProfile,
} from '../../features/accounts/manage-user.js';
import { viewUser } from '../../features/accounts/user-view.js';
import { authorize } from '../../domain/policy.js';
import { requestActor, requireAuth } from '../auth/plugin.js';

const tags = ['users'];
const caller = (req: FastifyRequest): Caller => ({ actor: requestActor(req), principal: requireAuth(req).principal });
const org = (req: FastifyRequest) => requireAuth(req).user.organizationId;
const withPassword = z.object({ user: userViewSchema, temporaryPassword: z.string().nullable() });

const routes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const settings = app.accountSettings;
  const manage = { action: 'users.manage' as const };

  app.get(
    '/users',
    {
      config: manage,
      schema: {
        tags,
        summary: '사용자 목록 (역할·부서 포함)',
        querystring: usersQuery,
        response: { 200: z.object({ users: z.array(userViewSchema) }) },
      },
    },
    async (req) => ({
      users: await listUserViews(db(), org(req), caller(req), {
        q: req.query.q,
        role: req.query.role,
        departmentId: req.query.department,
        active: req.query.active === undefined ? undefined : req.query.active === 'true',
      }),
    }),
  );

  app.post(
    '/users',
    {
      config: manage,
      schema: {
        tags,
        summary: '사용자 만들기 (임시 비밀번호는 한 번만 보여 줌; 첫 로그인 때 바꿔야 함)',
        body: createUserBody,
        response: { 201: withPassword },
      },
    },
    async (req, reply) => reply.status(201).send(await createUser(db(), settings, org(req), caller(req), req.body)),
  );

  app.post(
    '/users/import',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'CSV로 사용자 일괄 만들기 (전부 아니면 전무; 임시 비밀번호 목록을 한 번만 돌려줌; dryRun: 검사만 하고 만들 계정을 돌려줌)',
        body: importUsersBody,
        response: { 200: importUsersResult, 201: importUsersResult },
      },
    },
    async (req, reply) => {
      const r = await importUsersCsv(db(), org(req), caller(req), req.body.csv, { dryRun: req.body.dryRun });
      return reply.status(r.dryRun ? 200 : 201).send(r);
    },
  );

  app.get(
    '/users/:id',
    {
      config: manage,
      schema: { tags, summary: '사용자 한 명', params: userParams, response: { 200: userViewSchema } },
    },
    async (req) => {
      authorize(requireAuth(req).principal, 'users.manage');
      return viewUser(db(), await requireUser(db(), org(req), req.params.id));
    },
  );

  app.patch(
    '/users/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '이름·이메일 고치기',
        params: userParams,
        body: updateUserBody,
        response: { 200: userViewSchema },
      },
    },
    async (req) => updateUserProfile(db(), org(req), caller(req), req.params.id, req.body),
  );

  app.put(
    '/users/:id/roles',
    {
      config: manage,
      schema: {
        tags,
        summary: '역할·부서 지정 (바꾼 내용은 권한 변경 기록으로 남음)',
        params: userParams,
        body: setRolesBody,
        response: { 200: userViewSchema },
      },
    },
    async (req) => setUserRoles(db(), org(req), caller(req), req.params.id, req.body.roles, req.body.version),
  );

  app.post(
    '/users/:id/deactivate',
    {
      config: manage,
      schema: {
        tags,
        summary: '계정 사용 중지 (세션도 모두 끝남)',
        params: userParams,
        body: emptyBody,
        response: { 200: userViewSchema },
      },
    },
    async (req) => setUserActive(db(), org(req), caller(req), req.params.id, false),
  );

  app.post(
    '/users/:id/activate',
    {
      config: manage,
      schema: {
        tags,
        summary: '계정 다시 사용',
        params: userParams,
        body: emptyBody,
        response: { 200: userViewSchema },
      },
    },
    async (req) => setUserActive(db(), org(req), caller(req), req.params.id, true),
  );

  app.post(
    '/users/:id/reset-password',
    {
      config: manage,
      schema: {
        tags,
        summary: '비밀번호 초기화 (임시 비밀번호; 잠금 해제; 세션 종료)',
        params: userParams,
        body: resetPasswordBody.optional(),
        response: { 200: withPassword },
      },
    },
    async (req) => resetUserPassword(db(), settings, org(req), caller(req), req.params.id, req.body?.password),
  );

  app.post(
    '/users/:id/unlock',
    {
      config: manage,
      schema: {
        tags,
        summary: '로그인 잠금 해제',
        params: userParams,
        body: emptyBody,
        response: { 200: userViewSchema },
      },
    },
    async (req) => unlockUser(db(), org(req), caller(req), req.params.id),
  );

  app.get(
    '/departments',
    {
      config: { action: 'plan.read' },
      schema: {
        tags: ['departments'],
        summary: '부서 목록',
        response: { 200: z.object({ departments: z.array(departmentSchema) }) },
      },
    },
    async (req) => ({ departments: await listDepartmentViews(db(), org(req)) }),
  );

  app.post(
    '/departments',
    {
      config: { action: 'departments.manage' },
      schema: {
        tags: ['departments'],
        summary: '부서 만들기',
        body: createDepartmentBody,
        response: { 201: departmentSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createDepartment(db(), org(req), caller(req), req.body)),
  );

  app.patch(
    '/departments/:id',
    {
      config: { action: 'departments.manage' },
      schema: {
        tags: ['departments'],
        summary: '부서 고치기 (이름을 바꾸면 옛 이름은 formerNames에 남음)',
        params: z.strictObject({ id: z.uuid() }),
        body: updateDepartmentBody,
        response: { 200: departmentSchema },
      },
    },
    async (req) => updateDepartmentInfo(db(), org(req), caller(req), req.params.id, req.body),
  );
};
export default routes;
