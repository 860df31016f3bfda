/** Removes an evidence file from a draft result (the stored bytes stay: other rows may share them; the audit keeps the hash). */
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import { deleteEvidence, findEvidence, insertResultEvent, lockResult } from '../../db/queries/results.js';
import { notFound } from '../../domain/errors.js';
import { authorizeCaller, organizationOf, type ResultsCaller } from '../results/context.js';
import { loadResult, resultResource, staleConflict } from '../results/load.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function deleteEvidenceUseCase(db: Db, caller: ResultsCaller, evidenceId: string) {
  const org = organizationOf(caller);
  const ev = UUID.test(evidenceId) ? await findEvidence(db, org, evidenceId) : undefined;
  if (!ev) throw notFound('증빙자료', 'evidence_not_found');
  const l = await loadResult(db, caller, ev.resultId);
  authorizeCaller(caller, 'evidence.upload', { ...resultResource(l.row, l.plan), status: undefined });
  if (l.row.status !== 'draft')
    return staleConflict(db, l, 'result_not_editable', '작성중(또는 반려된) 실적의 증빙자료만 지울 수 있습니다.');
  authorizeCaller(caller, 'evidence.upload', resultResource(l.row, l.plan));
  return db.transaction(async (tx) => {
    const locked = await lockResult(tx, org, l.row.id);
    if (!locked || locked.status !== 'draft')
      return staleConflict(tx, l, 'result_state_changed', '그사이 실적이 제출되어 증빙자료를 지우지 않았습니다.');
    if ((await deleteEvidence(tx, org, ev.id)) === 0) throw notFound('증빙자료', 'evidence_not_found');
    await insertResultEvent(tx, {
      organizationId: org,
      resultId: l.row.id,
      actorId: caller.principal?.id ?? null,
      action: 'evidence_removed',
      reason: ev.fileName,
    });
    await appendAudit(tx, org, caller.actor, {
      action: 'evidence.delete',
      entityType: 'evidence',
      entityId: ev.id,
      subject: l.depts.name(l.row.departmentId),
      before: { resultId: ev.resultId, fileName: ev.fileName, size: ev.size, contentHash: ev.contentHash },
    });
    return { deleted: ev.id };
  });
}
