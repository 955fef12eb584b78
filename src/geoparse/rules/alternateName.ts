// Accept rule: a single word that is no place's own name, only an alternate one ("Part" for
// Perth), is a town only with support, or as a big place (100,000 people) written away from a
// sentence's start, unless the rest of the document is plainly about another country ("floods in
// Bihar … along the Ganga" is India's river, not Azerbaijan's Ganja). A spelling of the town's own
// name after "in", "near"… counts as its name ("in Dhubri" for Dhuburi).
import { normalizeName } from '../normalize.js';
import type { AcceptRule } from './types.js';

const BIG = 100_000;
const VARIANT_TOWN = 5000;
/** The share of the rest of the document's country votes that says it is about another country. */
const ELSEWHERE = 0.6;

/**
 * Is `a` another spelling of `b` ("dhubri" / "dhuburi", "sibsagar" / "sivasagar"), not a
 * translation or an old name: same first letter, five letters or more, at most two edits apart
 * (banded edit distance, so linear in the names' length).
 */
export function spellingVariant(a: string, b: string): boolean {
  if (a.length < 5 || b.length < 5 || a[0] !== b[0] || Math.abs(a.length - b.length) > 2) return false;
  const band = 2;
  let prev = new Array<number>(b.length + 1).fill(band + 1);
  for (let j = 0; j <= Math.min(b.length, band); j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(band + 1);
    if (i <= band) cur[0] = i;
    let best = cur[0] as number;
    for (let j = Math.max(1, i - band); j <= Math.min(b.length, i + band); j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j - 1] as number) + cost, (prev[j] as number) + 1, (cur[j - 1] as number) + 1);
      if ((cur[j] as number) < best) best = cur[j] as number;
    }
    if (best > band) return false;
    prev = cur;
  }
  return (prev[b.length] as number) <= band;
}

export const alternateName: AcceptRule = {
  name: 'alternateName',
  reject({ mention: m, mentions, entry: e, supported, ownName, leadingCountry }) {
    if (e.kind !== 'city' || m.words !== 1 || m.abbreviation || ownName) return null;
    const initialOnly = mentions.every((x) => x.sentenceInitial);
    const variant =
      e.population >= VARIANT_TOWN &&
      mentions.some((x) => x.placeCue) &&
      spellingVariant(m.key, normalizeName(e.name));
    const elsewhere =
      !!leadingCountry && leadingCountry.key !== e.country && leadingCountry.share >= ELSEWHERE;
    return !supported && !variant && (initialOnly || e.population < BIG || elsewhere)
      ? 'alternate name only, without support'
      : null;
  },
};
