// "Some 42 evacuation centres are open across the province, accommodating 9,870 people", "The
// Bamenda transit camp, on the edge of town, received 650 families", "el albergue municipal
// acoge a 300 personas", "les centres d'hébergement abritent 3 000 sinistrés": a shelter or camp
// that hosts, houses or receives a number of people counts people sheltered (in a camp), however
// far the verb stands from its subject within the clause. The fixed phrases of families.json
// ("evacuation centres host") cover the subject right before the verb; this covers the rest.
import type { Lexicon } from '../lexicon.js';
import { endsOf, matchesAt, startingWith } from '../lexicon.js';
import type { Token } from '../segment/tokens.js';
import { findNoun } from '../quantity/noun.js';
import { isTransientPeople } from '../learned/cues.js';
import type { Term } from '../../types.js';
import { impliedEntry, type Trigger } from './triggers.js';

/** Tokens between the verb and the figure: "accommodating [about]", "received [some]". */
const FIGURE_REACH = 3;
/** Tokens between the site and its verb: "transit camp, on the edge of town, received". */
const SITE_REACH = 12;

export function siteHostTriggers(tokens: readonly Token[], lex: Lexicon): Trigger[] {
  const { verbs, withs, shelters, camps } = lex.siteHosts;
  if (verbs.length === 0) return [];
  const norms = tokens.map((t) => t.norm);
  const out: Trigger[] = [];
  for (let i = 1; i < norms.length; i++) {
    // "59 evacuation centres with 767 people", "Al-Salam camp with 45,000": a bare "with" hosts only
    // right after the site.
    const bare = startingWith(withs, norms[i]).find((v) => matchesAt(norms, i, v));
    const verb = bare ?? startingWith(verbs, norms[i]).find((v) => matchesAt(norms, i, v));
    if (!verb) continue;
    // "living with host families": after a preposition or article the one-word verb is a noun.
    if (!bare && verb.length === 1 && lex.siteHosts.nounBefore.has(norms[i - 1]!)) continue;
    const next = i + verb.length;
    if (!countsPeople(tokens, next, lex)) continue;
    // "serving as an emergency shelter for 480 people": the verb phrase names the shelter itself.
    const named = shelters.some((s) => s.length === 1 && s[0] === verb[0]);
    const term = named ? 'sheltered' : siteBefore(tokens, norms, i, shelters, camps, lex, bare ? 1 : SITE_REACH);
    if (!term) continue;
    out.push({
      entry: impliedEntry(norms.slice(i, next), term, 'active', `${term}:site-host`),
      first: i,
      next,
      namesHousing: false,
    });
    i = next - 1;
  }
  return out;
}

/** A figure within reach after the verb that counts people or families: not "received 35 dogs". */
function countsPeople(tokens: readonly Token[], from: number, lex: Lexicon): boolean {
  const at = tokens.slice(from, from + FIGURE_REACH + 1).findIndex((t) => t.kind === 'number');
  if (at < 0) return false;
  let k = from + at;
  const skipNumber = () => {
    while (tokens[k] && (tokens[k]!.kind === 'number' || lex.scales.has(tokens[k]!.norm))) k++;
  };
  skipNumber();
  // "are home to 181 and 220 households": two figures share the noun after the second.
  if (lex.coordinators.has(tokens[k]?.norm ?? '') && tokens[k + 1]?.kind === 'number') {
    k++;
    skipNumber();
  }
  const noun = findNoun(tokens, k, lex);
  // "accueillent 600 élèves": a school's pupils are no evacuees.
  if (noun && tokens.slice(noun.first, noun.next).some((t) => isTransientPeople(t.norm))) return false;
  return noun?.kind === 'people' || noun?.kind === 'households';
}

/** The term of the shelter or camp ending within reach before the verb at `verb`, in its clause. */
function siteBefore(
  tokens: readonly Token[],
  norms: readonly string[],
  verb: number,
  shelters: readonly string[][],
  camps: readonly string[][],
  lex: Lexicon,
  reach: number,
): Term | null {
  const campEnds = endsOf(camps);
  const shelterEnds = endsOf(shelters);
  for (let k = verb - 1; k >= Math.max(0, verb - reach); k--) {
    const t = tokens[k]!;
    if (t.text === '.' || t.text === ';' || lex.clauseBreaks.has(t.norm)) return null;
    const ends = (list: readonly (readonly string[])[]) => list.some((s) => matchesAt(norms, k - s.length + 1, s));
    if (ends(campEnds(norms[k]))) return 'in_relief_camp';
    if (ends(shelterEnds(norms[k]))) return 'sheltered';
  }
  return null;
}

