// Whether two reported numbers are the same figure up to rounding or qualifier: "190,000",
// "nearly 190,000", "up to 190,000" and "190k" all read as 190000 and match exactly; a rounded
// figure matches a precise one it rounds from ("about 190,000" and "189,620"). Qualifiers are
// not compared: they are the wording of one number, kept on the claim as its strongest form.
import type { ClaimFact } from './types.js';

/** Two figures further apart than this share of the larger are different figures even when
 * one is a rounding of the other (12,000 and 12,500 are two counts, not one rounded). */
export const MAX_ROUNDING_SHARE = 0.02;

/** The rounding unit a number was written to: 190000 → 10000, 12500 → 100, 7 → 1. */
export function roundingUnit(n: number): number {
  let unit = 1;
  while (n !== 0 && n % (unit * 10) === 0) unit *= 10;
  return unit;
}

export function sameNumber(a: number, b: number): boolean {
  if (a === b) return true;
  const [round, precise] = roundingUnit(a) >= roundingUnit(b) ? [a, b] : [b, a];
  const unit = roundingUnit(round);
  if (unit === 1) return false;
  if (Math.abs(a - b) > MAX_ROUNDING_SHARE * Math.max(a, b)) return false;
  return Math.round(precise / unit) * unit === round;
}

/** Same figure: both ranges equal, or neither a range and the numbers the same; vague
 * quantities match only the same words. */
export function sameFigure(
  a: Pick<ClaimFact, 'figure' | 'range' | 'vague'>,
  b: Pick<ClaimFact, 'figure' | 'range' | 'vague'>,
): boolean {
  if (a.range || b.range) {
    if (!a.range || !b.range) return false;
    return sameNumber(a.range[0], b.range[0]) && sameNumber(a.range[1], b.range[1]);
  }
  if (a.figure === null || b.figure === null)
    return (
      a.figure === null &&
      b.figure === null &&
      (a.vague ?? '').toLowerCase() === (b.vague ?? '').toLowerCase()
    );
  return sameNumber(a.figure, b.figure);
}
