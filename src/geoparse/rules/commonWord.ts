// Ranking rule: a one-word name that is also a common word of the document's language ("Como" in
// a Spanish text, "Zone", "Sector", "Mega" in an English one) is that word more often than the
// small place that bears it. It is accepted as a place only with support: written right after a
// locative ("in Zone", "en Como"), said to lie in a place or to contain one ("Como, Italy"), in
// the state of another place of the text or within 150 km of one, in a country the rest of the
// text points to, or a big place (100,000 people) named away from a sentence's start, where the
// capital letter is the name's own. Countries and first-level areas ("Turkey", "Chad",
// "Guinea") are left to the other rules.
import type { GazetteerEntry } from '../gazetteer.js';
import type { Mention } from '../recognize.js';

/** The evidence resolve.ts has for the chosen entry. */
export interface CommonWordSupport {
  /** In the state of another place, or said to contain or lie in one ("Como, Italy"; a comma
   * before any capitalised word, "the Emergency Sector, Police", is not enough). */
  area: boolean;
  /** Distance to the nearest other chosen place, when one is close enough to count. */
  nearKm?: number;
  /** The rest of the document's share of votes for the entry's country. */
  countryShare: number;
  /** Some candidate bears the name as its own, not only as an alternate name ("Name" is one of
   * Namur's): a big place's capital letter is the name's own only then. */
  ownName?: boolean;
}

const NEAR_KM = 150;
const BIG = 100_000;

/** Why the mention is the word and not this place, or null when it may be the place. */
export function commonWord(
  e: GazetteerEntry,
  mentions: readonly Mention[],
  s: CommonWordSupport,
): string | null {
  if (!mentions.every((m) => m.commonWord)) return null;
  if (e.kind !== 'city' && e.kind !== 'admin2') return null;
  if (mentions.some((m) => m.afterLocative) || s.area) return null;
  if (s.nearKm !== undefined && s.nearKm <= NEAR_KM) return null;
  if (s.countryShare >= 0.3) return null;
  if (e.population >= BIG && s.ownName !== false && !mentions.every((m) => m.sentenceInitial)) return null;
  return "a common word of the text's language, without support";
}
