/** Pieces shared by the 2020 and 2019 demo builders. */
import type { PlanDocument } from '../../contracts/interchange.js';
import { stream } from './prng.js';
import {
  defaultFrequency,
  describeDataSource,
  describeFormula,
  makeBaseline,
  type ParsedSpec,
} from './indicator-spec.js';

type IndicatorRow = PlanDocument['indicators'][number];

export const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Code of the 부서 전략목표 of a seed TSV row: D001..D089. */
export const dsgCode = (row: number) => `D${pad(row, 3)}`;

export interface DemoBuild {
  doc: PlanDocument;
  /** Parsed spec of every indicator, by code. */
  specs: Map<string, ParsedSpec>;
}

/** An indicator row from a parsed spec (illustrative definition: baseline, formula, data source, weight). */
export function makeIndicator(
  spec: ParsedSpec,
  fields: Pick<
    IndicatorRow,
    'code' | 'deptPerformanceGoal' | 'kind' | 'leadDepartment' | 'participants' | 'convergenceRule'
  >,
  dataSourceOverride?: string,
): IndicatorRow {
  const rng = stream(`indicator:${fields.code}:${spec.name}`);
  const frequency = spec.frequency ?? defaultFrequency(rng);
  const baseline =
    spec.measurement === 'milestone' || spec.target === null
      ? null
      : (spec.baseline ?? makeBaseline(rng, spec.unit, spec.target, spec.direction));
  return {
    ...fields,
    name: spec.name,
    unit: spec.unit,
    direction: spec.direction,
    measurement: spec.measurement,
    formula: describeFormula(spec),
    dataSource: dataSourceOverride ?? describeDataSource(spec, fields.leadDepartment),
    frequency,
    baseline,
    target: spec.target,
    weight: fields.kind === 'unique' && rng.chance(0.08) ? 2 : 1,
    milestones: spec.milestones,
    tags: spec.tags,
    illustrative: true,
  };
}
