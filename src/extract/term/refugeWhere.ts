// "took refuge in schools", "trouvé refuge dans des églises", "with relatives": people staying in a
// shelter or with hosts. But a refuge named by a town, a site's surroundings or nothing at all tells
// where people fled, not where they are sheltered: "11,000 people have sought refuge since the
// fighting began", "taking refuge in Saraf Omra town", "trouvé refuge à Ouro Gueladjo", "near the
// team site": the real-text labellers count them displaced. A named camp stays a stay ("took refuge
// in Zam Zam camp"). Applies to the refuge phrases only (the word of `lex.refuge.words` in the
// trigger), not to shelter verbs; "shelter" sought in a named town ("sought shelter in Cachar")
// counts displaced too, but sought alone it stays a stay (`named_only`).
// A town or region named by its common noun ("in various regions", "dans les villes voisines")
// is a flight too, and people of a nation sheltering in a country (`in_country`: "Burundian refugees
// are sheltering in Tanzania") are refugees there.
import type { Lexicon } from '../lexicon.js';
import type { Link } from '../link.js';
import type { Token } from '../segment/tokens.js';
import { countryAt } from './crossing.js';
import { foreignTownAt } from './foreignTown.js';
import { countsNationals } from './nationals.js';

/** Words a named place may take before its camp or shelter noun: "Rwanda camp", "Zam Zam IDP camp". */
const NAME_REACH = 4;
/** How far before the figure a site may name where a bare refuge was found. */
const SITE_BEFORE = 12;
/** Articles and determiners after the preposition: "in the church", "dans des écoles". */
const ARTICLES = new Set([
  'the',
  'a',
  'an',
  'el',
  'la',
  'los',
  'las',
  'un',
  'una',
  'le',
  'les',
  'des',
  'une',
  "l'",
]);

/** Words of a time crossed between the word of refuge and its place, at most. */
const TIME_REACH = 3;
/** Words of what was fled crossed before the place, at most ("from Hurricane Irma"). */
const ESCAPE_REACH = 4;
/** Words from the article to a town's noun, at most ("in various remote regions"). */
const TOWN_REACH = 3;

/** Whether the run of time words at k ends on a place preposition (not "sought refuge on the island"). */
function isTimeRun(tokens: readonly Token[], k: number, lex: Lexicon): boolean {
  let j = k;
  while (j < k + TIME_REACH && lex.refuge.times.has(tokens[j]?.norm ?? '')) j++;
  return (
    j > k &&
    lex.refuge.prepositions.has(tokens[j]?.norm ?? '') &&
    !lex.refuge.prepositions.has(tokens[j - 1]!.norm)
  );
}

