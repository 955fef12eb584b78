// Finds displacement triggers ("were evacuated", "fled", "homes destroyed", "IDPs") and the
// competing non-displacement words ("killed", "affected", "in need") in a sentence: the
// longest lexicon phrase at each position, left to right, without overlaps.
import { SITE_MODIFIER_REACH, matchesAt, type Lexicon, type TriggerClass, type TriggerEntry } from '../lexicon.js';
import { HOUSING_TERMS, type Term } from '../../types.js';
import { isTitleCase, type Token } from '../segment/tokens.js';
import { countsNationals } from './nationals.js';
import { peopleCountedInto } from './countedCrossing.js';
import { besideOrganisationHead, inOrganisationName } from './organisationName.js';
import { campIsOrigin, leavesCamp } from './campOrigin.js';

export interface Trigger {
  entry: TriggerEntry;
  first: number;
  next: number;
  /** Whether the phrase names the counted thing itself ("destroyed houses", "IDPs"). */
  namesHousing: boolean;
  /** Whether the phrase opens with a possessive relative: the figure before owns the homes it names ("whose homes"). */
  owned?: boolean;
  /** Whether the phrase reads on into a noun of events ("forced displacement events"): it counts no bare figure after it. */
  events?: boolean;
}

/** French elisions of the article and of "de" before a word starting with a vowel. */
const ELIDED = /^(?:l|d)'(?=\p{L})/u;

export function findTriggers(tokens: readonly Token[], lex: Lexicon): Trigger[] {
  const norms = tokens.map((t) => t.norm);
  const out: Trigger[] = [];
  let i = 0;
  while (i < tokens.length) {
    // The phrase covering the most tokens wins, the earlier loaded on a tie.
    const best = phraseAt(tokens, norms, i, lex);
    // An article or preposition elided onto the trigger's first word: "l'évacuation de",
    // "d'expulsion", "l'arrivée d'environ 4 000 réfugiés".
    // (Only a word whose second character is an apostrophe can be one: most skip the expression.)
    const bare = best.hit || norms[i]!.charCodeAt(1) !== 39 ? null : ELIDED.exec(norms[i]!);
    const elided = bare ? lex.triggerIndex.get(norms[i]!.slice(bare[0].length)) : undefined;
    if (elided) {
      consider(best, elided.open, 1, i, tokens, norms, lex);
      consider(best, elided.bySecond.get(norms[i + 1] ?? ''), 1, i, tokens, norms, lex);
    }
    const { hit, end } = best;
    if (
      hit &&
      !(end - i === 1 && isFalseFriend(tokens, i)) &&
      !(inOrganisationName(tokens, i, lex) && !isTitleCase(tokens)) &&
      !(isStaySite(hit, norms, end, lex) && campIsOrigin(tokens, i, lex)) &&
      !leavesCamp(tokens, i, end, lex) &&
      !countReached(norms, i, end, hit, lex) &&
      !countryNamesSite(hit, norms, end, lex)
    ) {
      // Read off the matched words: a slot ("whose {homes} were destroyed") names homes by what it matched.
      const namesHousing =
        hit.words.some((w) => lex.nouns.housing.has(w)) || namesHomes(norms, i, end, hit, lex) || labelsHomes(norms, i, end, hit, lex);
      const entry =
        hit.inContext && (holdsContext(norms, hit.inContext, lex) || peopleCountedInto(tokens, i, hit, lex)) ? inContext(hit) : hit;
      const copula = hit.form === 'agent' ? copulaAt(norms, end, lex) : 0;
      // "displaced families reached the camps": a phrase of its own starting at the copula keeps it.
      const next = end + (copula > 0 && phraseAt(tokens, norms, end, lex).end - end > copula ? 0 : copula);
      const owned = namesHousing && lex.ownerRelatives.has(hit.words[0]!);
      const events = namesEvents(norms, i, end, lex);
      out.push({ entry, first: i, next, namesHousing, ...(owned ? { owned } : {}), ...(events ? { events } : {}) });
      i = next;
    } else {
      const copula = hit ? undefined : copulaCount(norms, i, lex);
      if (copula) out.push(copula);
      i = copula ? copula.next : i + 1;
    }
  }
  return withCrossingContext(headNouns(out));
}

