// "47 newly displaced families (about 860 people) arrived at El Salam camp", "clashes have displaced
// around 14,000 civilians to the UNMISS base": people who fled or were displaced to a site named
// in the clause stay there; they are counted in a camp (or a shelter) as well as displaced. Only a
// named site (a capitalised name before the site's noun) counts: "to camps" alone is a stay phrase
// the lexicon reads already, and "to the town" is no site. People counted by their displacement
// noun right after a site's host verb ("camps are sheltering 60,000 IDPs") are in it too.
import type { Term } from '../../types.js';
import type { Lexicon } from '../lexicon.js';
import { matchesAt } from '../lexicon.js';
import type { Link } from '../link.js';
import type { Token } from '../segment/tokens.js';
import type { Trigger } from './triggers.js';

/** How far after the counted people the preposition of the site may stand. */
const REACH = 10;
/** The most words of a site's name ("El Salam", "Kiziba refugee"). */
const NAME_WORDS = 3;
/** Lower-case words between a count of sites and their noun: "11 [informal] IDP sites". */
const COUNTED_MODIFIERS = 2;
const LEFT = new Set<Term>(['displaced', 'forced_to_flee', 'relocated']);

export function campDestinations(tokens: readonly Token[], links: readonly Link[], lex: Lexicon): Link[] {
  const norms = tokens.map((t) => t.norm);
  const out: Link[] = [];
  for (const link of links) {
    // (Not the whole a part is taken from: "250,000 of the 1.3 million IDPs lived in 39 camps".)
    if (!LEFT.has(link.term) || link.coordinated || link.figure.shareTotal) continue;
    if (links.some((l) => l.figure === link.figure && lex.stayingTerms.has(l.term))) continue;
    const from = Math.max(link.trigger.next, link.figure.noun ? link.figure.noun.next : link.figure.quantity.next);
    const site = namedSite(tokens, norms, from, lex);
    if (!site) continue;
    out.push({ ...link, term: site, score: link.score - 0.1, coordinated: true });
  }
  return out;
}

/** The kind of stay a named site after `from` gives ("at El Salam camp": in a camp), or null. */
function namedSite(tokens: readonly Token[], norms: readonly string[], from: number, lex: Lexicon): Term | null {
  let depth = 0;
  for (let k = from; k < Math.min(norms.length, from + REACH); k++) {
    const w = norms[k]!;
    if (w === '(') depth++;
    if (w === ')') depth = Math.max(0, depth - 1);
    if (w === '.' || w === ';' || lex.clauseBreaks.has(w)) return null;
    // "87,895 displaced, including 21,684 in 36 sites": a part's site is not the whole's.
    if (lex.subsetMarkers.some((m) => matchesAt(norms, k, m))) return null;
    if (depth > 0 || tokens[k]!.kind === 'number') continue;
    if (!lex.refuge.prepositions.has(w) && !lex.destinationOpeners.has(w)) continue;
    let at = k + 1;
    if (lex.groupArticles.has(norms[at] ?? '') || norms[at] === 'the') at++;
    // Or sites counted, whatever their name: "relocated to 11 informal IDP sites".
    const counted = tokens[at]?.kind === 'number';
    if (counted) at++;
    // (Modifiers only: "with 400,000 in camps" is another figure's stay.)
    const modifier = (w: string) =>
      /^\p{Ll}+$/u.test(w) && !lex.functionWords.has(w) && !lex.refuge.prepositions.has(w);
    for (let m = 0; counted && m < COUNTED_MODIFIERS && modifier(tokens[at]?.text ?? ''); m++) {
      if (siteAt(norms, at, lex)) break;
      at++;
    }
    const countedSite = counted ? siteAt(norms, at, lex) : null;
    if (countedSite) return countedSite;
    let name = 0;
    while (name < NAME_WORDS && /^\p{Lu}/u.test(tokens[at + name]?.text ?? '')) name++;
    if (name === 0 && !counted) continue;
    const site = siteAt(norms, at + name, lex);
    if (site) return site;
  }
  return null;
}

/** The stay a camp or shelter noun at `at` gives, or null. */
function siteAt(norms: readonly string[], at: number, lex: Lexicon): Term | null {
  if (lex.siteHosts.camps.some((c) => matchesAt(norms, at, c))) return 'in_relief_camp';
  if (lex.siteHosts.shelters.some((c) => matchesAt(norms, at, c))) return 'sheltered';
  return null;
}

/**
 * "nine camps in Sittwe are sheltering close to 60,000 IDPs": people counted by their own
 * displacement noun right after a site's host verb (its qualifier is the figure's) are displaced and
 * in the site at once; not across a preposition ("damaged houses for 35,000 IDPs").
 */
export function siteHosted(links: readonly Link[], triggers: readonly Trigger[]): Link[] {
  const out: Link[] = [];
  for (const link of links) {
    if (!LEFT.has(link.term) || link.direction !== 'adjacent') continue;
    const lead = link.figure.quantity.lead;
    const host = triggers.find((t) => t.entry.reason.endsWith(':site-host') && t.next === lead);
    if (!host || links.some((l) => l.figure === link.figure && l.term === host.entry.term)) continue;
    out.push({ ...link, trigger: host, term: host.entry.term as Term, coordinated: true });
  }
  return out;
}
