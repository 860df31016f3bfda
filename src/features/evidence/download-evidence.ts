/**
 * Sends an evidence file to someone allowed to see its result (policy: evidence.download on the
 * result's department). Every download is recorded in the audit trail as an access (접속기록).
 */
import type { Readable } from 'node:stream';
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import { findEvidence } from '../../db/queries/results.js';
import { AppError, notFound } from '../../domain/errors.js';
import { authorizeCaller, organizationOf, type ResultsCaller } from '../results/context.js';
import { loadResult } from '../results/load.js';
import { contentDisposition } from './file-name.js';
import type { EvidenceServices } from './services.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface EvidenceDownload {
  stream: Readable;
  size: number;
  mediaType: string;
  contentDisposition: string;
  fileName: string;
}

export async function downloadEvidence(
  db: Db,
  services: EvidenceServices,
  caller: ResultsCaller,
  evidenceId: string,
): Promise<EvidenceDownload> {
  const org = organizationOf(caller);
  const ev = UUID.test(evidenceId) ? await findEvidence(db, org, evidenceId) : undefined;
  if (!ev) throw notFound('증빙자료', 'evidence_not_found');
  const l = await loadResult(db, caller, ev.resultId);
  authorizeCaller(caller, 'evidence.download', { departmentId: l.row.departmentId });
  let stream: Readable;
  try {
    stream = await services.store.open(ev.contentHash);
  } catch {
    throw new AppError(
      'unavailable',
      'evidence_file_missing',
      '증빙자료 파일을 저장소에서 찾을 수 없습니다. 관리자에게 문의하세요.',
    );
  }
  try {
    await db.transaction(async (tx) => {
      await appendAudit(tx, org, caller.actor, {
        action: 'evidence.download',
        category: 'access',
        entityType: 'evidence',
        entityId: ev.id,
        subject: l.depts.name(l.row.departmentId),
        after: { resultId: ev.resultId, fileName: ev.fileName, size: ev.size },
      });
    });
  } catch (e) {
    stream.destroy();
    throw e;
  }
  return {
    stream,
    size: ev.size,
    mediaType: ev.mediaType,
    contentDisposition: contentDisposition(ev.fileName),
    fileName: ev.fileName,
  };
}
