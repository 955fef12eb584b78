// Refugees have two countries: the one they fled and the one that hosts them. "5,000 Sudanese
// refugees in Chad" is origin SDN, country TCD; the demonym names where they came from, not
// where the figure was counted. The origin is read from a demonym just before the trigger
// ("Sudanese refugees", "5,000 Sudanese who fled") or from a place after an origin word
// ("refugees from Syria", "refugees fleeing South Sudan"; lexicon/<lang>/places/origin.json).
import type { Fact, Place } from '../../types.js';
import { loadPlacesLexicon } from '../../geoparse/lexicon.js';

/** How far before the trigger a demonym may stand ("Sudanese refugees", "Sudanese Muslim refugees"). */
const DEMONYM_BEFORE = 30;
/** How far after the trigger the place they fled may stand. */
const FROM_AFTER = 60;

let originRe: RegExp | null = null;

/** "from", "fleeing" …, then at most two words, at the end of the string. */
function fromWordAtEnd(): RegExp {
  if (!originRe) {
    const words = loadPlacesLexicon()
      .originWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
      .sort((a, b) => b.length - a.length);
    originRe = new RegExp(`(?:^|[^\\p{L}])(?:${words.join('|')})\\s+(?:[\\p{L}'’-]+\\s+){0,2}$`, 'iu');
  }
  return originRe;
}

/** The country (ISO3) the fact's refugees came from, or null when the text does not say. */
export function refugeeOrigin(fact: Fact, text: string, places: readonly Place[]): string | null {
  if (fact.term !== 'refugees') return null;
  const [ts, te] = fact.term_span;
  // "fled from Sudan to Chad", "ont fui le Niger vers le Tchad": the crossing names both, origin first.
  const named = places.filter((p) => p.country && p.kind !== 'demonym' && p.start >= ts && p.end <= te);
  if (named.length >= 2 && named[0]!.country !== named[named.length - 1]!.country) return named[0]!.country;
  for (const p of places) {
    if (p.kind !== 'demonym' || !p.country || p.end > ts || ts - p.end > DEMONYM_BEFORE) continue;
    // Only words between the demonym and the trigger, no clause break.
    if (/^[\p{L}\s'’-]*$/u.test(text.slice(p.end, ts)) && p.start >= fact.span[0]) return p.country;
  }
  const from = fromWordAtEnd();
  for (const p of places) {
    if (p.start < te || p.start - te > FROM_AFTER || !p.country || p.start >= fact.span[1]) continue;
    const between = text.slice(te, p.start);
    if (/[.;!?]/.test(between)) break;
    // The origin word may close the trigger itself ("crossed from Ukraine into Poland").
    if (from.test(text.slice(ts, p.start))) return p.country;
  }
  return null;
}
