// "75 evacuation centres are open in the Western Division with 2,530 evacuees", "the town's
// evacuation centre provides a roof and bed to 60 evacuees", "449 evacuees in the centres": people
// counted by a noun of evacuees in a clause that names the shelters holding them are counted where
// they stay too (analysts record them as sheltered, often as that alone). A count of evacuees with
// another figure between it and the shelters ("1.4 million evacuees, … 150,000 … still remain in
// evacuation centres") is no such count: the other figure is the one sheltered.
// So are evacuees or displaced people a host takes in, no shelter named: "the University of Regina
// hosted over 450 evacuees", "host families are hosting 20 displaced people" (`displaced_hosts`).
import type { Term } from '../../types.js';
import { type Lexicon, matchesAt } from '../lexicon.js';
import type { Figure, Link } from '../link.js';
import type { Token } from '../segment/tokens.js';

/** The reason of the agent noun "evacuee(s)" (families.json). */
const EVACUEE_NOUN = /:agent:evacuee/;

/** Terms of people who left home, whom a host takes in. */
const TAKEN_IN = new Set<Term>(['evacuated', 'displaced', 'forced_to_flee', 'homeless']);
/** Tokens between a host verb and the figure: "hosted [over]", "took in [some]". */
const HOST_REACH = 3;

/**
 * Whether a verb of `displaced_hosts` ends within reach before the figure's first token, with a
 * host for subject. A place hosting them ("Marib hosts 2 million IDPs", "Djibo town hosted 266,000")
 * tells where they live, not that anyone shelters them.
 */
function hostedBefore(
  tokens: readonly Token[],
  norms: readonly string[],
  lead: number,
  lex: Lexicon,
): boolean {
  for (let k = Math.max(0, lead - HOST_REACH - 2); k < lead; k++)
    if (
      lex.siteHosts.displacedHosts.some((v) => matchesAt(norms, k, v) && lead - (k + v.length) <= HOST_REACH)
    )
      return !placeSubject(tokens, norms, k, lex);
  return false;
}

/** Words between a host verb and its subject: "which [already] hosted", "are [now] hosting". */
const SUBJECT_REACH = 4;

/** Whether the subject before the verb at `verb` is a place: a name with no site word, or an area noun. */
function placeSubject(
  tokens: readonly Token[],
  norms: readonly string[],
  verb: number,
  lex: Lexicon,
): boolean {
  let k = verb - 1;
  while (k >= 0 && verb - k <= SUBJECT_REACH && !/\p{L}/u.test(tokens[k]!.text)) k--;
  while (
    k >= 0 &&
    verb - k <= SUBJECT_REACH &&
    (lex.auxiliaries.has(norms[k]!) ||
      lex.relatives.has(norms[k]!) ||
      lex.fillers.has(norms[k]!) ||
      tokens[k]!.text === ',')
  )
    k--;
  const t = tokens[k];
  if (!t) return false;
  // "the province hosts", "une localité qui accueille", "la provincia alberga a": a place by its noun.
  if (lex.internalAreas.has(norms[k]!) || lex.population.places.has(norms[k]!)) return true;
  if (!/^\p{Lu}/u.test(t.text)) return false;
  // A name: "University of Regina" is a host, "Tawila" or "Ma’rib Governorate" a place.
  for (let j = k; j >= 0 && (/^\p{Lu}/u.test(tokens[j]!.text) || norms[j] === 'of'); j--)
    if (lex.refuge.sites.has(norms[j]!) || lex.siteHosts.hostNames.has(norms[j]!)) return false;
  return true;
}

/** How many tokens may stand between the count of evacuees and the shelters' name, either side. */
const SHELTER_REACH = 12;

export function evacueesSheltered(
  tokens: readonly Token[],
  norms: readonly string[],
  links: readonly Link[],
  figures: readonly Figure[],
  lex: Lexicon,
): Link[] {
  const out: Link[] = [];
  for (const link of links) {
    // The noun of evacuees only: "1,000 people evacuated" tells what happened to them, not where they
    // are; a host verb takes in displaced people too ("hosting 20 displaced people").
    if (link.direction !== 'adjacent') continue;
    const evacuees = link.term === 'evacuated' && EVACUEE_NOUN.test(link.trigger.entry.reason);
    if (
      !evacuees &&
      !(TAKEN_IN.has(link.term) && hostedBefore(tokens, norms, link.figure.quantity.lead, lex))
    )
      continue;
    if (links.some((l) => l.figure === link.figure && lex.stayingTerms.has(l.term))) continue;
    const q = link.figure.quantity;
    const shelter = shelterNear(norms, q.lead, Math.max(q.next, link.trigger.next), figures, lex);
    if (shelter === null && !hostedBefore(tokens, norms, q.lead, lex)) continue;
    out.push({ ...link, term: 'sheltered' as Term, score: link.score - 0.1, coordinated: true });
  }
  return [...links, ...out];
}

/** Where a shelter's name starts within reach of [lead, next) in the same clause, or null. */
function shelterNear(
  norms: readonly string[],
  lead: number,
  next: number,
  figures: readonly Figure[],
  lex: Lexicon,
): number | null {
  const other = (k: number) =>
    figures.some(
      (f) =>
        f.quantity.lead <= k && k < f.quantity.next && !(f.quantity.lead >= lead && f.quantity.next <= next),
    );
  const breaks = (w: string) => w === '.' || w === ';' || lex.clauseBreaks.has(w);
  // After the count: "449 evacuees in the centres".
  for (let k = next; k < Math.min(norms.length, next + SHELTER_REACH); k++) {
    if (breaks(norms[k]!) || (other(k) && !siteCount(norms, k, lex))) break;
    if (shelterAt(norms, k, lex)) return k;
  }
  // Before it: "75 evacuation centres are open … with 2,530 evacuees".
  for (let k = lead - 1; k >= Math.max(0, lead - SHELTER_REACH); k--) {
    if (breaks(norms[k]!) || (other(k) && !siteCount(norms, k, lex))) break;
    if (shelterAt(norms, k, lex)) return k;
  }
  return null;
}

/** A shelter's name at k: a name of several words ("evacuation centres") or a word of a site of refuge ("centres", "schools"). */
function shelterAt(norms: readonly string[], k: number, lex: Lexicon): boolean {
  if (lex.siteHosts.shelters.some((s) => s.length > 1 && s.every((w, j) => norms[k + j] === w))) return true;
  // Not the place they left: "evacuees from the [burning] building".
  return lex.refuge.sites.has(norms[k]!) && ![1, 2, 3].some((j) => ORIGINS.has(norms[k - j] ?? ''));
}

/** Prepositions of the place left, before a site's name or its article. */
const ORIGINS = new Set(['from', 'de', 'des', 'du', 'del']);

/** The count of the shelters themselves ("75 evacuation centres"): the figure before a shelter's name. */
function siteCount(norms: readonly string[], k: number, lex: Lexicon): boolean {
  for (let j = k + 1; j <= k + 3 && j < norms.length; j++) if (shelterAt(norms, j, lex)) return true;
  return false;
}