/**
 * "135 forced displacement events, 121 related to the recruitment of children": a trigger read on
 * into a noun of events ("displacement events", "evacuation events") names events, and a bare
 * figure after it counts more of them, not people ("events affecting 5,600 people" still do).
 */
function namesEvents(norms: readonly string[], first: number, end: number, lex: Lexicon): boolean {
  for (let p = first; p < end; p++)
    if (lex.eventNouns.some((e) => p + e.length > end && matchesAt(norms, p, e))) return true;
  return false;
}

/** "took refuge in Rwanda camp", "fled to Ruanda camp": a country's name before a site's noun names the site, no crossing. */
function countryNamesSite(hit: TriggerEntry, norms: readonly string[], end: number, lex: Lexicon): boolean {
  return hit.term === 'refugees' && CROSSING_COUNTRY.test(hit.reason) && lex.refuge.sites.has(norms[end] ?? '');
}
const CROSSING_COUNTRY = /:(crossing:country|crossing:left-country|left-country)$/;

/**
 * "18,750 newly arrived refugees", "2,000 IDP returnees": of two names for people side by side,
 * the second is the head noun and says what the people are; the first only qualifies it.
 */
function headNouns(triggers: Trigger[]): Trigger[] {
  return triggers.filter((t, k) => {
    const head = triggers[k + 1];
    return !(
      head &&
      head.first === t.next &&
      t.entry.form === 'agent' &&
      head.entry.form === 'agent' &&
      head.entry.term !== t.entry.term
    );
  });
}

/**
 * "12,000 people fled to Chad last week, bringing the number of new arrivals to 600,000": a
 * sentence that tells of a crossing is the context of its arrivals too.
 */
function withCrossingContext(triggers: Trigger[]): Trigger[] {
  if (!triggers.some((t) => t.entry.term === 'refugees')) return triggers;
  return triggers.map((t) =>
    t.entry.inContext?.term === 'refugees' && t.entry.term !== 'refugees' && !t.entry.reason.endsWith(':in-context')
      ? { ...t, entry: inContext(t.entry) }
      : t,
  );
}

/** Auxiliaries and adverbs between a noun and its copula: "displacement [has now] risen to". */
const COPULA_GAP = 2;

/**
 * "Displacement reached 12,000 people", "le déplacement a atteint 8 000": a singular noun of
 * moves whose copula follows counts what the figure after it counts. (Its plural counts on its
 * own: "12,000 displacements"; the singular alone names the phenomenon.)
 */
function copulaCount(norms: readonly string[], i: number, lex: Lexicon): Trigger | null {
  const entry = lex.copulaNouns.get(norms[i]!);
  if (!entry) return null;
  let gap = 0;
  for (let k = i + 1; gap <= COPULA_GAP && k - i <= COPULA_REACH; k++) {
    const length = copulaAt(norms, k, lex);
    if (length) return { entry, first: i, next: k + length, namesHousing: false };
    // "Displacement [in Sudan] has reached", "internal displacement [in Myanmar since February]
    // reaches": where and since when the noun is counted, a preposition and a few words.
    const place = placePhraseEnd(norms, k, lex);
    if (place > k) {
      k = place - 1;
      continue;
    }
    if (!lex.fillers.has(norms[k] ?? '') || lex.relatives.has(norms[k] ?? '')) return null;
    gap++;
  }
  return null;
}

/** The furthest a copula may stand from its noun, over fillers and phrases of place and time. */
const COPULA_REACH = 9;
/** Words of a phrase of place or time after its preposition: "in [eastern Congo]". */
const PLACE_PHRASE_WORDS = 3;

