// Finds what a quantity counts: the head noun after it ("190,000 people", "60 homes",
// "2,500 foreign children", "3,000 of the residents"), skipping modifiers. The kind decides the
// unit (people / households), whether housing triggers may apply, and rules out counts of
// other things (districts, camps, hectares, trucks). Shelters and tents are homes only when
// destroyed: "12 shelters are hosting evacuees" counts buildings, not people.
import type { Lexicon, NounSets } from '../lexicon.js';
import { isCapitalised, type Token } from '../segment/tokens.js';
import { readWordNumber } from './words.js';

export type NounKind = 'people' | 'households' | 'housing' | 'shelter' | 'other' | 'elided';

export interface Noun {
  kind: NounKind;
  /** Token indices of the noun (half-open). */
  first: number;
  next: number;
}

const MAX_MODIFIERS = 4;
/** The noun kind of a multi-word entry in each list of nouns.json. */
const MULTI_KIND: Partial<Record<string, NounKind>> = { shelters: 'shelter', pronouns: 'people' };
/** Unknown words ("traditional", "mud-and-thatch") skipped only when a known noun follows. */
const MAX_UNKNOWN = 2;

export function findNoun(tokens: readonly Token[], from: number, lex: Lexicon): Noun | null {
  return knownNoun(tokens, from, lex) ?? headedThing(tokens, from, lex) ?? countedThing(tokens, from, lex);
}

/** Articles before a count head after its figure: "to 13 [the] number of", "a 11 [el] número de". */
const HEAD_ARTICLES = new Set(['the', 'el', 'la', 'le', 'les', 'los']);

/**
 * A count head right after the figure that names things or places: "bringing to 13 the number of
 * villages evacuated", "ya son 11 el número de pueblos desalojados". The figure counts them.
 */
function headedThing(tokens: readonly Token[], from: number, lex: Lexicon): Noun | null {
  const at = HEAD_ARTICLES.has(tokens[from]?.norm ?? '') ? from + 1 : from;
  const head = lex.countHeads.find((h) => h.every((w, k) => tokens[at + k]?.norm === w));
  if (!head) return null;
  const noun = knownNoun(tokens, at + head.length, lex);
  return noun?.kind === 'other' ? noun : null;
}

/** Whether a known noun starts at `i`, or right after one word that describes it ("displacement camps"). */
function nounNext(tokens: readonly Token[], i: number, lex: Lexicon): boolean {
  const at = (k: number) => !!tokens[k] && (nounKind(tokens[k]!, lex.nouns) !== null || multiNounAt(tokens, k, lex) !== null);
  return at(i) || at(i + 1);
}

/** The multi-word noun of nouns.json starting at `i` ("armed groups", "evacuation shelters"), or null. */
function multiNounAt(tokens: readonly Token[], i: number, lex: Lexicon): Noun | null {
  for (const m of lex.multiNouns.get(tokens[i]!.norm) ?? []) {
    if (m.kind === 'modifiers') continue;
    if (m.words.every((w, k) => tokens[i + k]?.norm === w))
      return { kind: MULTI_KIND[m.kind] ?? (m.kind as NounKind), first: i, next: i + m.words.length };
  }
  return null;
}

/** The shortest plural noun this rule reads ("rafts"); shorter words are too often function words. */
const MIN_THING = 4;

/**
 * An unknown plural noun right after the figure (known modifiers aside) that names no people
 * counts things: "deux factions rivales", "661 muhallas", "7 déplacements (5 victoires…)". The
 * lists of nouns are closed, the things a text counts are not; a plural ending of people
 * ("-ians", "-eurs", "-ados") or a function word leaves the figure to the other rules.
 */
