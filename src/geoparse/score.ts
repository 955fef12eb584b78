// The evidence a candidate entry's score is made of (resolve.ts adds it up, strongest last):
// the prior (kind, feature code, population), and the geometry the other evidence uses —
// containment of one entry in another and great-circle distance.
import type { GazetteerEntry } from './gazetteer.js';

/** The evidence that made a candidate's score, by kind. */
export interface ScoreParts {
  prior: number;
  alternate?: number;
  seat?: number;
  country?: number;
  state?: number;
  inside?: number;
  contains?: number;
  near?: number;
  nearKm?: number;
}

export interface ScoredCandidate {
  entry: GazetteerEntry;
  score: number;
  parts: ScoreParts;
}

/** The evidence in words, e.g. ["prior 4.20", "state +2.5", "near 27 km +1.67"]. */
export function describeScore(p: ScoreParts): string[] {
  const out = [`prior ${p.prior.toFixed(2)}`];
  if (p.alternate) out.push(`alternate name ${p.alternate}`);
  if (p.seat) out.push(`seat of the same-named area +${p.seat}`);
  if (p.country) out.push(`country +${p.country.toFixed(2)}`);
  if (p.state) out.push(`state +${p.state.toFixed(1)}`);
  if (p.inside) out.push(`inside the next name +${p.inside}`);
  if (p.contains) out.push(`contains the previous name +${p.contains}`);
  if (p.near) out.push(`near ${Math.round(p.nearKm ?? 0)} km +${p.near.toFixed(2)}`);
  return out;
}

const KIND_PRIOR: Record<string, number> = { country: 9, continent: 9, admin1: 7.5, region: 7, admin2: 6 };
const CODE_BONUS: Record<string, number> = { PPLC: 2.5, PPLA: 0.8, PPLA2: 0.3 };

/** How likely an entry is before any context: areas over towns, capitals and big places first. */
export function prior(e: GazetteerEntry): number {
  const k = KIND_PRIOR[e.kind];
  // A first-level area where hardly anyone lives (an island parish) is no stronger than a town.
  if (e.kind === 'admin1' && e.population < 20_000) return 5 + Math.log10(Math.max(e.population, 1)) / 10;
  if (k !== undefined) return k + Math.log10(Math.max(e.population, 1)) / 10;
  return Math.log10(Math.max(e.population, 100)) + (CODE_BONUS[e.featureCode] ?? 0);
}

const RAD = Math.PI / 180;

/** The cosine of a point's latitude, as km() uses it. */
export const cosLat = (e: GazetteerEntry): number => Math.cos(e.lat * RAD);

export function km(a: GazetteerEntry, b: GazetteerEntry): number {
  return kmCos(a, b, cosLat(a), cosLat(b));
}

/** km() with the cosines of both latitudes already worked out (cosLat). */
export function kmCos(a: GazetteerEntry, b: GazetteerEntry, cosA: number, cosB: number): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + cosA * cosB * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Does `outer` contain `inner` (country, admin1 or county level)? */
export function contains(outer: GazetteerEntry, inner: GazetteerEntry): boolean {
  if (outer === inner || !outer.country || outer.country !== inner.country) return false;
  if (outer.kind === 'country') return inner.kind !== 'country';
  if (outer.kind === 'admin1') return inner.admin1 === outer.admin1 && inner.kind !== 'admin1';
  if (outer.kind === 'admin2')
    return inner.kind === 'city' && inner.admin1 === outer.admin1 && km(outer, inner) < 60;
  return false;
}
