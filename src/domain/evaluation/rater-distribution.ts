/**
 * 고르게 배정 — a proposal that gives each indicator `perIndicator` raters while keeping every
 * rater's number of indicators as even as possible. Pure: the caller says who may rate what
 * (a rater may not rate an indicator of their own department) and how many indicators outside the
 * proposal each rater already has.
 *
 * Greedy, most constrained indicator first (fewest eligible raters, then the given order): each
 * takes the eligible raters with the fewest indicators so far; on a tie a rater already assigned to
 * it is kept (fewer changes), then by name. Loads end within one of each other wherever eligibility
 * allows. An indicator with fewer eligible raters than asked gets all of them and is reported.
 */
export interface DistributionIndicator {
  indicator: string;
  /** Raters assigned now. */
  current: readonly string[];
  /** Raters who may rate it. */
  eligible: readonly string[];
}

export interface DistributionResult {
  /** Every indicator of the input, in input order, with its proposed raters (sorted by name). */
  assignments: { indicator: string; before: string[]; after: string[] }[];
  /** Indicators that get fewer raters than asked (not enough eligible raters). */
  short: { indicator: string; eligible: number }[];
  /** Each rater's number of indicators (including those outside the proposal) after it. */
  load: Record<string, number>;
}

export function distributeRaters(
  indicators: readonly DistributionIndicator[],
  raters: readonly string[],
  perIndicator: number,
  /** Indicators each rater already has outside `indicators`. */
  outside: Readonly<Record<string, number>> = {},
): DistributionResult {
  const load: Record<string, number> = {};
  for (const r of raters) load[r] = outside[r] ?? 0;
  const known = new Set(raters);
  const order = indicators
    .map((ind, i) => ({ ind, i, eligible: ind.eligible.filter((r) => known.has(r)) }))
    .sort((a, b) => a.eligible.length - b.eligible.length || a.i - b.i);
  const after = new Map<number, string[]>();
  const short: DistributionResult['short'] = [];
  for (const { ind, i, eligible } of order) {
    const current = new Set(ind.current);
    const picked = [...eligible]
      .sort(
        (a, b) =>
          load[a]! - load[b]! || Number(current.has(b)) - Number(current.has(a)) || (a < b ? -1 : a > b ? 1 : 0),
      )
      .slice(0, perIndicator);
    for (const r of picked) load[r]! += 1;
    if (picked.length < perIndicator) short.push({ indicator: ind.indicator, eligible: eligible.length });
    after.set(i, picked.sort());
  }
  return {
    assignments: indicators.map((ind, i) => ({
      indicator: ind.indicator,
      before: [...ind.current].sort(),
      after: after.get(i)!,
    })),
    short,
    load,
  };
}
