import type { PlanDocument } from '../contracts/interchange.js';
import { rollOverCalendar } from './results/calendar.js';

/**
 * The next year's draft plan from this year's: same hierarchy, indicators (baseline = this year's
 * target, target kept for the planner to revise) and tasks (dates moved by the year difference,
 * progress and execution reset); the reporting calendar's rules without the year's own dates
 * (rollOverCalendar); no results, no evaluation inputs, no claimed totals.
 */
export function rollOverPlan(doc: PlanDocument, toYear: number): PlanDocument {
  const shift = toYear - doc.plan.year;
  const moveDate = (d: string | null) => {
    if (!d) return d;
    const y = Number(d.slice(0, 4)) + shift;
    const md = d.slice(4) === '-02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? '-02-28' : d.slice(4);
    return `${y}${md}`;
  };
  return {
    ...doc,
    plan: {
      ...doc.plan,
      year: toYear,
      status: 'draft',
      title: doc.plan.title.replaceAll(String(doc.plan.year), String(toYear)),
      priorYearFacts: {},
      calendar: rollOverCalendar(doc.plan.calendar),
    },
    indicators: doc.indicators.map((x) => ({ ...x, baseline: x.target ?? x.baseline })),
    tasks: doc.tasks.map((t) => ({
      ...t,
      startDate: moveDate(t.startDate),
      endDate: moveDate(t.endDate),
      progress: 0,
      executedAmount: 0,
    })),
    results: [],
    evaluationInputs: { raterAssignments: [], ratings: [], bonusAwards: [], qualitativeScores: [], penaltyCases: [] },
    externalAwards: [],
    claimedTotals: null,
  };
}
