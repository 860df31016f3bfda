/** Departments of the organization: list, create, rename/regroup/(de)activate. Plans refer to them by name. */
import crypto from 'node:crypto';
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import {
  findDepartment,
  insertDepartment,
  listDepartments,
  maxDepartmentSeq,
  updateDepartment,
  type DepartmentRow,
} from '../../db/queries/accounts.js';
import { conflict, notFound, validationError } from '../../domain/errors.js';
import { authorizeCaller, type Caller } from './caller.js';

export interface DepartmentView {
  id: string;
  name: string;
  group: string;
  evaluated: boolean;
  active: boolean;
  formerNames: string[];
  seq: number;
  version: number;
}

export const presentDepartment = (d: DepartmentRow): DepartmentView => ({
  id: d.id,
  name: d.name,
  group: d.groupName,
  evaluated: d.evaluated,
  active: d.active,
  formerNames: d.formerNames,
  seq: d.seq,
  version: d.version,
});

const cleanName = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function listDepartmentViews(db: Db, organizationId: string): Promise<DepartmentView[]> {
  return (await listDepartments(db, organizationId)).map(presentDepartment);
}

function uniqueViolation(e: unknown): boolean {
  const code =
    (e as { code?: string; cause?: { code?: string } })?.code ?? (e as { cause?: { code?: string } })?.cause?.code;
  return code === '23505';
}

export async function createDepartment(
  db: Db,
  organizationId: string,
  caller: Caller,
  input: { name: string; group?: string; evaluated?: boolean },
): Promise<DepartmentView> {
  authorizeCaller(caller, 'departments.manage');
  const name = cleanName(input.name);
  if (!name) throw validationError('부서명을 입력하세요.', [{ path: 'name', message: '부서명이 필요합니다' }]);
  try {
    return await db.transaction(async (tx) => {
      const row = await insertDepartment(tx, {
        organizationId,
        id: crypto.randomUUID(),
        name,
        groupName: input.group?.trim() || '본청',
        evaluated: input.evaluated ?? true,
        seq: (await maxDepartmentSeq(tx, organizationId)) + 1,
      });
      const view = presentDepartment(row);
      await appendAudit(tx, organizationId, caller.actor, {
        action: 'department.create',
        entityType: 'department',
        entityId: row.id,
        subject: name,
        after: view,
      });
      return view;
    });
  } catch (e) {
    if (uniqueViolation(e)) throw conflict(`같은 이름의 부서가 이미 있습니다: ${name}`, 'department_exists');
    throw e;
  }
}

export async function updateDepartmentInfo(
  db: Db,
  organizationId: string,
  caller: Caller,
  id: string,
  patch: { name?: string; group?: string; evaluated?: boolean; active?: boolean; version: number },
): Promise<DepartmentView> {
  authorizeCaller(caller, 'departments.manage');
  const d = await findDepartment(db, organizationId, id);
  if (!d) throw notFound('부서', 'department_not_found');
  const name = patch.name === undefined ? undefined : cleanName(patch.name);
  if (name === '') throw validationError('부서명을 입력하세요.', [{ path: 'name', message: '부서명이 필요합니다' }]);
  try {
    return await db.transaction(async (tx) => {
      const renamed = name !== undefined && name !== d.name;
      const row = await updateDepartment(
        tx,
        organizationId,
        id,
        {
          name,
          groupName: patch.group?.trim(),
          evaluated: patch.evaluated,
          active: patch.active,
          // The old name stays findable (imports of earlier years' documents use it).
          formerNames: renamed && !d.formerNames.includes(d.name) ? [...d.formerNames, d.name] : undefined,
        },
        patch.version,
      );
      if (!row)
        throw conflict('다른 사람이 먼저 이 부서를 바꿨습니다. 새로 불러온 뒤 다시 하세요.', 'version_conflict');
      const after = presentDepartment(row);
      await appendAudit(tx, organizationId, caller.actor, {
        action: 'department.update',
        entityType: 'department',
        entityId: id,
        subject: row.name,
        before: presentDepartment(d),
        after,
      });
      return after;
    });
  } catch (e) {
    if (uniqueViolation(e)) throw conflict(`같은 이름의 부서가 이미 있습니다: ${name}`, 'department_exists');
    throw e;
  }
}