/** Where a phrase of place or time starting at `k` ends ("in the north-west", "since February"), or `k`. */
function placePhraseEnd(norms: readonly string[], k: number, lex: Lexicon): number {
  if (!lex.copulaPhraseOpeners.has(norms[k] ?? '')) return k;
  let j = k + 1;
  while (
    j <= k + PLACE_PHRASE_WORDS &&
    j < norms.length &&
    /^\p{L}/u.test(norms[j]!) &&
    !copulaAt(norms, j, lex) &&
    !lex.clauseBreaks.has(norms[j]!) &&
    !lex.relatives.has(norms[j]!) &&
    !lex.coordinators.has(norms[j]!)
  )
    j++;
  return j > k + 1 ? j : k;
}

interface Best {
  hit: TriggerEntry | null;
  end: number;
}

/** The longest trigger phrase starting at token `i` and where it ends (end -1: none). */
/** The end of the displacement trigger starting at token `i` (not a blocker), or -1: for readers
 * that run before the sentence's triggers are found (figures.ts, a share's relative clause). */
export function triggerEndAt(tokens: readonly Token[], i: number, lex: Lexicon): number {
  const { hit, end } = phraseAt(tokens, tokens.map((t) => t.norm), i, lex);
  return hit && !hit.term.startsWith('block:') ? end : -1;
}

function phraseAt(tokens: readonly Token[], norms: readonly string[], i: number, lex: Lexicon): Best {
  const best: Best = { hit: null, end: -1 };
  const index = lex.triggerIndex.get(norms[i] ?? '');
  if (index) {
    consider(best, index.open, 0, i, tokens, norms, lex);
    consider(best, index.bySecond.get(norms[i + 1] ?? ''), 0, i, tokens, norms, lex);
  }
  return best;
}

/**
 * Keeps in `best` the phrase of `list` covering the most tokens from `i` (its first `k` words
 * already matched), the earlier loaded on a tie; lists are sorted by the most a phrase can
 * cover, so the scan stops at the first that cannot beat the best.
 */
function consider(
  best: Best,
  list: readonly TriggerEntry[] | undefined,
  k: number,
  i: number,
  tokens: readonly Token[],
  norms: readonly string[],
  lex: Lexicon,
): void {
  for (const c of list ?? []) {
    if (c.maxLength < best.end - i) break;
    const e = matchEnd(c.words, k, i + k, tokens, norms, lex);
    if (e > best.end || (e === best.end && e >= 0 && c.seq < best.hit!.seq)) {
      best.hit = c;
      best.end = e;
    }
  }
}

/**
 * Where the phrase `words` (from its k-th word) ends when matched at token `at`, or -1. `*` is any
 * word, `#` a count, and a slot word any of its names; a slot takes the longest name after which
 * the rest of the phrase still matches.
 */
function matchEnd(
  words: readonly string[],
  k: number,
  at: number,
  tokens: readonly Token[],
  norms: readonly string[],
  lex: Lexicon,
): number {
  for (; k < words.length; k++, at++) {
    const w = words[k]!;
    if (w === '*' || norms[at] === w || (w === '#' && isCount(tokens[at], lex))) continue;
    // "at over 69 sites", "dans plus de 30 sites": a count with its qualifier.
    if (w === '#') {
      const after = qualifiedCount(at, tokens, norms, lex);
      if (after < 0) return -1;
      at = after - 1;
      continue;
    }
    // An elided last word ("retour d'") is the start of the next token ("d'environ 3 200"),
    // which the phrase leaves to the figure's reader.
    if (
      k > 0 &&
      k === words.length - 1 &&
      w.endsWith("'") &&
      norms[at]?.startsWith(w) &&
      norms[at]!.length > w.length
    )
      return at;
    const end = slotEnd(words, k, at, tokens, norms, lex);
    return end < 0 && lex.siteModifiers.slots.has(w) ? afterSiteModifiers(words, k, at, tokens, norms, lex) : end;
  }
  return at;
}