/** The most words of a site's name after its noun: "le camp de [Laylan]", "el albergue de [San José]". */
const SITE_NAME = 3;
/** Words joining a site's noun to its name. */
const NAME_OF = new Set(['of', 'de', 'del', 'du']);

/** Where a site's noun would end before the name that ends at `at` ("camp [de Laylan]"); `at` when no name is there. */
function beforeName(tokens: readonly Token[], norms: readonly string[], at: number): number {
  let k = at - 1;
  while (k > at - 1 - SITE_NAME && tokens[k]?.kind === 'word' && /^\p{Lu}/u.test(tokens[k]!.text)) k--;
  return k < at - 1 && NAME_OF.has(norms[k] ?? '') ? k : at;
}

/** Tokens between the people's noun and their verb of staying: "4,000 people [are] living". */
const STAY_REACH = 3;

/**
 * "the transit camp, where about 4,000 people are living", "el albergue, donde permanecen 300
 * personas", "le site, où vivent 2 000 déplacés": a relative clause of place after a camp or
 * shelter, whose people stay there, counts them in it. The verb of staying must be in the clause:
 * "the camp, where 40 people died" counts no one staying.
 */
export function siteWhereTriggers(tokens: readonly Token[], lex: Lexicon): Trigger[] {
  const { openers, stays } = lex.siteHosts.where;
  if (openers.size === 0) return [];
  const norms = tokens.map((t) => t.norm);
  const out: Trigger[] = [];
  for (let i = 1; i < norms.length; i++) {
    if (!openers.has(norms[i]!)) continue;
    const site = norms[i - 1] === ',' ? i - 1 : i;
    // The site noun may take one modifier before the comma: "el polideportivo [municipal], donde",
    // or its name: "le camp [de Laylan], où".
    const term =
      siteBefore(tokens, norms, site, lex.siteHosts.shelters, lex.siteHosts.camps, lex, 2) ??
      siteBefore(tokens, norms, beforeName(tokens, norms, site), lex.siteHosts.shelters, lex.siteHosts.camps, lex, 1);
    if (!term) continue;
    // The verb of staying, before the figure ("donde permanecen 300") or after its noun.
    const clause = norms.slice(i + 1, i + 1 + FIGURE_REACH + STAY_REACH + 3);
    const end = clause.findIndex((w) => w === ',' || w === '.' || w === ';');
    const within = end < 0 ? clause : clause.slice(0, end);
    // A verb of staying of one word or more: "permanecen", "pasan la noche", "passent la nuit".
    let length = 0;
    const stay = within.findIndex((_, k) => (length = stayAt(within, k, stays)) > 0);
    // The people counted come after the opener, or after a verb of staying that opens the clause.
    if (stay < 0 || !countsPeople(tokens, i + 1 + (stay === 0 ? length : 0), lex)) continue;
    // A verb of staying before its subject ("où vivaient 432 personnes") is part of the phrase.
    // Its figure may take a qualifier: "donde se encuentran refugiadas al menos 6.000 familias".
    const after = i + 1 + length;
    const qualifier = lex.qualifiersBefore.find((q) => q.words.every((w, j) => norms[after + j] === w));
    const verbFirst = stay === 0 && tokens[after + (qualifier?.words.length ?? 0)]?.kind === 'number';
    const next = verbFirst ? i + 1 + length : i + 1;
    out.push({
      entry: impliedEntry(norms.slice(i, next), term, 'active', `${term}:site-where`),
      first: i,
      next,
      namesHousing: false,
    });
  }
  return out;
}

/** How many words of a verb of staying start at `k` (the longest listed), or 0. */
function stayAt(words: readonly string[], k: number, stays: ReadonlySet<string>): number {
  let best = 0;
  for (const s of stays) {
    const parts = s.split(' ');
    if (parts.length > best && parts.every((w, j) => words[k + j] === w)) best = parts.length;
  }
  return best;
}

/** The sentence's triggers with its site hosts, which replace the triggers they overlap ("hosts" as a bare verb). */
export function withSiteHosts(found: Trigger[], tokens: readonly Token[], lex: Lexicon): Trigger[] {
  // A camp hosting a nationality's people counts refugees (hosted.ts): "le camp accueillait 6000 Soudanais".
  const hosts = [...siteHostTriggers(tokens, lex), ...siteWhereTriggers(tokens, lex)].filter(
    (h) =>
      !found.some(
        (t) => t.entry.reason.endsWith(':hosted-nationals') && t.first < h.next && h.first < t.next,
      ),
  );
  if (hosts.length === 0) return found;
  return [...found.filter((t) => !hosts.some((h) => t.first < h.next && h.first < t.next)), ...hosts].sort(
    (a, b) => a.first - b.first,
  );
}
