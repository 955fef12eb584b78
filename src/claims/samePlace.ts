// Whether two facts are about the same place, or one place containing the other: the same
// country, and then either one is filed only at country level, or both in one first-level
// area where one is the area itself, the same named place, or places a few kilometres apart
// (one town under two spellings or gazetteer entries).
import { distanceKm } from '../events/distance.js';

export interface PlaceOf {
  country: string | null;
  admin1: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
}

/** Two locality entries closer than this are one place for corroboration. */
export const SAME_PLACE_KM = 15;

function isAreaLevel(p: PlaceOf): boolean {
  return p.location === null || p.admin1 === null || p.location === p.admin1;
}

export function samePlace(a: PlaceOf, b: PlaceOf): boolean {
  if (a.country !== b.country) return false;
  if (a.admin1 === null || b.admin1 === null) return true;
  if (a.admin1 !== b.admin1) return false;
  if (isAreaLevel(a) || isAreaLevel(b)) return true;
  if (a.location === b.location) return true;
  const d = distanceKm(a, b);
  return d !== null && d <= SAME_PLACE_KM;
}
