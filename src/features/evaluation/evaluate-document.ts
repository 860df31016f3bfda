/**
 * Evaluating an interchange document outside the database (`bsc evaluate --input FILE`): the file
 * is validated exactly as an import is (schema, then references), then evaluated. Reproduces a
 * frozen evaluation from its snapshot's input.
 */
import { validatePlanDocument } from '../plans/import-plan.js';
import { evaluatePlan } from '../../domain/evaluation/evaluate.js';
import type { PlanDocument } from '../../contracts/interchange.js';
import type { EvaluationScheme } from '../../domain/evaluation/scheme.js';
import { presentEvaluation, type PresentedEvaluation, type PresentedWhatIf } from './present.js';
import { evaluationOptions, type ModeInput } from './source.js';
import { whatIfDocument } from './what-if.js';

export function evaluateDocument(
  input: unknown,
  mode: ModeInput = {},
): { doc: PlanDocument; evaluation: PresentedEvaluation } {
  const doc = validatePlanDocument(input);
  const opts = evaluationOptions(mode, doc.plan.year);
  return { doc, evaluation: presentEvaluation(evaluatePlan(doc, undefined, opts)) };
}

export function whatIfForDocument(input: unknown, altScheme: EvaluationScheme, mode: ModeInput = {}): PresentedWhatIf {
  return whatIfDocument(validatePlanDocument(input), altScheme, mode);
}