/** Where the phrase ends when its k-th word, a slot, takes one of its names at `at`, or -1. */
function slotEnd(
  words: readonly string[],
  k: number,
  at: number,
  tokens: readonly Token[],
  norms: readonly string[],
  lex: Lexicon,
): number {
  // A slot's name may carry an elided article or "de": "ont quitté l'Iran", "venus d'Haïti".
  const slot = lex.slots.get(words[k]!);
  const norm = norms[at] ?? '';
  const bare = norm.charCodeAt(1) === 39 ? norm.replace(ELIDED, '') : norm;
  const names = slot?.get(norm) ?? (bare === norm ? undefined : slot?.get(bare));
  if (!names) return -1;
  const first = slot?.has(norm) ? norm : bare;
  let best = -1;
  for (const name of names)
    if (name.every((x, j) => (j === 0 ? first : norms[at + j]) === x))
      best = Math.max(best, matchEnd(words, k + 1, at + name.length, tokens, norms, lex));
  return best;
}

/**
 * A site slot's name after words that describe the site: "in 31 Red Cross and community
 * shelters", "inside the 25 designated evacuation centers", "at the municipal shelter". An article
 * before them is the name's own ("the shelter"), or is dropped where the name has none.
 */
function afterSiteModifiers(
  words: readonly string[],
  k: number,
  at: number,
  tokens: readonly Token[],
  norms: readonly string[],
  lex: Lexicon,
): number {
  const { articles, words: describing } = lex.siteModifiers;
  const article = articles.has(norms[at] ?? '') ? norms[at]! : null;
  // The sites may be counted after their article: "inside the 25 designated evacuation centers".
  const from = article ? (isCount(tokens[at + 1], lex) ? at + 2 : at + 1) : at;
  let n = 0;
  while (n < SITE_MODIFIER_REACH && (describing.has(norms[from + n] ?? '') || (n > 0 && norms[from + n] === 'and'))) n++;
  // The noun may itself begin with a describing word ("temporary shelters"): the longest skip first.
  for (let m = n; m >= 1; m--) {
    if (norms[from + m - 1] === 'and') continue;
    const end = slotEnd(words, k, from + m, tokens, norms, lex);
    if (end >= 0) return end;
    if (!article) continue;
    for (const name of lex.slots.get(words[k]!)?.get(article) ?? [])
      if (name.slice(1).every((x, j) => norms[from + m + j] === x))
        return matchEnd(words, k + 1, from + m + name.length - 1, tokens, norms, lex);
  }
  return -1;
}

/**
 * A `#` in a phrase stands for a count in digits or a number word: "staying in 28 shelters",
 * "vivent au sein de 71 sites", "displaced into four temporary sites". The count is of places, which the noun after it rules out as a figure.
 */
/** The token after a qualifier and the count it qualifies ("over 69", "plus de 30"), or -1. */
function qualifiedCount(at: number, tokens: readonly Token[], norms: readonly string[], lex: Lexicon): number {
  if (!lex.qualifierFirst.has(norms[at] ?? '')) return -1;
  for (const q of lex.qualifiersBefore) {
    if (!q.words.every((x, j) => norms[at + j] === x)) continue;
    if (isCount(tokens[at + q.words.length], lex)) return at + q.words.length + 1;
  }
  return -1;
}

function isCount(t: Token | undefined, lex: Lexicon): boolean {
  return t !== undefined && (t.kind === 'number' || lex.numberUnits.has(t.norm));
}

/** Whether the sentence holds a cue of the entry's context; people counted by nationality tell of a crossing. */
function holdsContext(norms: readonly string[], context: NonNullable<TriggerEntry['inContext']>, lex: Lexicon): boolean {
  // "UNHCR and IOM recorded 110,000 new arrivals in IDP sites": a word of internal displacement outweighs the refugee cues.
  if (context.term === 'refugees' && norms.some((n) => lex.internalContext.has(n))) return false;
  if (norms.some((n, k) => context.cues.has(n) && !besideOrganisationHead(norms, k, lex))) return true;
  return context.term === 'refugees' && countsNationals(norms, lex);
}

/** The entry with its context term: "1,200 new arrivals crossed the border" counts refugees. */
function inContext(e: TriggerEntry): TriggerEntry {
  return { ...e, term: e.inContext!.term, reason: `${e.reason}:in-context` };
}

