/**
 * Saves a draft result. The edit carries the version it was based on: a stale one is refused
 * (409, with the current value) and nothing is overwritten. The earlier values go to the timeline.
 */
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import { insertResultEvent, updateDraftContent } from '../../db/queries/results.js';
import { validationError } from '../../domain/errors.js';
import { checkResultContent, isEditable, type ResultContent } from '../../domain/results/workflow.js';
import { authorizeCaller, type ResultsCaller } from './context.js';
import { loadResult, resultResource, staleConflict } from './load.js';
import { presentResult, type ResultView } from './present.js';

export interface UpdateResultInput extends Partial<ResultContent> {
  version: number;
}

export async function updateResult(
  db: Db,
  caller: ResultsCaller,
  id: string,
  input: UpdateResultInput,
): Promise<ResultView> {
  const l = await loadResult(db, caller, id);
  const { row, indicator, depts, organizationId: org } = l;
  // Scope first (the 409 below shows the current value), then the state, then the whole rule.
  authorizeCaller(caller, 'result.enter', { ...resultResource(row, l.plan), status: undefined });
  if (!isEditable(row.status))
    await staleConflict(
      db,
      l,
      'result_not_editable',
      `'${depts.name(row.departmentId)}'의 이 실적은 작성중 상태가 아니어서 고칠 수 없습니다. 반려된 뒤에 고치세요.`,
    );
  if (row.version !== input.version)
    await staleConflict(
      db,
      l,
      'stale_version',
      '다른 사람이 먼저 이 실적을 고쳤습니다. 현재 값을 확인하고 다시 입력하세요.',
    );
  authorizeCaller(caller, 'result.enter', resultResource(row, l.plan));
  const checked = checkResultContent(indicator, {
    actual: input.actual,
    milestonesDone: input.milestonesDone,
    comment: input.comment,
  });
  if (!checked.ok) throw validationError('실적을 저장할 수 없습니다. 표시된 항목을 고치세요.', checked.problems);

  return db.transaction(async (tx) => {
    const updated = await updateDraftContent(tx, org, row.id, input.version, checked.content);
    if (!updated)
      return staleConflict(
        tx,
        l,
        'stale_version',
        '다른 사람이 먼저 이 실적을 고쳤거나 상태가 바뀌었습니다. 현재 값을 확인하세요.',
      );
    const before = {
      actual: row.actual,
      milestonesDone: row.milestonesDone,
      comment: row.comment,
      version: row.version,
    };
    await insertResultEvent(tx, {
      organizationId: org,
      resultId: row.id,
      actorId: caller.principal?.id ?? null,
      action: 'saved',
      fromStatus: 'draft',
      toStatus: 'draft',
      before,
    });
    await appendAudit(tx, org, caller.actor, {
      action: 'result.update',
      entityType: 'result',
      entityId: row.id,
      subject: depts.name(row.departmentId),
      before,
      after: {
        actual: updated.actual,
        milestonesDone: updated.milestonesDone,
        comment: updated.comment,
        version: updated.version,
      },
    });
    return presentResult(updated, indicator, depts);
  });
}
