/**
 * The normal form of a plan document: defaults filled (by the schema), timestamps in Asia/Seoul,
 * rows that have no meaningful order sorted. export(import(doc)) equals normalizePlanDocument(doc).
 */
import type { PlanDocument } from '../contracts/interchange.js';
import { toSeoulIso } from './dates.js';

export function normalizePlanDocument(doc: PlanDocument): PlanDocument {
  const indSeq = new Map(doc.indicators.map((x, i) => [x.code, i]));
  const deptSeq = new Map(doc.departments.map((d, i) => [d.name, i]));
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const ind = (a: string | null) => (a === null ? -1 : (indSeq.get(a) ?? -1));
  const dept = (a: string) => deptSeq.get(a) ?? 0;
  const ei = doc.evaluationInputs;
  return {
    ...doc,
    orgPerformanceGoals: [...doc.orgPerformanceGoals].sort((a, b) => a.no - b.no || cmp(a.code, b.code)),
    results: doc.results
      .map((r) => ({ ...r, firstSubmittedAt: r.firstSubmittedAt ? toSeoulIso(new Date(r.firstSubmittedAt)) : null }))
      .sort((a, b) => ind(a.indicator) - ind(b.indicator) || dept(a.department) - dept(b.department) || cmp(a.period, b.period)),
    evaluationInputs: {
      raterAssignments: [...ei.raterAssignments].sort((a, b) => ind(a.indicator) - ind(b.indicator) || cmp(a.rater, b.rater)),
      ratings: [...ei.ratings].sort((a, b) => ind(a.indicator) - ind(b.indicator) || cmp(a.rater, b.rater)),
      bonusAwards: [...ei.bonusAwards].sort((a, b) => dept(a.department) - dept(b.department) || cmp(a.item, b.item)),
      qualitativeScores: [...ei.qualitativeScores].sort((a, b) => dept(a.department) - dept(b.department)),
      penaltyCases: [...ei.penaltyCases].sort(
        (a, b) =>
          dept(a.department) - dept(b.department) ||
          ind(a.indicator) - ind(b.indicator) ||
          cmp(a.kind, b.kind) ||
          cmp(a.period, b.period) ||
          cmp(a.detail, b.detail),
      ),
    },
    externalAwards: [...doc.externalAwards].sort((a, b) => a.year - b.year || cmp(a.name, b.name)),
    indicators: doc.indicators.map((x) => ({
      ...x,
      participants: [...x.participants].sort((a, b) => dept(a) - dept(b)),
    })),
  };
}