function countedThing(tokens: readonly Token[], from: number, lex: Lexicon): Noun | null {
  let i = from;
  while (tokens[i] && (lex.nouns.modifiers.has(tokens[i]!.norm) || isDemonymAdjective(tokens[i]!))) i++;
  // One English adjective, which takes no plural: "three armed factions", "two rival gangs".
  const adjective = tokens[i];
  if (adjective && ENGLISH_ADJECTIVE.test(adjective.text) && plainWord(adjective.norm, lex)) i++;
  const t = tokens[i];
  if (!t || t.kind !== 'word' || !/^\p{Ll}[\p{Ll}-]*s$/u.test(t.text) || t.norm.length < MIN_THING) return null;
  const w = t.norm;
  if (/(ss|us|is)$/.test(w) || !plainWord(w, lex)) return null;
  if (nounKind(t, lex.nouns) || lex.nouns.elided.has(w) || lex.peopleEndings.some((e) => w.endsWith(e))) return null;
  // A degree of damage is no thing: "730 derrumbes totales y 931 parciales" counts homes.
  if (lex.housingDegrees.has(w)) return null;
  return { kind: 'other', first: i, next: i + 1 };
}

/** An article or an elided "de" before the thing a measure word names: "units of the", "unités d'établissements". */
const MEASURED_LEAD = /^(?:d|l)'/u;

/**
 * What "N units" counts, from the words after the measure word: homes when nothing names another
 * thing ("149.715 units", "units of heavily damaged houses", "unités de dommages graves", "units
 * damaged"), other things when a noun or adjective of its own follows ("unités de culte", "unités
 * sanitaires", "units of schools").
 */
function measuredKind(tokens: readonly Token[], at: number, lex: Lexicon): NounKind {
  // A phrase of damage right after the measure word or its "of": "unités à dommages modérés", "de dommages graves".
  const phraseAt = (k: number) =>
    (lex.triggers.get(tokens[k]?.norm ?? '') ?? []).some((e) => e.words.every((w, j) => tokens[k + j]?.norm === w));
  let k = at;
  if (phraseAt(k) || phraseAt(k + 1)) return 'housing';
  if (lex.partitives.has(tokens[k]?.norm ?? '')) k++;
  if (HEAD_ARTICLES.has(tokens[k]?.norm ?? '')) k++;
  const t = tokens[k];
  if (!t || t.kind !== 'word' || !/^\p{Ll}/u.test(t.text)) return 'housing';
  const w = t.norm.replace(MEASURED_LEAD, '');
  const kind = nounKind({ ...t, norm: w }, lex.nouns);
  if (kind === 'housing' || kind === 'households') return 'housing';
  if (kind !== null) return 'other';
  // Words of damage and the degrees before them ("heavily damaged", "de dommages graves") leave homes counted.
  if (lex.triggers.has(w) || lex.levelAdverbs.has(w) || /ly$|ment$/u.test(w) || lex.functionWords.has(w)) return 'housing';
  return 'other';
}

/** A plural noun of things: no people, homes or families, and no word naming the people it counts ("returnees"). */
function pluralThing(t: Token | undefined, lex: Lexicon): boolean {
  if (!t || t.kind !== 'word' || !/^\p{Ll}[\p{Ll}-]*s$/u.test(t.text) || t.norm.length < MIN_THING) return false;
  const w = t.norm;
  if (/(ss|us|is)$/u.test(w) || lex.functionWords.has(w) || lex.nouns.elided.has(w)) return false;
  // "719,006 IDP populations": a population is people.
  if (lex.population.labels.has(w) || lex.population.labels.has(w.slice(0, -1))) return false;
  const kind = nounKind(t, lex.nouns);
  if (kind !== null && kind !== 'other') return false;
  return !(lex.triggers.get(w) ?? []).some((e) => e.words.length === 1 && e.form === 'agent');
}

/** Endings of English adjectives ("armed", "rival", "electric", "massive", "northern"); French and Spanish ones agree in number. */
const ENGLISH_ADJECTIVE = /^\p{Ll}+(ed|al|ic|ive|ful|ern|less|ish)$/u;

/** A word no list gives a role: not a function word, filler or trigger. */
function plainWord(w: string, lex: Lexicon): boolean {
  return !lex.functionWords.has(w) && !lex.fillers.has(w) && !lex.triggers.has(w) && !lex.nouns.people.has(w);
}

