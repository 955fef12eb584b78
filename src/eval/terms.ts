// The shared scorer's term, unit, country and place rules: the project's fine-grained terms
// fold into the gold's coarse classes, upstream labels into the project's terms.
import type { PredFact } from './types.js';

export const COARSE_TERMS: ReadonlySet<string> = new Set([
  'displaced',
  'evacuated',
  'sheltered',
  'destroyed_housing',
  'refugees',
  'returns',
]);

const FINE_TO_COARSE: Readonly<Record<string, string>> = {
  displaced: 'displaced',
  forced_to_flee: 'displaced',
  relocated: 'displaced',
  homeless: 'displaced',
  evacuated: 'evacuated',
  in_relief_camp: 'sheltered',
  sheltered: 'sheltered',
  destroyed_housing: 'destroyed_housing',
  partially_destroyed_housing: 'destroyed_housing',
  uninhabitable_housing: 'destroyed_housing',
  refugees: 'refugees',
  returns: 'returns',
};

/** Upstream labels (`term_raw`) → the project's fine-grained terms. */
const RAW_ALIAS: Readonly<Record<string, string>> = {
  relief_camp: 'in_relief_camp',
  refugee: 'refugees',
  return: 'returns',
  reintegration: 'returns',
};

export const normTerm = (t: unknown): string =>
  String(t ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** The coarse class of a predicted term, or null when it is not scored (e.g. `evicted`). */
export const predCoarse = (t: unknown): string | null =>
  Object.hasOwn(FINE_TO_COARSE, normTerm(t)) ? FINE_TO_COARSE[normTerm(t)]! : null;

/** The project's fine terms an upstream label stands for (`A|B` when labellers differed). */
export function goldFineTerms(termRaw: unknown): Set<string> {
  const s = new Set<string>();
  for (const part of String(termRaw ?? '').split('|')) {
    let t = normTerm(part);
    if (Object.hasOwn(RAW_ALIAS, t)) t = RAW_ALIAS[t]!;
    if (Object.hasOwn(FINE_TO_COARSE, t)) s.add(t);
  }
  return s;
}

const UNIT_ALIAS: Readonly<Record<string, string>> = {
  person: 'people',
  persons: 'people',
  individuals: 'people',
  household: 'households',
  families: 'households',
  family: 'households',
};

export const normUnit = (u: unknown): string => {
  const x = String(u ?? '')
    .trim()
    .toLowerCase();
  return Object.hasOwn(UNIT_ALIAS, x) ? UNIT_ALIAS[x]! : x;
};

/** The fact's country, else its first location's. */
export function predCountry(f: PredFact): string | null {
  const c =
    f.country ??
    (Array.isArray(f.locations)
      ? f.locations.find((l) => l && typeof l.country === 'string')?.country
      : null);
  return typeof c === 'string' ? c.trim().toUpperCase() : null;
}

/** Case, accents and punctuation folded away, as ISI's place rule compares names. */
export function normName(s: unknown): string {
  return String(s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Any predicted place name and any gold place inside one another, after normalisation. */
export function locationMatch(goldLoc: string, f: PredFact): boolean {
  const gold = String(goldLoc)
    .split(/;\s*/)
    .map(normName)
    .filter((s) => s.length >= 2);
  const names = (Array.isArray(f.locations) ? f.locations : [])
    .map((l) => normName(l?.name))
    .filter((s) => s.length >= 2);
  return gold.some((g) => names.some((n) => g.includes(n) || n.includes(g)));
}

/** Great-circle distance in km (haversine, R = 6371.0088 km). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const R = 6371.0088;
  const r = Math.PI / 180;
  const h =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const ratio = (n: number, d: number): number | null => (d ? n / d : null);
export const f1 = (p: number | null, r: number | null): number | null =>
  p === null || r === null ? null : p + r > 0 ? (2 * p * r) / (p + r) : 0;
