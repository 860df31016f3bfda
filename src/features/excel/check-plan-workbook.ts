/**
 * Legacy check: read a plan workbook — typically an existing plan typed into the template, with the
 * figures its document printed in the 주장 합계 sheets — and report, without importing anything,
 * the plan checks (domain/plan-checks) including every difference between the claimed and the
 * derived figures, each placed on its sheet and row.
 */
import type { PlanDocument } from '../../contracts/interchange.js';
import { checkPlan, countProblems, type PlanCheckProblem } from '../../domain/plan-checks.js';
import { summarizePlan, type PlanSummary } from '../../domain/summary.js';
import { parsePlanWorkbook, type ProgressCallback, type SheetProblem } from './parse-plan-workbook.js';

export interface LocatedCheck extends PlanCheckProblem {
  sheet: string | null;
  row: number | null;
  column: string | null;
  header: string | null;
}

export interface WorkbookCheckReport {
  /** The workbook could be read into a valid plan (else see `problems`). */
  readable: boolean;
  year: number | null;
  /** Problems that stop the workbook from being read (same as the import's). */
  problems: SheetProblem[];
  warnings: SheetProblem[];
  /** The plan checks, claimed-totals differences included. */
  checks: LocatedCheck[];
  errors: number;
  /** Warnings of the plan checks. */
  checkWarnings: number;
  /** Differences between the document's claimed figures and the data. */
  claimedDifferences: number;
  counts: PlanSummary['counts'] | null;
}

/** Turns a check path keyed by code or name ("indicators[I012].target") into the index form the locator knows. */
function indexPath(doc: PlanDocument, path: string): string {
  const m = /^([A-Za-z.]+)\[([^\]]+)\](.*)$/.exec(path);
  if (!m || /^\d+$/.test(m[2]!)) return path;
  const list = m[1]!
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), doc);
  if (!Array.isArray(list)) return path;
  const i = list.findIndex((r: { code?: string; name?: string }) => r.code === m[2] || r.name === m[2]);
  return i < 0 ? path : `${m[1]}[${i}]${m[3]}`;
}

export async function checkPlanWorkbook(
  data: Buffer | Uint8Array,
  opts: { onProgress?: ProgressCallback } = {},
): Promise<WorkbookCheckReport> {
  const parsed = await parsePlanWorkbook(data, opts);
  const doc = parsed.document;
  if (!doc)
    return {
      readable: false,
      year: null,
      problems: parsed.problems,
      warnings: parsed.warnings,
      checks: [],
      errors: parsed.problems.length,
      checkWarnings: 0,
      claimedDifferences: 0,
      counts: null,
    };
  const checks = checkPlan(doc).map((c) => ({ ...c, ...parsed.locate(indexPath(doc, c.path)) }));
  const n = countProblems(checks);
  return {
    readable: true,
    year: doc.plan.year,
    problems: [],
    warnings: parsed.warnings,
    checks,
    errors: n.errors,
    checkWarnings: n.warnings,
    claimedDifferences: checks.filter((c) => c.code.startsWith('claimed_')).length,
    counts: summarizePlan(doc).counts,
  };
}
