/**
 * Excel export of every derived table of a plan year — the plan's tables (domain/summary), the
 * results by period, the evaluation with its breakdown (domain/evaluation) — and the evaluation
 * report workbook. Formatted for printing: A4 landscape fitted to the width, header rows repeated,
 * frozen headers, number formats.
 */
import type { Db } from '../../db/client.js';
import type { EvaluationMode } from '../../domain/achievement.js';
import { summarizePlan } from '../../domain/summary.js';
import type { PlanDocument } from '../../contracts/interchange.js';
import type { Evaluation } from '../../domain/evaluation/evaluate.js';
import type { EvaluationCaller } from '../evaluation/context.js';
import { cliCaller, loadEvaluation, loadPlanYear, type OrgRef } from '../documents/load.js';
import {
  byDepartmentTable,
  byOrgPerformanceGoalTable,
  byOrgStrategicGoalTable,
  convergenceTable,
  countsTable,
  resultsByPeriodTable,
} from '../documents/plan-tables.js';
import {
  bonusTable,
  departmentBreakdownTable,
  evaluationCaption,
  penaltyTable,
  rankingTable,
  schemeTable,
} from '../documents/evaluation-tables.js';
import { addTableSheet } from './render-tables.js';
import { newWorkbook, workbookBuffer } from './xlsx-style.js';

/** The workbook of every derived table of a plan document (the evaluation's sheets when given). */
export async function planTablesBuffer(doc: PlanDocument, evaluation: Evaluation | null): Promise<Buffer> {
  const s = summarizePlan(doc);
  const caption = `${doc.plan.year}년`;
  const wb = newWorkbook(`${doc.plan.year}년 성과관리 표`);
  for (const t of [
    countsTable(s),
    byOrgStrategicGoalTable(doc, s),
    byOrgPerformanceGoalTable(s),
    byDepartmentTable(s),
    convergenceTable(s),
  ])
    addTableSheet(wb, t, {
      caption,
      orientation: t.id === 'byOrgPerformanceGoal' || t.id === 'counts' ? 'landscape' : 'portrait',
    });
  addTableSheet(wb, resultsByPeriodTable(doc), { caption });
  if (evaluation) await appendEvaluationSheets(wb, doc, evaluation);
  return workbookBuffer(wb);
}

async function appendEvaluationSheets(wb: ReturnType<typeof newWorkbook>, doc: PlanDocument, e: Evaluation) {
  const caption = evaluationCaption(e);
  addTableSheet(wb, rankingTable(e), { caption });
  addTableSheet(wb, departmentBreakdownTable(e, doc), { caption });
  addTableSheet(wb, bonusTable(e), { caption });
  addTableSheet(wb, penaltyTable(e), { caption });
  addTableSheet(wb, schemeTable(e.scheme), { caption });
}

/** The evaluation report as a workbook: ranking and grades, breakdown, bonus and penalty lists, scheme. */
export async function evaluationReportBuffer(doc: PlanDocument, e: Evaluation): Promise<Buffer> {
  const wb = newWorkbook(`${e.year}년 부서 성과평가 결과`);
  await appendEvaluationSheets(wb, doc, e);
  return workbookBuffer(wb);
}

/**
 * The tables workbook of a year. The evaluation's sheets come from the evaluation capability (a
 * closed year's snapshot; a department user's own department); a caller who may not read
 * evaluations gets the plan's tables only.
 */
export async function exportPlanTables(
  db: Db,
  year: number,
  opts: OrgRef & { mode?: EvaluationMode; caller?: EvaluationCaller } = {},
) {
  const { doc } = await loadPlanYear(db, year, opts);
  const evaluation = await loadEvaluation(db, opts.caller ?? cliCaller(), year, {
    mode: opts.mode,
    orgCode: opts.orgCode,
  });
  return { document: doc, buffer: await planTablesBuffer(doc, evaluation) };
}