function knownNoun(tokens: readonly Token[], from: number, lex: Lexicon): Noun | null {
  let i = from;
  let skipped = 0;
  let unknown = 0;
  let acrossPreposition = false;
  while (i < tokens.length && skipped <= MAX_MODIFIERS) {
    const t = tokens[i]!;
    // A cause or an agent after the figure ("225,000 displaced due to floods", "by floods") ends
    // what it counts, as a place preposition does.
    if (lex.itemPrepositions.has(t.norm) || lex.agentPrepositions.has(t.norm) || lex.causal.some((c) => c.every((w, k) => tokens[i + k]?.norm === w)))
      acrossPreposition = true;
    // A share in brackets right after the figure or its whole: "245 (63%) displacement sites",
    // "53 of 634 (8%) evacuation centres".
    if (t.text === '(' && (i === from || tokens[i - 1]?.kind === 'number')) {
      const close = shareClose(tokens, i, lex);
      if (close > 0) {
        i = close + 1;
        continue;
      }
    }
    // The figure restated in digits, as reports write a number word: "two (2) divisions", "Two [2]";
    // or in words after its digits: "9 (Nine) districts".
    if (i === from && (t.text === '(' || t.text === '[')) {
      const words = tokens[i + 1]?.kind === 'word' ? readWordNumber(tokens, i + 1, lex) : null;
      const close = tokens[i + 1]?.kind === 'number' ? i + 2 : (words?.next ?? -1);
      if (close > 0 && /^[)\]]$/.test(tokens[close]?.text ?? '')) {
        i = close + 1;
        continue;
      }
    }
    if (t.kind === 'punct' && t.text !== '-') return null;
    if (t.kind === 'number') {
      // "3,000 of the 5,000 residents", "14 of the 20 districts": the part counts what the whole counts.
      const partitive = (k: number) => k >= from && lex.partitives.has(tokens[k]!.norm);
      // "19,000 of the city's 20,000 inhabitants": a possessive may stand before the whole.
      const possessive = /['’]s$/u.test(tokens[i - 1]?.text ?? '');
      // "87 private and 27 apartment buildings": modifiers of the figure joined to a second figure
      // with its own; both count the noun after the second.
      const joined = i - 2 >= from && lex.coordinators.has(tokens[i - 1]!.norm) && plainModifiers(tokens, from, i - 1, lex);
      // "31,000 of which 2,219 persons": a relative after "of" opens a part with its own noun.
      const relative = lex.relatives.has(tokens[i - 1]!.norm);
      if (relative || (!partitive(i - 1) && !partitive(i - 2) && !(possessive && partitive(i - 3)) && !joined)) return null;
      while (tokens[i]?.kind === 'number') i++;
      if (joined) unknown = 0;
      continue;
    }
    // A span of time across a preposition or opened by its own determiner is when, not what is counted:
    // "rose to 31,000 within a week", "up from 110 million last year"; not "ces 6 derniers mois".
    if ((acrossPreposition || lex.timeOpeners.has(tokens[from]?.norm ?? '')) && lex.timeAfter.has(t.norm))
      return null;
    // The coordinator before a second figure that shares the noun (see the number branch above).
    if (i > from && lex.coordinators.has(t.norm) && tokens[i + 1]?.kind === 'number' && plainModifiers(tokens, from, i, lex)) {
      i++;
      continue;
    }
    if (lex.nouns.pronouns.has(t.norm)) return { kind: 'people', first: i, next: i + 1 };
    if (lex.nouns.measures.has(t.norm)) return { kind: measuredKind(tokens, i + 1, lex), first: i, next: i + 1 };
    const multi = multiNounAt(tokens, i, lex);
    if (multi) return multi;
    const kind = nounKind(t, lex.nouns);
    // Homes and other things reached across a preposition are where the counted came from or stay,
    // not what is counted: "forced 30,000 from their homes", "hits 9000 across the region".
    if ((kind === 'housing' || kind === 'other') && acrossPreposition) return null;
    // A noun of people used attributively names whose families or homes are counted: "2,340 IDP
    // households", "3,500 IDP shelters were damaged", "400 IDP tents".
    const owned = kind === 'people' && tokens[i + 1] ? nounKind(tokens[i + 1]!, lex.nouns) : null;
    if (owned === 'households' || owned === 'housing' || owned === 'shelter')
      return { kind: owned, first: i + 1, next: i + 2 };
    // A singular noun of people or families describes the things counted after it: "18,000
    // individual surveys", "2,000 household kits" count surveys and kits.
    if ((kind === 'people' || kind === 'households') && !/s$/u.test(t.norm) && pluralThing(tokens[i + 1], lex))
      return { kind: 'other', first: i + 1, next: i + 2 };
    // A place noun listed as a modifier too describes the homes after it: "25 village houses".
    const described = kind === 'other' && lex.nouns.modifiers.has(t.norm) && tokens[i + 1] ? nounKind(tokens[i + 1]!, lex.nouns) : null;
    if (described === 'housing' || described === 'households') return { kind: described, first: i + 1, next: i + 2 };
    if (kind) return { kind, first: i, next: i + 1 };
    // "12 more were evacuated" elides the noun; "12 more houses", "two more displacement camps" do not.
    const modifiesNext = lex.nouns.modifiers.has(t.norm) && !!tokens[i + 1] && nounNext(tokens, i + 1, lex);
    if (lex.nouns.elided.has(t.norm) && !modifiesNext) return { kind: 'elided', first: i, next: i + 1 };
    // A participle before a noun of other things still lets that noun rule the figure out:
    // "40 destroyed schools" counts schools, not homes.
    const following = tokens[i + 1];
    if (
      lex.triggers.has(t.norm) &&
      following &&
      nounKind(following, lex.nouns) === 'other' &&
      !acrossPreposition &&
      !(lex.timeOpeners.has(tokens[from]?.norm ?? '') && lex.timeAfter.has(following.norm))
    )
      return { kind: 'other', first: i + 1, next: i + 2 };
    const coordinated = homesAfterParticiples(tokens, i, lex, unknown === 0);
    if (coordinated) return coordinated;
    // Two describing words joined by "and": "five Afro-Colombian and indigenous communities",
    // "12 remote and isolated villages" (a figure after it shares the noun instead, above). Not
    // after a plural, which is a noun of its own: "18 towers and residential buildings".
    const describer = tokens[i - 1]!;
    if (
      i > from &&
      lex.coordinators.has(t.norm) &&
      describer.kind === 'word' &&
      !(/s$/u.test(describer.norm) && !/(ss|us|is)$/u.test(describer.norm)) &&
      // (Or the first word of a known noun: "14,636 permanent and temporary shelters".)
      (plainDescriber(tokens[i + 1], lex) || (!!tokens[i + 1] && multiNounAt(tokens, i + 1, lex) !== null))
    ) {
      i++;
      skipped++;
      continue;
    }
    // A name's possessive after a partitive: "three of [Dili's] 48 camps".
    const possessive = /^\p{Lu}.*['’]s$/u.test(t.text) && lex.partitives.has(tokens[i - 1]?.norm ?? '');
    // "33 out of 34 provinces": the opener of a partitive is no word of the counted noun. (A whole
    // counted after it: "drove 50,000 out of the town" is a way out, not a share.)
    const opener =
      lex.partitiveOpeners.has(t.norm) &&
      lex.partitives.has(tokens[i + 1]?.norm ?? '') &&
      (tokens[i + 2]?.kind === 'number' || tokens[i + 3]?.kind === 'number');
    if (!lex.nouns.modifiers.has(t.norm) && !isDemonymAdjective(t) && !possessive && !opener) {
      // An unknown lower-case word may be an adjective, but never a verb or a trigger; so may a
      // capitalised one in a title-case name ("17 Relief Collection points").
      // A name is one describing word however many words it has, and its words are no verbs: "16
      // Red Cross and community shelters".
      const inName = i > from && isCapitalised(t) && isCapitalised(tokens[i - 1]!);
      if (
        (unknown >= MAX_UNKNOWN && !inName) ||
        !/^\p{L}/u.test(t.text) ||
        lex.fillers.has(t.norm) ||
        (lex.triggers.has(t.norm) && !inName)
      )
        return null;
      // An unknown plural right before a preposition heads the phrase: "712 tarps for IDPs", "300
      // kits to displaced families" count tarps and kits, not the people after the preposition.
      // (Not before "and": "60 antiguas y 18 nuevas viviendas" is an adjective that agrees.)
      if (!inName && !lex.scales.has(t.norm) && prepositionAt(tokens, i + 1, lex) && countedThing(tokens, i, lex))
        return { kind: 'other', first: i, next: i + 1 };
      if (!inName) unknown++;
    }
    i++;
    skipped++;
  }
  return null;
}

