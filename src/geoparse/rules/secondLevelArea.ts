// Ranking rule: second-level areas known by name only (feature code ADM2N: GeoNames admin2 names
// that no town or larger area bears, e.g. "Kurram", "Orakzai", "Keserwan"). Tens of thousands of
// them worldwide include English words and family names ("Time", "Light", "Jansen"), so one is
// accepted only when the text supports it: the area word is written ("Kurram Agency", "Haram
// district"), or the document's countries, states or nearby places point to it, or every mention
// follows "in", "near"… without looking like a person's name.
import type { GazetteerEntry } from '../gazetteer.js';
import type { Mention } from '../recognize.js';
import { normalizeName } from '../normalize.js';

export const NAME_ONLY_AREA = 'ADM2N';

/** Why the mention is not this area, or null when it may be. */
export function secondLevelArea(
  e: GazetteerEntry,
  mentions: readonly Mention[],
  supported: boolean,
): string | null {
  if (e.featureCode !== NAME_ONLY_AREA) return null;
  // The area word was written: absorbed ("Haram district") or part of the name ("Kurram Agency").
  const own = normalizeName(e.name).split(' ').length;
  // With the area word written, the document must still point there or a place word precede
  // it: "Giza's Haram district" is not Norway's Haram.
  const worded = mentions.some((m) => m.feature || m.key.split(' ').length > own);
  if (worded && (supported || mentions.some((m) => m.placeCue))) return null;
  const personLike = mentions.some((m) => m.surname || m.personVerb || m.familyName || m.person);
  const word = mentions.some((m) => m.lowercaseElsewhere);
  if (supported && !personLike && !word && !mentions.every((m) => m.sentenceInitial)) return null;
  if (mentions.every((m) => m.placeCue && !m.lowercaseElsewhere) && !personLike) return null;
  return 'second-level area name without support';
}
