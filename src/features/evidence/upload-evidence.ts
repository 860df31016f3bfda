/**
 * Attaches an evidence file to a draft result. Checked before anything is stored: size, type by
 * content (the allow-list in sniff.ts; the name's extension must agree), ZIP limits, the virus
 * scanner. Then the bytes go to the content-addressed store (outside any transaction: a file
 * without a row is harmless, the same content is stored once) and the row, the timeline entry and
 * the audit row are written in one transaction while the result is locked and still a draft.
 */
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import { insertEvidence, insertResultEvent, lockResult } from '../../db/queries/results.js';
import { AppError, validationError } from '../../domain/errors.js';
import { authorizeCaller, type ResultsCaller } from '../results/context.js';
import { loadResult, resultResource, staleConflict } from '../results/load.js';
import { presentEvidence, type EvidenceView } from '../results/present.js';
import { cleanFileName } from './file-name.js';
import type { EvidenceServices } from './services.js';
import { ALLOWED_EXTENSIONS, EVIDENCE_TYPES, extensionMatches, extensionOf, sniffEvidence } from './sniff.js';

const MB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10}MB`;

export async function uploadEvidence(
  db: Db,
  services: EvidenceServices,
  caller: ResultsCaller,
  resultId: string,
  file: { fileName: string; bytes: Buffer },
): Promise<EvidenceView> {
  const l = await loadResult(db, caller, resultId);
  authorizeCaller(caller, 'evidence.upload', { ...resultResource(l.row, l.plan), status: undefined });
  if (l.row.status !== 'draft')
    return staleConflict(db, l, 'result_not_editable', '작성중(또는 반려된) 실적에만 증빙자료를 올릴 수 있습니다.');
  authorizeCaller(caller, 'evidence.upload', resultResource(l.row, l.plan));

  const fileName = cleanFileName(file.fileName);
  const problem = (code: string, message: string) =>
    validationError(`증빙자료를 올릴 수 없습니다: ${message}`, [{ path: 'file', message, code }], code);
  if (file.bytes.length > services.maxBytes)
    throw new AppError('validation', 'file_too_large', `파일이 너무 큽니다 (최대 ${MB(services.maxBytes)}).`, [
      { path: 'file', message: `최대 ${MB(services.maxBytes)}`, code: 'file_too_large' },
    ]);
  if (!ALLOWED_EXTENSIONS.includes(extensionOf(fileName)))
    throw problem(
      'type_not_allowed',
      `허용하지 않는 확장자입니다 (${fileName}). 올릴 수 있는 형식: ${ALLOWED_EXTENSIONS.join(', ')}`,
    );
  const sniffed = await sniffEvidence(file.bytes, services.zipLimits);
  if (!sniffed.ok) throw problem(sniffed.code, sniffed.message);
  if (!extensionMatches(fileName, sniffed.type))
    throw problem(
      'type_mismatch',
      `파일 이름(.${extensionOf(fileName)})과 내용(${EVIDENCE_TYPES[sniffed.type].label})이 다릅니다.`,
    );
  const verdict = await services.scanner.scan(file.bytes, fileName);
  if ('error' in verdict)
    throw new AppError(
      'unavailable',
      'virus_scan_failed',
      '바이러스 검사를 하지 못해 파일을 받지 않았습니다. 잠시 후 다시 시도하세요.',
    );
  if (!verdict.clean) throw problem('virus_found', `악성 코드가 발견되었습니다 (${verdict.threat}).`);

  const stored = await services.store.put(file.bytes);
  const org = l.organizationId;
  return db.transaction(async (tx) => {
    const locked = await lockResult(tx, org, l.row.id);
    if (!locked || locked.status !== 'draft')
      return staleConflict(tx, l, 'result_state_changed', '그사이 실적이 제출되어 증빙자료를 붙이지 않았습니다.');
    const row = await insertEvidence(tx, {
      organizationId: org,
      resultId: l.row.id,
      fileName,
      contentHash: stored.hash,
      size: stored.size,
      mediaType: sniffed.mediaType,
      uploadedBy: caller.principal?.id ?? null,
    });
    await insertResultEvent(tx, {
      organizationId: org,
      resultId: l.row.id,
      actorId: caller.principal?.id ?? null,
      action: 'evidence_added',
      reason: fileName,
    });
    await appendAudit(tx, org, caller.actor, {
      action: 'evidence.upload',
      entityType: 'evidence',
      entityId: row.id,
      subject: l.depts.name(l.row.departmentId),
      after: {
        resultId: l.row.id,
        fileName,
        size: stored.size,
        mediaType: sniffed.mediaType,
        contentHash: stored.hash,
        scanner: services.scanner.name,
      },
    });
    return presentEvidence(row);
  });
}