/**
 * The length of a verb at `at` that reports the count of the agent noun before it
 * ("displacements reached 12,000", "the number of returnees stood at 3,000"), or 0. The agent
 * takes the verb into its span, so that a verb that is also a blocker ("reached") does not
 * claim the figure.
 */
function copulaAt(norms: readonly string[], at: number, lex: Lexicon): number {
  for (const c of lex.copulas.get(norms[at] ?? '') ?? [])
    if (c.every((w, k) => norms[at + k] === w)) return c.length;
  return 0;
}

function namesHomes(
  norms: readonly string[],
  i: number,
  end: number,
  hit: TriggerEntry,
  lex: Lexicon,
): boolean {
  if (!hit.words.some((w) => lex.slots.has(w))) return false;
  for (let k = i; k < end; k++) if (lex.nouns.housing.has(norms[k]!)) return true;
  return false;
}

/**
 * A label of damage after the homes it names, ending on its colon, a degree word maybe between:
 * "viviendas [con daños]: 1.045", "logements partiellement [endommagés] : 312".
 */
function labelsHomes(norms: readonly string[], i: number, end: number, hit: TriggerEntry, lex: Lexicon): boolean {
  if (!HOUSING_TERMS.has(hit.term as Term) || norms[end] !== ':') return false;
  const before = lex.housingDegrees.has(norms[i - 1] ?? '') ? i - 2 : i - 1;
  return lex.nouns.housing.has(norms[before] ?? '');
}

/** How far before a verb of aid a count noun may stand as its subject: "the number [as of yesterday] reached". */
const COUNT_SUBJECT_REACH = 5;

/**
 * "The actual number as of yesterday reached 16,276 displaced individuals": a verb of aid that is
 * also a level verb ("reached") whose subject is a count ("number", "total", "toll") tells the
 * count's level, not aid reaching people; it is no blocker then.
 */
function countReached(norms: readonly string[], i: number, end: number, hit: TriggerEntry, lex: Lexicon): boolean {
  if (end - i !== 1 || !hit.term.startsWith('block:') || !lex.aidVerbs.has(norms[i]!)) return false;
  if (!lex.levelVerbs.some((v) => v.length === 1 && v[0] === norms[i])) return false;
  for (let k = i - 1; k >= Math.max(0, i - COUNT_SUBJECT_REACH); k--) {
    const w = norms[k]!;
    if (/^[,;.:()]$/.test(w)) return false;
    if (lex.countNouns.has(w) || w === 'number') return true;
  }
  return false;
}

/** Single words that only look like triggers here: "May" the month, "Dead Sea", "Camp David". */
function isFalseFriend(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  // A capitalised trigger inside a run of capitalised words is a name: "Refugee Council", "Hurricane
  // Relief Fund"; not in a headline set in title case ("6 Families Evacuated After Landslide").
  const cap = (x: Token | undefined) => x !== undefined && /^\p{Lu}/u.test(x.text);
  if (cap(t) && i > 0 && cap(tokens[i - 1]) && cap(next)) return !isTitleCase(tokens);
  return false;
}

/**
 * The entry of a trigger the text implies rather than names (an anaphor's, an additive's, a host
 * verb's): it covers the words it stands on and loses to any listed phrase of the same length.
 */
export function impliedEntry(
  words: string[],
  term: TriggerClass,
  form: TriggerEntry['form'],
  reason: string,
): TriggerEntry {
  return {
    words,
    term,
    form,
    housing: HOUSING_TERMS.has(term as Term),
    weak: false,
    reason,
    maxLength: words.length,
    seq: Number.MAX_SAFE_INTEGER,
  };
}

/** A stay phrase that ends on a camp or shelter noun: "refugee camp", "evacuation centres". */
function isStaySite(hit: TriggerEntry, norms: readonly string[], end: number, lex: Lexicon): boolean {
  return (hit.term === 'in_relief_camp' || hit.term === 'sheltered') && lex.refuge.sites.has(norms[end - 1] ?? '');
}