/** A function word that is no coordinator or conjunction: a preposition, an article. */
function prepositionAt(tokens: readonly Token[], k: number, lex: Lexicon): boolean {
  const w = tokens[k]?.norm ?? '';
  return lex.functionWords.has(w) && !lex.coordinators.has(w) && !lex.conjunctions.has(w);
}

/** A word that may describe a noun after a coordinator: no number, function word, filler or trigger. */
function plainDescriber(t: Token | undefined, lex: Lexicon): boolean {
  return !!t && t.kind === 'word' && !lex.functionWords.has(t.norm) && !lex.fillers.has(t.norm) && !lex.triggers.has(t.norm);
}

/** The longest bracketed share after a figure: "(63 %)", "(63 per cent)". */
const SHARE_BRACKET = 5;

/** The closing bracket of a share or measure opened at `open` ("(63%)", "(63 por ciento)"), or -1. */
function shareClose(tokens: readonly Token[], open: number, lex: Lexicon): number {
  if (tokens[open + 1]?.kind !== 'number') return -1;
  for (let k = open + 2; k <= open + SHARE_BRACKET && tokens[k]; k++) {
    if (tokens[k]!.text !== ')') continue;
    const unit = tokens.slice(open + 2, k).map((t) => t.norm).join(' ');
    return lex.measureAfter.has(unit) ? k : -1;
  }
  return -1;
}

