/**
 * Rounding for display. Scores are kept at full precision and rounded only where shown
 * (two decimals); rounding is half away from zero on the decimal text of the number, so that
 * 1.005 shows as 1.01 (binary floating point stores it as 1.00499999…).
 */
export function roundHalfUp(x: number, digits = 2): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e15) return x;
  const abs = Math.abs(x);
  // toPrecision(15) drops the binary noise below the 15th significant digit.
  const [mantissa, exponent] = Number(abs.toPrecision(15)).toExponential().split('e') as [string, string];
  const shifted = Number(`${mantissa}e${Number(exponent) + digits}`);
  const r = Number(`${Math.round(shifted)}e-${digits}`);
  return x < 0 && r !== 0 ? -r : r;
}

/** Two decimals, half up: the display rounding of every score. */
export function round2(x: number): number {
  return roundHalfUp(x, 2);
}

/** Number text for formulas in explanations (two decimals at most, no trailing zeros). */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(round2(x));
}