export function refugeWhere(tokens: readonly Token[], link: Link, lex: Lexicon): Link {
  const { words, namedOnly } = lex.refuge;
  if (link.term !== 'sheltered') return link;
  const last = tokens[link.trigger.next - 1]?.norm ?? '';
  // "240,000 Burundian refugees are sheltering in Tanzania", "Lebanese sheltered in Syria": people of
  // a nation or refugees sheltering in a country are there as refugees, not in a shelter ("55.3K
  // People sheltered in Honduras" after a storm are in shelters).
  if (lex.refuge.inCountry.has(last) && lex.refuge.prepositions.has(tokens[link.trigger.next]?.norm ?? '')) {
    const k = link.trigger.next + 1;
    const norms = tokens.map((x) => x.norm);
    const nation = countsNationals(norms, lex) || norms.some((w) => lex.borderContext.has(w));
    return nation && countryAfter(norms, ARTICLES.has(norms[k] ?? '') ? k + 1 : k, lex)
      ? { ...link, term: 'refugees' }
      : link;
  }
  if (!link.trigger.entry.words.some((w) => words.has(w) || namedOnly.has(w))) return link;
  // The phrase must end on the word of refuge: longer phrases ("refuge in schools") say where
  // already. It may end on the preposition of its place: "se refugiaron en [los cerros]".
  const before = tokens[link.trigger.next - 2]?.norm ?? '';
  const onPreposition = lex.refuge.prepositions.has(last) && words.has(before);
  const word = onPreposition ? before : last;
  if (!words.has(word) && !namedOnly.has(word)) return link;
  // A time between the word of refuge and its place: "trouvé refuge mercredi dans les écoles",
  // "sought refuge on Wednesday in schools", "se refugiaron el martes en escuelas".
  let k = onPreposition ? link.trigger.next - 1 : link.trigger.next;
  for (
    let n = 0;
    n < TIME_REACH && lex.refuge.times.has(tokens[k]?.norm ?? '') && isTimeRun(tokens, k, lex);
    n++
  )
    k++;
  // "taken refuge from Irma in 260 state shelters": what was fled stands before the place, which
  // counts only when it is a site ("sought refuge from the militants in early August" is a flight).
  if (lex.refuge.escapes.has(tokens[k]?.norm ?? ''))
    for (let j = k + 1; j <= k + ESCAPE_REACH && tokens[j]?.kind === 'word'; j++)
      if (lex.refuge.prepositions.has(tokens[j]!.norm)) {
        if (siteAfter(tokens, j + 1, lex)) return link;
        break;
      }
  if (!lex.refuge.prepositions.has(tokens[k]?.norm ?? '')) {
    // "sought shelter" alone says nothing of where; only a named town makes it a flight.
    if (namedOnly.has(word)) return link;
    // "234 relief camps …, where 20,047 people have sought refuge": the site may come before.
    const lead = Math.min(link.figure.quantity.lead, link.trigger.first);
    for (let j = Math.max(0, lead - SITE_BEFORE); j < lead; j++)
      if (lex.refuge.sites.has(tokens[j]!.norm)) return link;
    return { ...link, term: 'displaced' };
  }
  k++;
  if (ARTICLES.has(tokens[k]?.norm ?? '')) k++;
  // "in the Rwandan town of Gisenyi", for Congolese: another nationality's town is across a border.
  if (foreignTownAt(tokens.map((x) => x.norm), k, link.figure, lex)) return { ...link, term: 'refugees' };
  // "taken refuge in eastern Chad", "in neighbouring Uganda": a country, whatever part of it, is
  // across a border, as the phrase naming the country right after the preposition says.
  const lead = tokens[k]?.norm ?? '';
  if ((lex.compass.has(lead) || lex.crossingNeighbours.has(lead)) && countryAfter(tokens.map((x) => x.norm), k, lex))
    return { ...link, term: 'refugees' };
  // "sought refuge in various regions outside of Nduga", "dans les villes voisines": refuge in a
  // town or region, named or not, is where people fled; "in the city's stadium" is a site of it.
  // Shelter found "in villages near the dam, in Buddhist monasteries" stays a stay.
  if (!namedOnly.has(word))
    for (let j = k; j < Math.min(tokens.length, k + TOWN_REACH); j++) {
      const w = tokens[j]!;
      if (w.kind !== 'word' || lex.refuge.sites.has(w.norm)) break;
      if (lex.refuge.towns.has(w.norm) && !/^['’]/.test(tokens[j + 1]?.text ?? ''))
        return { ...link, term: 'displaced' };
    }
  const t = tokens[k];
  if (!t || t.kind !== 'word' || !/^\p{Lu}/u.test(t.text)) return link;
  // A capitalised name: a camp or shelter of that name is a stay; a town or village is not.
  // Shelter sought at a place is most often a building's ("at Kachin Baptist and Roman Catholic
  // churches"): its site noun is looked for further.
  // A long name reaches its site noun at its end, or right after it: "at Sikka's Regional People's
  // Representative Council (DPRD) Office", "in the Malakal Protection of Civilians site".
  const reach = Math.max(namedOnly.has(word) ? 2 * NAME_REACH : NAME_REACH, nameEnd(tokens, k) + 2 - k);
  for (let j = k; j < Math.min(tokens.length, k + reach); j++)
    if (lex.refuge.sites.has(tokens[j]!.norm)) return link;
  return { ...link, term: 'displaced' };
}

/** Whether a site's noun follows at k, past an article and a few words ("in 260 state shelters"). */
function siteAfter(tokens: readonly Token[], k: number, lex: Lexicon): boolean {
  const from = ARTICLES.has(tokens[k]?.norm ?? '') ? k + 1 : k;
  for (let j = from; j < Math.min(tokens.length, from + NAME_REACH); j++) {
    if (tokens[j]!.kind !== 'word' && tokens[j]!.kind !== 'number') return false;
    if (lex.refuge.sites.has(tokens[j]!.norm)) return true;
  }
  return false;
}

/** Whether a country is named at k, past a compass point and a word of neighbours ("in neighbouring Uganda"). */
function countryAfter(norms: readonly string[], k: number, lex: Lexicon): boolean {
  let at = k;
  if (lex.compass.has(norms[at] ?? '')) at++;
  if (lex.crossingNeighbours.has(norms[at] ?? '')) at++;
  return countryAt(norms, at, lex);
}

/** The most tokens of a building's proper name. */
const LONG_NAME = 16;
/** Lower-case words inside a proper name: "Ministry of Health", "Casa de la Cultura". */
const NAME_PARTICLES = new Set(['of', 'the', 'and', 'de', 'del', 'la', 'du', 'des', 'et', 'y', 's']);

/** The last token of the capitalised name starting at k, through possessives and a bracketed acronym. */
function nameEnd(tokens: readonly Token[], k: number): number {
  let end = k;
  for (let j = k + 1; j < Math.min(tokens.length, k + LONG_NAME); j++) {
    const t = tokens[j]!;
    if (t.text === '(' && tokens[j + 2]?.text === ')') {
      j += 2;
      continue;
    }
    if (t.kind === 'word' && /^\p{Lu}/u.test(t.text)) end = j;
    else if (!(t.text === "'" || t.text === '’' || NAME_PARTICLES.has(t.norm))) break;
  }
  return end;
}
