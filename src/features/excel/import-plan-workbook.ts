/**
 * Imports a filled plan workbook: parse (problems by sheet, row and column), preview (what would be
 * written), then — unless a dry run or there is any problem — commit all-or-nothing through the same
 * use case as the JSON import (`importPlan`: validation, one transaction, one audit row).
 */
import type { Db } from '../../db/client.js';
import { findOrganizationByCode, findPlan } from '../../db/queries/plan-document.js';
import type { PlanDocument } from '../../contracts/interchange.js';
import { AppError, forbidden } from '../../domain/errors.js';
import { summarizePlan, type PlanSummary } from '../../domain/summary.js';
import { importPlan } from '../plans/import-plan.js';
import type { AuditActor } from '../plans/context.js';
import { formatProblem, parsePlanWorkbook, type ProgressCallback, type SheetProblem } from './parse-plan-workbook.js';

export interface WorkbookImportOptions {
  /** Replace the plan of the same year if there is one. */
  replace?: boolean;
  /** Check and preview only; write nothing. */
  dryRun?: boolean;
  onProgress?: ProgressCallback;
  /** The organization the caller belongs to: a workbook of another organization is refused. */
  organizationId?: string;
}

export interface WorkbookPreview {
  organization: { code: string; name: string } | null;
  year: number | null;
  title: string | null;
  /** Rows read per sheet. */
  rows: Record<string, number>;
  /** The plan's own figures (목표·지표 현황), when the workbook is valid. */
  counts: PlanSummary['counts'] | null;
  results: number;
  /** The year already exists for this organization. */
  exists: boolean;
  /** The existing year is closed (cannot be replaced). */
  closed: boolean;
}

export interface WorkbookImportReport {
  /** No problem (the import was, or would be, written). */
  ok: boolean;
  dryRun: boolean;
  committed: boolean;
  replaced: boolean;
  problems: SheetProblem[];
  warnings: SheetProblem[];
  preview: WorkbookPreview;
}

async function previewOf(
  db: Db | null,
  doc: PlanDocument | null,
  input: Record<string, unknown>,
  rows: Record<string, number>,
): Promise<WorkbookPreview> {
  const org = doc?.organization ?? (input.organization as { code?: string; name?: string } | undefined) ?? null;
  const plan = doc?.plan ?? (input.plan as { year?: number; title?: string } | undefined) ?? null;
  let exists = false;
  let closed = false;
  if (db && org?.code && typeof plan?.year === 'number') {
    const o = await findOrganizationByCode(db, org.code);
    const p = o ? await findPlan(db, o.id, plan.year) : undefined;
    exists = !!p;
    closed = p?.status === 'closed';
  }
  return {
    organization: org?.code ? { code: org.code, name: org.name ?? '' } : null,
    year: typeof plan?.year === 'number' ? plan.year : null,
    title: plan?.title ?? null,
    rows,
    counts: doc ? summarizePlan(doc).counts : null,
    results: doc?.results.length ?? 0,
    exists,
    closed,
  };
}

/** Checks, previews and (unless `dryRun` or a problem) imports a plan workbook. */
export async function importPlanWorkbook(
  db: Db,
  data: Buffer | Uint8Array,
  actor: AuditActor,
  opts: WorkbookImportOptions = {},
): Promise<WorkbookImportReport> {
  const parsed = await parsePlanWorkbook(data, { onProgress: opts.onProgress });
  if (opts.organizationId && parsed.document) {
    const org = await findOrganizationByCode(db, parsed.document.organization.code);
    if (!org || org.id !== opts.organizationId)
      throw forbidden(
        `계획 시트의 기관 코드 '${parsed.document.organization.code}'은(는) 로그인한 기관이 아닙니다. 자기 기관의 계획만 가져올 수 있습니다.`,
        'other_organization',
      );
  }
  const preview = await previewOf(db, parsed.document, parsed.input, parsed.rows);
  const problems = [...parsed.problems];
  if (parsed.document && preview.exists && (preview.closed || !opts.replace)) {
    problems.push({
      ...parsed.locate('plan.year'),
      code: preview.closed ? 'plan_closed' : 'plan_exists',
      message: preview.closed
        ? `${preview.year}년은 평가가 마감되어 바꿀 수 없습니다.`
        : `${preview.year}년 시행계획이 이미 있습니다. 바꾸려면 --replace(바꾸기)를 지정하세요.`,
    });
  }
  const report: WorkbookImportReport = {
    ok: problems.length === 0,
    dryRun: !!opts.dryRun,
    committed: false,
    replaced: false,
    problems,
    warnings: parsed.warnings,
    preview,
  };
  if (!report.ok || opts.dryRun || !parsed.document) return report;
  const r = await importPlan(db, parsed.document, actor, { replace: opts.replace });
  return { ...report, committed: true, replaced: r.replaced };
}

/** A failed import as an error (for callers that throw): every problem as a detail, the report in `extra`. */
export function workbookProblemsError(report: WorkbookImportReport): AppError {
  const only = report.problems.length === 1 ? report.problems[0]!.code : null;
  const conflict = only === 'plan_exists' || only === 'plan_closed';
  return new AppError(
    conflict ? 'conflict' : 'validation',
    conflict ? only : 'workbook_invalid',
    conflict
      ? report.problems[0]!.message
      : `엑셀 파일에 문제가 ${report.problems.length}건 있어 가져오지 않았습니다. 아래 문제를 고친 뒤 다시 가져오세요.`,
    report.problems.map((p) => ({
      path:
        [p.sheet, p.row ? `${p.row}행` : null, p.column ? `${p.column}열` : null].filter(Boolean).join(' ') || '(파일)',
      message: formatProblem(p),
      code: p.code,
    })),
    { problems: report.problems, preview: report.preview },
  );
}
