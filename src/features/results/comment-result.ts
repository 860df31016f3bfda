/** A comment on a result (plain text), kept in its timeline. */
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import { insertResultEvent } from '../../db/queries/results.js';
import { validationError } from '../../domain/errors.js';
import { COMMENT_MAX, plainText } from '../../domain/results/workflow.js';
import { toSeoulIso } from '../../domain/dates.js';
import { authorizeCaller, type ResultsCaller } from './context.js';
import { loadResult, resultResource } from './load.js';

export async function commentResult(db: Db, caller: ResultsCaller, id: string, text: string, now = new Date()) {
  const l = await loadResult(db, caller, id);
  authorizeCaller(caller, 'result.comment', { ...resultResource(l.row, l.plan), status: undefined });
  const t = plainText(text, 'text', { max: COMMENT_MAX, required: true, label: '의견' });
  if (!t.ok) throw validationError(`의견을 남길 수 없습니다: ${t.problem.message}`, [t.problem]);
  return db.transaction(async (tx) => {
    await insertResultEvent(tx, {
      organizationId: l.organizationId,
      resultId: l.row.id,
      actorId: caller.principal?.id ?? null,
      action: 'comment',
      reason: t.text,
      at: now,
    });
    await appendAudit(tx, l.organizationId, caller.actor, {
      action: 'result.comment',
      entityType: 'result',
      entityId: l.row.id,
      subject: l.depts.name(l.row.departmentId),
      after: { text: t.text },
    });
    return { resultId: l.row.id, at: toSeoulIso(now), text: t.text };
  });
}
