// "The army moved 800 villagers out of the danger zone", "officials ordered 20,000 people to leave
// low-lying neighbourhoods", "los bomberos sacaron a 500 personas de la zona", "les pompiers ont fait
// sortir 1 200 personnes des immeubles": an agent taking a counted group of people away from a place.
// The place is any noun phrase, so no trigger phrase can name it; the construction is the verb, its
// object (a figure of people) and the word of leaving right after the object. The verb then governs
// the figure as "evacuated" does in "evacuated 800 villagers". Rules are data (`removals` in
// lexicon/<lang>/link.json): verb lemmas, the words of leaving they take, and the term.
import type { Lexicon } from '../lexicon.js';
import type { Term } from '../../types.js';
import { HOUSING_TERMS } from '../../types.js';
import { matchesAt, startingWith } from '../lexicon.js';
import type { Token } from '../segment/tokens.js';
import { impliedEntry, type Trigger } from './triggers.js';

/** Words between the verb and the figure: "moved [some]", "ordered [more than]", "sacaron [a]". */
const FIGURE_REACH = 3;
/** Words of the object after the figure, its counted noun among them: "800 [frightened villagers]". */
const NOUN_REACH = 3;

export function withRemovals(found: Trigger[], tokens: readonly Token[], lex: Lexicon): Trigger[] {
  if (lex.removals.length === 0) return found;
  const norms = tokens.map((t) => t.norm);
  const added: Trigger[] = [];
  const starts = verbStarts(lex.removals);
  for (let i = 0; i < norms.length; i++) {
    // A word that starts no rule's verb (most words) skips the rules: no verb can match there.
    if (starts !== null && !starts.has(norms[i]!)) continue;
    for (const rule of lex.removals) {
      const verb = startingWith(rule.verbs, norms[i]).find((v) => matchesAt(norms, i, v));
      if (!verb) continue;
      const next = i + verb.length;
      // The word of leaving right after the noun ("500 personas [de] Valencia"), or past the name of
      // where the people are from ("2,000 residents of Kashechewan [to leave]").
      // (The longest word of leaving at a token, in tokens; 0 for none.)
      const leaving = (at: number) =>
        startingWith(rule.away, norms[at]).reduce((n, a) => (matchesAt(norms, at, a) ? Math.max(n, a.length) : n), 0);
      // A headline's bare figure may stand for the people: "Boko Haram attack drives 50,000 out of
      // town" (not a ratio: "3 out of 10"). Only before words of leaving of their own, not a bare
      // "from": "moved six from labor and delivery" moved patients between wards.
      const bare = (at: number) => leaving(at) > 1 && tokens[at + leaving(at)]?.kind !== 'number';
      const noun = objectEnd(tokens, norms, next, lex, bare);
      if (noun < 0) continue;
      // Or past an aside naming the group's parts ("177,000 people[, including students and workers,] to move to").
      const aside = partsAsideEnd(norms, noun, lex);
      const end =
        leaving(noun) > 0
          ? noun
          : aside > 0 && leaving(aside) > 0
            ? aside
            : pastOrigin(tokens, norms, noun, (k) => leaving(k) > 0);
      const away = leaving(end);
      if (away === 0) continue;
      // A bare origin read as the words of leaving, with a flight of the people's own past it: "has
      // led some 40,000 people [from Loroum province] to flee to nearby towns" tells why they fled,
      // not who moved them; the flight's trigger reads the figure.
      if (fleesPastOrigin(found, tokens, norms, end)) continue;
      // A listed trigger inside the construction already reads it ("drove 12,000 people from their
      // homes", "forced 300,000 people to flee"); only a blocker on the verb ("helped") or on the
      // object ("1,500 stranded residents") gives way, and a bare destination read as a relocation
      // ("to safety"): the agent's verb says who moved them.
      // So does a housing word inside the words of leaving ("rescued 140 people from [flooded homes]").
      // And a weak phrase in the words of leaving, whatever it reads ("from their homes", "to safety"):
      // "authorities moved 15,000 people from their homes" evacuated them.
      const yields = (t: Trigger) =>
        (t.entry.term.startsWith('block:') && (t.first < next || t.next <= end)) ||
        ((t.entry.weak === true || t.entry.term === 'relocated') && t.first >= end) ||
        // The relocation verb itself, when its rule takes people to safety: "relocated some
        // 375,000 people to safety" evacuated them.
        (t.entry.term === 'relocated' && t.first === i) ||
        // The rule's verb listed as a word of its own: with its object and words of leaving the
        // rule says more ("expelled 3,000 villagers from their homes" drove them out, where
        // "expelled 6,500 Afghan refugees" alone sent them back).
        (t.first === i && t.next === next) ||
        (t.first > end && t.next <= end + away && HOUSING_TERMS.has(t.entry.term as Term));
      if (found.some((t) => t.first < end + 2 && i < t.next && !yields(t))) continue;
      added.push({ entry: impliedEntry(verb, rule.term, 'active', `${rule.term}:removed-from`), first: i, next, namesHousing: false });
      break;
    }
  }
  if (added.length === 0) return found;
  return [
    ...found.filter((t) => !added.some((a) => t.first < a.next && a.first < t.next)),
    ...added,
  ].sort((a, b) => a.first - b.first);
}

const verbStartsOf = new WeakMap<Lexicon['removals'], { verbs: number; starts: Set<string> | null }>();

