// Counts of camps and shelters, not of the people in them: a camp or shelter noun before the level
// verb that hands a figure over ("relief camps had been increased from 84 to 88"), or a figure's own
// noun ("the nearly 900 collective shelters"). The count head of a frame naming sites is in
// countFrame.ts; the linker (link.ts) drops such figures.
import { matchesAt, startingWith, type Lexicon } from './lexicon.js';
import type { Token } from './segment/tokens.js';
import type { Trigger } from './term/triggers.js';
import { levelVerbEndsAt } from './countFrame.js';

/**
 * "relief camps had been increased from 84 to 88", "(camps increased from 391 to 435)": a camp or
 * shelter noun before the level verb that hands a figure over counts the sites, not people in them.
 */
export function sitesLevel(norms: readonly string[], r: Trigger, lead: number, lex: Lexicon): boolean {
  // Not the place of counted people: "the number of people in relief camps has risen to 5,000".
  // The sites may be named by whom they hold: "le nombre de camps de déplacés est passé à 20".
  const before = norms[r.first - 1] ?? '';
  const heldBy = lex.partitives.has(before) && lex.refuge.sites.has(norms[r.first - 2] ?? '');
  if (r.next > lead || !(isSite(norms, r, lex) || heldBy)) return false;
  // Nor the population of sites: "la population des camps est passée à 4 500" counts people.
  if (r.entry.words.some((w) => lex.countNouns.has(w))) return false;
  // Nor people in sites ("those in shelters had declined to 5,435", "families in 47 accommodation
  // centres amounted to a thousand"): the stay's own preposition, or sites counted already.
  const stay = r.entry.words.some((w) => lex.refuge.prepositions.has(w)) || /^\d/.test(before);
  // The words describing the sites stand between them and that preposition: "the number of people
  // at different evacuation centers has ballooned to 44,000".
  let k = r.first - 1;
  while (k > 0 && (lex.siteModifiers.words.has(norms[k]!) || lex.siteModifiers.articles.has(norms[k]!))) k--;
  const held = norms[k] ?? '';
  if (!heldBy && (stay || lex.refuge.prepositions.has(held) || lex.nouns.people.has(held) || lex.nouns.pronouns.has(held)))
    return false;
  const level = (v: readonly string[]) => levelVerbEndsAt(norms, lead, v, lex.levelAdverbs);
  return lex.levelVerbs.some(level) || lex.levelChanges.some((c) => level(c.from) || level(c.to));
}

export const isSite = (norms: readonly string[], r: Trigger, lex: Lexicon) =>
  (r.entry.term === 'in_relief_camp' || r.entry.term === 'sheltered') && lex.refuge.sites.has(norms[r.next - 1]!);

/**
 * "the nearly 900 government-established collective shelters", "44 new IDP camps": a camp or
 * shelter trigger that is the figure's own noun counts the sites.
 */
export function countsOwnSites(norms: readonly string[], r: Trigger, next: number, lex: Lexicon): boolean {
  // The figure is sites by a copula too: "Of those, 45 are Designated Emergency Shelters".
  const from = lex.predicateCopulas.has(norms[next] ?? '') ? next + 1 : next;
  if (!isSite(norms, r, lex) || r.first < from || r.first - from > SITE_MODIFIERS) return false;
  for (let k = from; k < r.next - 1; k++) {
    const w = norms[k]!;
    const functional = lex.functionWords.has(w) || lex.fillers.has(w) || lex.auxiliaries.has(w);
    // People right before the site noun name whom it holds: "11 informal [IDP] sites".
    const holder = lex.refuge.sites.has(norms[k + 1]!);
    const person = (lex.nouns.people.has(w) || lex.nouns.households.has(w)) && !holder;
    if (!/^\p{L}/u.test(w) || functional || person || lex.refuge.prepositions.has(w)) return false;
  }
  return true;
}

/** The longest bracket between a people noun and the sites it names: "(IDPs)", "(PDIs)". */
const NOUN_BRACKET = 3;

/**
 * "19 internally displaced persons (IDPs) hosting sites", "12 IDPs hosting sites", "two new IDP
 * hosting sites": a people noun that is the figure's own (after words describing sites), then a
 * bracket or a host word, then a site noun, names whom the sites hold; the figure counts the sites.
 */
export function agentNamesSites(norms: readonly string[], r: Trigger, next: number, lex: Lexicon): boolean {
  if (r.entry.form !== 'agent' || r.first < next) return false;
  // Words that describe the sites may come first: "Two [new] IDP hosting sites".
  for (let j = next; j < r.first; j++) if (!lex.siteModifiers.words.has(norms[j]!)) return false;
  let k = r.next;
  let marked = false;
  // The people's possessive: "10 internally displaced people's (IDP) camps".
  const owner = norms[k] ?? '';
  if (/'s?$/.test(owner) && lex.nouns.people.has(owner.replace(/'s?$/, ''))) k++;
  if (norms[k] === '(') {
    const close = norms.indexOf(')', k);
    if (close < 0 || close - k > NOUN_BRACKET + 1) return false;
    k = close + 1;
    marked = true;
  }
  if (lex.siteHosts.verbs.some((v) => v.length === 1 && v[0] === norms[k])) {
    k++;
    marked = true;
  }
  // A plural noun: "(IDPs) camp in the open" is their verb.
  const site = norms[k] ?? '';
  return marked && lex.refuge.sites.has(site) && site.endsWith('s');
}

/** Words between a figure and the site noun it counts: "900 [government-established collective] shelters". */
const SITE_MODIFIERS = 3;


/** Words of a place name between a bare figure and the bracket of the people its sites host. */
const PLACE_WORDS = 4;

/**
 * "Accommodation centres were opened, 12 in Buzi (hosting 4,464 individuals), 8 in Nhamatanda
 * (hosting 5,060 individuals)": a figure without a noun of its own, placed and followed by a bracket
 * that tells whom it hosts, counts the sites; the people are the bracket's figure.
 */
export function hostsInBracket(tokens: readonly Token[], norms: readonly string[], next: number, lex: Lexicon): boolean {
  let k = next;
  if (lex.itemPrepositions.has(norms[k] ?? '')) {
    k++;
    const start = k;
    while (k - start < PLACE_WORDS && /^\p{Lu}/u.test(tokens[k]?.text ?? '')) k++;
    if (k === start) return false;
  }
  if (tokens[k]?.text !== '(') return false;
  k++;
  const { verbs, withs } = lex.siteHosts;
  const verb = [...startingWith(verbs, norms[k]), ...startingWith(withs, norms[k])].find((v) => matchesAt(norms, k, v));
  return verb !== undefined && tokens[k + verb.length]?.kind === 'number';
}
