/**
 * The downloads of this capability: the plan document (시행계획: DOCX, PDF, HWPX) and the evaluation
 * report (XLSX, PDF) of a year, each with its content type and file names.
 */
import type { Db } from '../../db/client.js';
import type { EvaluationMode } from '../../domain/achievement.js';
import { forbidden, validationError } from '../../domain/errors.js';
import { evaluationReportBuffer } from '../excel/tables-workbook.js';
import { buildEvaluationReportModel } from './evaluation-report.js';
import type { EvaluationCaller } from '../evaluation/context.js';
import { cliCaller, loadEvaluation, loadPlanYear, type OrgRef } from './load.js';
import { buildPlanDocumentModel } from './plan-document.js';
import { renderDocx } from './render-docx.js';
import { renderHwpx } from './render-hwpx.js';
import { renderPdf } from './render-pdf.js';

export const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  hwpx: 'application/hwp+zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type FileFormat = keyof typeof CONTENT_TYPES;

export interface GeneratedFile {
  buffer: Buffer;
  contentType: string;
  /** Korean file name (for filename*). */
  fileName: string;
  /** ASCII fallback (for filename). */
  asciiName: string;
}

export const PLAN_FORMATS = ['docx', 'pdf', 'hwpx'] as const;
export const EVALUATION_FORMATS = ['xlsx', 'pdf'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];
export type EvaluationFormat = (typeof EVALUATION_FORMATS)[number];

const today = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

function checkFormat<T extends string>(format: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(format))
    throw validationError(`지원하지 않는 형식입니다: ${format}. 가능한 형식: ${allowed.join(', ')}`, [
      { path: 'format', message: `${allowed.join(' | ')} 중 하나` },
    ]);
  return format as T;
}

/** 시행계획 of a year, generated from its data (and the previous year's, where the system holds it). */
export async function generatePlanDocument(
  db: Db,
  year: number,
  format: string,
  opts: OrgRef = {},
): Promise<GeneratedFile> {
  const f = checkFormat(format, PLAN_FORMATS);
  const { doc, previous } = await loadPlanYear(db, year, opts);
  const model = buildPlanDocumentModel(doc, previous, { generatedOn: today() });
  const buffer =
    f === 'docx' ? await renderDocx(model) : f === 'pdf' ? await renderPdf(model) : await renderHwpx(model);
  return {
    buffer,
    contentType: CONTENT_TYPES[f],
    fileName: `${doc.plan.title || `${year}년 성과관리 시행계획`}.${f}`,
    asciiName: `plan-${doc.organization.code}-${year}.${f}`,
  };
}

/**
 * The evaluation report of a year (final by default; provisional shows the scores so far), from the
 * evaluation capability: a closed year from its snapshot; a department user gets the own department.
 */
export async function generateEvaluationReport(
  db: Db,
  year: number,
  format: string,
  opts: OrgRef & { mode?: EvaluationMode; caller?: EvaluationCaller } = {},
): Promise<GeneratedFile> {
  const f = checkFormat(format, EVALUATION_FORMATS);
  const caller = opts.caller ?? cliCaller();
  const { doc } = await loadPlanYear(db, year, opts);
  const e = await loadEvaluation(db, caller, year, { mode: opts.mode, orgCode: opts.orgCode });
  if (!e) throw forbidden('평가 결과를 볼 권한이 없습니다.');
  const buffer =
    f === 'xlsx'
      ? await evaluationReportBuffer(doc, e)
      : await renderPdf(buildEvaluationReportModel(doc, e, { generatedOn: today(), sourceNote: e.source.note }), {
          orientation: 'landscape',
        });
  const mode = e.mode === 'final' ? '최종' : '잠정';
  return {
    buffer,
    contentType: CONTENT_TYPES[f],
    fileName: `${year}년 부서 성과평가 결과(${mode}).${f}`,
    asciiName: `evaluation-${doc.organization.code}-${year}-${e.mode}.${f}`,
  };
}

/** RFC 8187 value characters (attr-char); everything else percent-encoded from UTF-8. */
const rfc8187 = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** RFC 6266 `attachment; filename="<ASCII>"; filename*=UTF-8''<Korean name>`. */
export function attachmentHeader(file: Pick<GeneratedFile, 'fileName' | 'asciiName'>): string {
  const ascii = file.asciiName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc8187(file.fileName.normalize('NFC'))}`;
}
