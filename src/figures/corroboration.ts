// What "well corroborated" means, in one place: a figure reported by at least this many
// independent sources. When no claim of a kind reaches it, the figures fall back to
// single-source claims and say so in their reason.
import type { Claim } from '../claims/types.js';

export const WELL_CORROBORATED_SOURCES = 2;

/** Claims with a number in people (vague quantities carry none). */
export function counted(claims: readonly Claim[]): Claim[] {
  return claims.filter((c) => c.people !== null && c.figure !== null);
}

/** The corroborated claims when there are any, else all of them; and which it was. */
export function bestSupported(claims: readonly Claim[]): { claims: Claim[]; corroborated: boolean } {
  const strong = claims.filter((c) => c.independentSources >= WELL_CORROBORATED_SOURCES);
  return strong.length > 0
    ? { claims: strong, corroborated: true }
    : { claims: [...claims], corroborated: false };
}
