// "some 800 are staying in Mongting monastery", "300 people were living at San Roque Elementary
// School", "permanecen en la escuela Simón Bolívar": a verb of staying before a building called by
// its name counts people sheltered there. The lexicon's stay phrases ("staying in evacuation
// centres", "living in a school") list buildings by kind; a building's own name sits between the
// preposition and its noun ("in Tar Yao monastery") or after the noun in Spanish and French, and no
// phrase list can hold every name. The building nouns are those a refuge is taken in
// (`refuge.sites`); the verbs are `named_stays.verbs` of link.json.
import type { Lexicon } from '../lexicon.js';
import { isCapitalised, type Token } from '../segment/tokens.js';
import { impliedEntry, type Trigger } from './triggers.js';

/** Words a building's name may take: "San Roque Elementary", "Tar Yao". */
const NAME_WORDS = 4;
/** Articles and determiners after the preposition: "in the Lashio Baptist church", "en la escuela", "in their gym". */
const ARTICLES = new Set(['the', 'their', 'el', 'la', 'los', 'las', 'le', 'les', "l'"]);
/** Plain words a building may take instead of a name, at most: "in their barangay gymnasium", "the local primary school". */
const MODIFIER_WORDS = 2;
/** A French article elided onto the noun: "l'école", "l'église". */
const ELIDED = /^l'/u;

const capitalised = (t: Token | undefined): boolean => !!t && isCapitalised(t);

export function withNamedStays(found: Trigger[], tokens: readonly Token[], lex: Lexicon): Trigger[] {
  const { verbs, prepositions } = lex.namedStays;
  if (verbs.size === 0) return found;
  const added: Trigger[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (!verbs.has(tokens[i]!.norm) || !prepositions.has(tokens[i + 1]!.norm)) continue;
    const end = namedBuildingEnd(tokens, i + 2, lex);
    if (end === null) continue;
    // A listed phrase over the same words ("staying in the camp") already says it.
    if (found.some((t) => t.first < end && i < t.next)) continue;
    added.push(shelterOver(tokens, i, end, 'sheltered:staying-in-building:named'));
    i = end - 1;
  }
  added.push(...namedDestinations(found, tokens, lex));
  if (added.length === 0) return found;
  return [...found, ...added].sort((a, b) => a.first - b.first);
}

/** A sheltered trigger over the tokens from `first` to `end`, with its reason. */
function shelterOver(tokens: readonly Token[], first: number, end: number, reason: string): Trigger {
  const words = tokens.slice(first, end).map((t) => t.norm);
  return {
    entry: impliedEntry(words, 'sheltered', 'passive', reason),
    first,
    next: end,
    namesHousing: false,
  };
}

/**
 * "evacuated to Medalla Integrated School", "llevadas al coliseo Macario Zea": a building called
 * by its name after a preposition of destination. It is read as the destination phrases of the
 * lexicon are ("to a nearby school"): a shelter only where a verb of being taken comes before it
 * (link.ts), so "walked to San Roque School" stays no stay. Only named buildings: the unnamed
 * ones are the lexicon's own phrases.
 */
function namedDestinations(found: readonly Trigger[], tokens: readonly Token[], lex: Lexicon): Trigger[] {
  const { destinations } = lex.namedStays;
  const out: Trigger[] = [];
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (!destinations.has(tokens[i]!.norm)) continue;
    const at = ARTICLES.has(tokens[i + 1]?.norm ?? '') ? i + 2 : i + 1;
    const end = namedBuildingEnd(tokens, i + 1, lex);
    if (end === null || !tokens.slice(at, end).some(capitalised)) continue;
    // Taken to a hospital is taken for care: "rushed to Yopougon University Hospital".
    if (tokens.slice(at, end + 1).some((t) => lex.namedStays.care.has(t.norm))) continue;
    if (found.some((t) => t.first < end && i < t.next)) continue;
    out.push(shelterOver(tokens, i, end, 'sheltered:destination:public-building'));
    i = end - 1;
  }
  return out;
}

/**
 * The token after a building called by its name starting at `k`: a name then its building noun
 * ("Mongting monastery", "San Roque Elementary School"), or the noun then its name ("la escuela
 * Simón Bolívar", "l'église Saint-Pierre"). Null when no such building starts there.
 */
function namedBuildingEnd(tokens: readonly Token[], k: number, lex: Lexicon): number | null {
  const { sites } = lex.refuge;
  if (ARTICLES.has(tokens[k]?.norm ?? '')) k++;
  // A place's possessive after the article: "at the city's Civic Centre", "in the town's sports hall".
  if (/^\p{Ll}+['’]s$/u.test(tokens[k]?.text ?? '')) k++;
  // The noun before its name: a capitalised word must follow ("l'école Jean Moulin": the article
  // elided onto the noun).
  if (sites.has((tokens[k]?.norm ?? '').replace(ELIDED, '')) && capitalised(tokens[k + 1])) {
    let j = k + 1;
    while (j < k + 1 + NAME_WORDS && capitalised(tokens[j])) j++;
    return j;
  }
  // Plain words of its kind or place instead of a name ("barangay gymnasium", "local primary school").
  for (let j = k; j < k + MODIFIER_WORDS && lex.namedStays.modifiers.has(tokens[j]?.norm ?? ''); j++) {
    const noun = tokens[j + 1];
    if (noun && noun.kind === 'word' && sites.has(noun.norm)) return j + 2;
  }
  // The name before its noun: capitalised words, then the noun (capitalised or not), the name's
  // last word ("Yopougon University Hospital" is a hospital, not a university).
  for (let j = k; j < k + NAME_WORDS && capitalised(tokens[j]); j++) {
    const noun = tokens[j + 1];
    if (noun && noun.kind === 'word' && sites.has(noun.norm) && !(capitalised(noun) && capitalised(tokens[j + 2])))
      return j + 2;
  }
  return null;
}
