// Contexts that make a place's name part of something else: a byline ("By Jordan Kenya"), a
// personal name with a particle ("Ursula von der Leyen", "Mohammed bin Salman"), an organisation
// named after a place ("Kathmandu Post", "University of Nairobi", "Gaza Civil Defence"), and a
// river, lake or mountain ("Niger River", "Lake Victoria", "lac Tchad"). The word lists are data
// (lexicon/<lang>/places/stopwords.json); recognize.ts sets the cues and resolve.ts / factPlaces.ts
// act on them.
import type { Gazetteer } from './gazetteer.js';
import type { PlacesLexicon } from './lexicon.js';
import type { Token } from './recognize.js';

/** How many name tokens a byline may hold (two authors of three words each, and "and"). */
const BYLINE_MAX = 8;

const lineStart = (text: string, pos: number): boolean => {
  let i = pos - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || text[i] === '\n';
};

/**
 * Token indices inside bylines: "By Jane Doe" at the start of a line, "Reporting by Jane Doe;
 * Editing by John Smith". The names run over capitalised words, particles and "and".
 */
export function bylineTokens(text: string, toks: readonly Token[], lex: PlacesLexicon): Set<number> {
  const out = new Set<number>();
  for (let k = 0; k + 1 < toks.length; k++) {
    const t = toks[k] as Token;
    if (t.norm !== 'by') continue;
    const lead = toks[k - 1];
    const opens =
      (t.cap && lineStart(text, t.start)) ||
      (!t.cap && !!lead && lex.bylineLeads.has(lead.norm) && text.slice(lead.end, t.start) === ' ');
    if (!opens) continue;
    let x = k + 1;
    while (x < toks.length && x - k <= BYLINE_MAX) {
      const cur = toks[x] as Token;
      const gap = text.slice((toks[x - 1] as Token).end, cur.start);
      if (!/^(?: |\. ?|-|['’])$/.test(gap)) break;
      const joiner = !cur.cap && (cur.norm === 'and' || lex.nameParticles.has(cur.norm));
      if (!cur.cap && !joiner) break;
      out.add(x);
      x++;
    }
  }
  return out;
}

/**
 * Is token i a family name after a particle ("von der Leyen", "bin Salman", "al-Sistani",
 * "de Guindos")? The word before the particles must be a given name, or, for the particles
 * that never join place names, any capitalised word that is no place and no area word.
 */
export function afterNameParticle(
  text: string,
  toks: readonly Token[],
  i: number,
  gaz: Gazetteer,
  lex: PlacesLexicon,
): boolean {
  let p = i - 1;
  let romance = false;
  // One or two particles: "von der", "de la" is not listed, "bin", "al-".
  while (p >= 0 && p >= i - 2) {
    const tp = toks[p] as Token;
    if (tp.cap || !lex.nameParticles.has(tp.norm)) break;
    if (!/^[ -]$/.test(text.slice(tp.end, (toks[p + 1] as Token).start))) return false;
    if (lex.romanceParticles.has(tp.norm)) romance = true;
    p--;
  }
  if (p === i - 1 || p < 0) return false;
  const given = toks[p] as Token;
  if (!given.cap || text.slice(given.end, (toks[p + 1] as Token).start) !== ' ') return false;
  if (lex.firstNames.has(given.norm)) return true;
  if (romance) return false;
  return (
    !gaz.startsName(given.norm) &&
    !lex.featureWords.has(given.norm) &&
    !lex.streetWords.has(given.norm) &&
    !lex.notPlaces.has(given.norm) &&
    !lex.titles.has(given.norm) &&
    !lex.demonyms.has(given.norm) &&
    !lex.directional.has(given.norm)
  );
}

/**
 * Is the name [i..j] part of an organisation's name: followed by a newspaper, university, club
 * or relief-body word ("Dhaka Tribune", "Gaza Civil Defence"), or after "University of"?
 */
export function inOrganisationName(
  text: string,
  toks: readonly Token[],
  i: number,
  j: number,
  lex: PlacesLexicon,
): boolean {
  const a = toks[j + 1];
  if (a && a.cap && text.slice((toks[j] as Token).end, a.start) === ' ') {
    if (lex.orgNames.has(a.norm)) return true;
    const b = toks[j + 2];
    if (b && b.cap && text.slice(a.end, b.start) === ' ' && lex.orgNames.has(`${a.norm} ${b.norm}`))
      return true;
  }
  const of = toks[i - 1];
  const head = toks[i - 2];
  return (
    !!of &&
    !!head &&
    // A capitalised organisation head ("University of", "Defensoría del") or an office's title in
    // any case ("la defensora del Pueblo").
    ((head.cap && lex.orgOf.has(head.norm)) || lex.orgOfTitles.has(head.norm)) &&
    (of.norm === 'of' || of.norm === 'de' || of.norm === 'del') &&
    text.slice(head.end, of.start) === ' ' &&
    text.slice(of.end, (toks[i] as Token).start) === ' '
  );
}

/**
 * Whether the name at token i is that of a river, lake or mountain: a capitalised landform word
 * after it ("Niger River", "Nuba Mountains"), or a landform word before it, of any case in the
 * Romance languages' style ("Lake Victoria", "Mount Kenya", "lac Tchad", "río Cauca"), or before
 * "of" ("Gulf of Mexico", "golfo de México").
 */
export function landformAround(
  text: string,
  toks: readonly Token[],
  i: number,
  head: Token | undefined,
  headGap: string,
  lex: PlacesLexicon,
): boolean {
  if (head && headGap === ' ' && lex.landformsAfter.has(head.norm)) return true;
  const prev = toks[i - 1];
  const first = toks[i] as Token;
  if (!prev || text.slice(prev.end, first.start) !== ' ') return false;
  if (lex.landformsBefore.has(prev.norm) && wholeWord(text, prev)) return true;
  const lead = toks[i - 2];
  return (
    (prev.norm === 'of' || prev.norm === 'de' || prev.norm === 'du') &&
    !!lead &&
    text.slice(lead.end, prev.start) === ' ' &&
    lex.landformsOf.has(lead.norm) &&
    wholeWord(text, lead)
  );
}

/** A token that is a word of its own, not the tail of one broken by a stray character ("arquip\ufffdlago"). */
function wholeWord(text: string, t: Token): boolean {
  return !/[\p{L}\p{N}\ufffd]/u.test(text[t.start - 1] ?? ' ');
}