/**
 * Whether the words from `from` to `to` are adjectives no list knows ("87 private and 27 …"): not
 * a trigger (participles of moving and of harm), which makes the figure a count of its own ("65 displaced
 * and 11,650 affected people", "200.000 afectados y 33.000 refugiados").
 */
function plainModifiers(tokens: readonly Token[], from: number, to: number, lex: Lexicon): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || lex.triggers.has(t.norm) || lex.functionWords.has(t.norm)) return false;
  }
  return true;
}

/** How many participles and joiners may stand between a figure and its homes. */
const MAX_PARTICIPLES = 3;

/**
 * Coordinated participles before the counted homes: "12,000 damaged or destroyed houses",
 * "300 flooded and damaged homes", "12,400 damaged houses". The homes are the noun; the participles
 * stay triggers.
 */
function homesAfterParticiples(
  tokens: readonly Token[],
  i: number,
  lex: Lexicon,
  close: boolean,
): Noun | null {
  if (!housingParticiple(tokens[i]!.norm, lex)) return null;
  for (let j = i + 1; j <= i + MAX_PARTICIPLES && tokens[j]; j++) {
    const kind = nounKind(tokens[j]!, lex.nouns);
    // One participle counts the homes too ("12,400 damaged houses, of which 3,105 are totally
    // damaged" leaves the part to count houses), when no unknown word stands before it.
    if (kind === 'housing' || kind === 'shelter')
      return j > i + 1 || close ? { kind, first: j, next: j + 1 } : null;
    if (!lex.coordinators.has(tokens[j]!.norm) && !housingParticiple(tokens[j]!.norm, lex)) return null;
  }
  return null;
}

/** A one-word housing trigger: "damaged", "destroyed", "flooded". */
function housingParticiple(word: string, lex: Lexicon): boolean {
  return (lex.triggers.get(word) ?? []).some((e) => e.words.length === 1 && e.housing);
}

function nounKind(t: Token, nouns: NounSets): NounKind | null {
  // Housing before households: "homes" counts dwellings; "households" counts families.
  if (nouns.shelters.has(t.norm)) return 'shelter';
  if (nouns.housing.has(t.norm)) return 'housing';
  if (nouns.households.has(t.norm)) return 'households';
  if (nouns.people.has(t.norm)) return 'people';
  if (nouns.other.has(t.norm)) return 'other';
  // Plural demonyms name people: "Syrians", "Congolese", "Rohingya".
  if (/^\p{Lu}\p{Ll}+(ians|ans|ese|is|ans|ers|ites)$/u.test(t.text)) return 'people';
  return null;
}

/** Capitalised adjectives such as "Syrian" or "Muslim" stand between a number and its noun. */
function isDemonymAdjective(t: Token): boolean {
  return /^\p{Lu}\p{Ll}+(ian|an|ese|i|ish|ic)$/u.test(t.text);
}