/**
 * The first words of every rule's verbs, worked out once per lexicon (again if its rules grow);
 * null when a verb opens with a wildcard, since it may then start at any word.
 */
function verbStarts(removals: Lexicon['removals']): Set<string> | null {
  const verbs = removals.reduce((n, r) => n + r.verbs.length, 0);
  let known = verbStartsOf.get(removals);
  if (known === undefined || known.verbs !== verbs) {
    const first = removals.flatMap((r) => r.verbs.map((v) => v[0] ?? ''));
    known = { verbs, starts: first.some((w) => w === '' || w === '*') ? null : new Set(first) };
    verbStartsOf.set(removals, known);
  }
  return known.starts;
}

/**
 * Where the object starting near `from` ends, when it is a figure of people ("some 800 frightened
 * villagers", "a 500 personas"), or -1: the index of the word after its counted noun.
 */
function objectEnd(
  tokens: readonly Token[],
  norms: readonly string[],
  from: number,
  lex: Lexicon,
  /** Whether the words of leaving start at a token: a bare figure right before them is the object. */
  bare: (k: number) => boolean = () => false,
): number {
  let k = from;
  // (An article is a number only before a scale: "a thousand", not "an estimated 9,000".)
  const opensNumber = (i: number) =>
    isNumberWord(norms[i]!, lex) && !(lex.articles.has(norms[i]!) && !lex.scales.has(norms[i + 1] ?? ''));
  while (k < from + FIGURE_REACH && tokens[k]?.kind === 'word' && !opensNumber(k)) {
    if (lex.removalBreaks.has(norms[k]!)) return -1;
    k++;
  }
  if (!(tokens[k]?.kind === 'number' || isNumberWord(norms[k] ?? '', lex))) return -1;
  while (tokens[k] && (tokens[k]!.kind === 'number' || isNumberWord(norms[k]!, lex) || lex.scales.has(norms[k]!))) k++;
  // "de" between a number word and its noun: "3 millions de personnes", "2 mil personas".
  if (lex.scales.has(norms[k - 1]!) && (norms[k] === 'de' || norms[k] === "d'")) k++;
  if (bare(k)) return k;
  const counted = (w: string | undefined) => w !== undefined && (lex.nouns.people.has(w) || lex.nouns.households.has(w));
  for (let n = 0; n < NOUN_REACH && tokens[k + n]?.kind === 'word'; n++) {
    if (!counted(norms[k + n])) continue;
    // "600 elderly residents": the noun is the last of a run of people words.
    let end = k + n + 1;
    while (counted(norms[end])) end++;
    return end;
  }
  return -1;
}

/** Words that tie a place's name to the counted noun: "residents [of] Kashechewan", "vecinos [de] Chosica". */
const ORIGIN = new Set(['of', 'from', 'in', 'de', 'del', 'du', 'des']);
/** How many words such a name or place may have. */
const ORIGIN_NAME = 3;
/** Articles that may open a place of origin: "residents of [the] coastal strip". */
const ORIGIN_ARTICLES = new Set(['the', 'la', 'el', 'los', 'las', 'le', 'les', "l'"]);

/**
 * Past a place's name after the counted noun ("2,000 residents of Kashechewan [to leave]"), or a
 * place after an article ("7,500 residents of the coastal strip [to leave]"); else `at`. The word
 * of leaving must follow, so the place is any short noun phrase.
 */
function pastOrigin(
  tokens: readonly Token[],
  norms: readonly string[],
  at: number,
  leaves: (k: number) => boolean,
): number {
  if (!ORIGIN.has(norms[at] ?? '')) return at;
  let k = at + 1;
  while (k < at + 1 + ORIGIN_NAME && tokens[k]?.kind === 'word' && /^\p{Lu}/u.test(tokens[k]!.text)) k++;
  if (k > at + 1) return k;
  if (!ORIGIN_ARTICLES.has(norms[k] ?? '')) return at;
  // The shortest place the word of leaving follows.
  for (let end = k + 2; end <= k + 1 + ORIGIN_NAME; end++) {
    if (tokens[end - 1]?.kind !== 'word') return at;
    if (leaves(end)) return end;
  }
  return at;
}

/** Triggers of flight this close past an origin's place ("from Loroum province [to flee]"). */
const FLIGHT_REACH = 3;

function fleesPastOrigin(found: readonly Trigger[], tokens: readonly Token[], norms: readonly string[], at: number): boolean {
  const past = pastOrigin(tokens, norms, at, () => false);
  if (past === at) return false;
  return found.some(
    (t) => t.first >= past && t.first < past + FLIGHT_REACH && (t.entry.term === 'forced_to_flee' || t.entry.term === 'displaced'),
  );
}

function isNumberWord(w: string, lex: Lexicon): boolean {
  return lex.numberUnits.has(w);
}

/** The longest aside of a group's parts crossed between the object and the words of leaving, in tokens. */
const PARTS_ASIDE = 10;

/** After ", including students and workers,": the token past the aside's closing comma, or -1. */
function partsAsideEnd(norms: readonly string[], at: number, lex: Lexicon): number {
  if (norms[at] !== ',' || !lex.subsetMarkers.some((m) => m.every((w, j) => norms[at + 1 + j] === w))) return -1;
  for (let k = at + 2; k < Math.min(norms.length, at + PARTS_ASIDE); k++) {
    if (norms[k] === ',') return k + 1;
    if (norms[k] === '.' || norms[k] === ';' || /^\d/.test(norms[k]!)) return -1;
  }
  return -1;
}
