// Decides which quantities cannot be counts of people or homes. The checks, in order:
//   decimals without a scale word ("2.5 hectares", English "1.250"); a zero in digits
//   calendar.ts   dates, years, clock times, durations and ages
//   a number in words capitalised inside a sentence, a name ("Treinta y Tres", "Seven Mile")
//   money, percentages, distances and other measures, ratios, ages in apposition
//   a water level or height with a glued "m" ("the danger mark at 88.40m"): metres, not millions
//   codes.ts      ordinals, labels, model numbers, identifiers, dates and codes, phone numbers
//   the pronoun "one" ("one of the displaced", "no one", "one another", "one displaced mother said")
//   a small count after a personal possessive ("his nine family members"); the dead ("the bodies of nine");
//   a street address ("the 3400 block of Hidalgo Drive")
//   a factor after "multiplied by"; a few events ("12 mass displacements")
//   a density ("up to 70 people per classroom", "10 personnes par tente"), a rate's base ("per 100,000
//   inhabitants"), an average ("en promedio por cinco") or a count per shelter ("200 personas en cada albergue")
// Returns the reason, or null when the quantity may be a figure.
import { endsAt, type Lexicon } from '../lexicon.js';
import { isCapitalised, isTitleCase, type Token } from '../segment/tokens.js';
import type { Quantity } from './find.js';
import { calendarReason } from './calendar.js';
import { codeReason } from './codes.js';
import { findNoun } from './noun.js';

/** Larger than the world's population by orders of magnitude, and still an exact integer. */
const MAX_COUNT = 1e12;
/**
 * A billion: no count of people forced from their homes, or of their homes, has come near it (the
 * world's displaced numbered some 120 million in 2024); "9.500 millones de desplazamientos" and
 * "3 milliards de déplacements" count holiday trips.
 */
const MAX_DISPLACED = 1e9;

export function nonFigureReason(
  text: string,
  tokens: readonly Token[],
  q: Quantity,
  lex: Lexicon,
): string | null {
  if (q.value === null) return null;
  // A trillion is orders of magnitude past any count of people or homes.
  if (q.value > MAX_COUNT || (q.range?.[1] ?? 0) > MAX_COUNT) return 'too large to be a count';
  if (q.fractional) return 'decimal without a scale word';
  // "Evacuees 0 6,838": a count of nobody, most often a table's empty cell, counts nothing.
  if (q.value === 0 && q.written === 'digits') return 'zero';
  return (
    calendarReason(text, tokens, q, lex) ??
    nameReason(tokens, q, lex) ??
    measureReason(tokens, q, lex) ??
    levelReason(text, tokens, q, lex) ??
    codeReason(text, tokens, q, lex) ??
    pronounReason(tokens, q, lex) ??
    personalReason(tokens, q, lex) ??
    ageBandReason(tokens, q, lex) ??
    deadReason(tokens, q, lex) ??
    addressReason(tokens, q, lex) ??
    multiplierReason(tokens, q, lex) ??
    eventCountReason(tokens, q, lex) ??
    densityReason(tokens, q, lex) ??
    rateBaseReason(tokens, q, lex) ??
    averageReason(tokens, q, lex) ??
    (q.value >= MAX_DISPLACED ? 'past any count of the displaced' : null)
  );
}

/**
 * "distribuidas en Treinta y Tres, Paysandú y Salto", "the Seven Sisters", "à Trois-Rivières": a
 * number in words whose every word is capitalised inside a sentence is a name, not a count. Not at
 * the sentence's start, after a colon or a quote, nor in a headline in title case, where counts are
 * capitalised too ("Floods Displace Two Thousand"); a coordinator inside it keeps its lower case.
 */
function nameReason(tokens: readonly Token[], q: Quantity, lex: Lexicon): string | null {
  if (q.written !== 'words' || q.first !== q.lead || q.lead === 0) return null;
  // Inside a sentence: after a word or a list's comma.
  const before = tokens[q.lead - 1]!;
  if (before.kind !== 'word' && before.text !== ',') return null;
  let capitalised = 0;
  for (let k = q.first; k < q.next; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word') continue;
    if (lex.coordinators.has(t.text)) continue;
    // "Treinta" or "Trois-Rivières", not "TREINTA": a word in capitals is a shout, not a name.
    if (!/^\p{Lu}\p{Ll}/u.test(t.text)) return null;
    capitalised++;
  }
  return capitalised > 0 && !isTitleCase(tokens) ? 'name' : null;
}

/** How far before the number a level word is looked for: "the danger mark at 88.40m". */
const LEVEL_REACH = 5;

/**
 * "The river crossed the danger mark at 88.40m", "el nivel llegó a 4,5m": a glued "m" reads as
 * millions in "1.2m displaced", but after a word of water level or height it is metres.
 */
function levelReason(text: string, tokens: readonly Token[], q: Quantity, lex: Lexicon): string | null {
  if (!/\dm$/i.test(text.slice(q.start, q.end))) return null;
  for (let k = Math.max(0, q.lead - LEVEL_REACH); k < q.lead; k++)
    if (lex.levelWords.has((tokens[k] as Token).norm)) return 'measure';
  return null;
}

/** The largest count a personal possessive can give: "his nine family members", "sus 3 hijos". */
const PERSONAL_MAX = 20;

/**
 * "walked six days with his nine family members", "vive con sus 3 hijos", "avec ses 5 enfants": a
 * possessive of one person before a small count tells a story about a household, not a figure.
 */
function personalReason(tokens: readonly Token[], q: Quantity, lex: Lexicon): string | null {
  if (ageApposition(tokens, q, lex)) return 'age';
  if (q.value! > PERSONAL_MAX) return null;
  const before = tokens[q.lead - 1];
  if (before && lex.personalBefore.has(before.norm)) return 'personal';
  // The possessive reaches over a kin noun coordinated before the count: "woke her husband and
  // nine children", "con su esposa y 4 hijos".
  const kin = tokens[q.lead - 2];
  if (before && lex.coordinators.has(before.norm) && kin?.kind === 'word' && lex.personalBefore.has(tokens[q.lead - 3]?.norm ?? ''))
    return 'personal';
  // "a father of five", "cette mère de sept enfants", "madre de tres hijos".
  const ends = (m: readonly string[]) => m.every((w, k) => tokens[q.lead - m.length + k]?.norm === w);
  return lex.personalOf.some(ends) ? 'personal' : null;
}

/** The oldest age set between commas after a name. */
const APPOSED_AGE_MAX = 110;

/**
 * "said Ali al-Mheymid, 50, who escaped the village", "María López, 34, una madre de tres hijos":
 * a small number between commas right after a name, then a relative or an apposition, is the
 * person's age.
 */
function ageApposition(tokens: readonly Token[], q: Quantity, lex: Lexicon): boolean {
  if (q.value! > APPOSED_AGE_MAX || q.written !== 'digits' || q.qualifierStated || q.range) return false;
  const name = tokens[q.lead - 2];
  if (tokens[q.lead - 1]?.text !== ',' || name?.kind !== 'word' || !/\p{Lu}/u.test(name.text)) return false;
  if (tokens[q.next]?.text === ',' && lex.ageAppositionAfter.has(tokens[q.next + 1]?.norm ?? '')) return true;
  // "“I have nowhere to go,” said Nacius, 38.": the speaker's age ends the sentence.
  if (q.next < tokens.length && tokens[q.next]!.text !== '.') return false;
  const norms = tokens.map((t) => t.norm);
  for (let k = q.lead - 2; k >= Math.max(1, q.lead - 1 - NAME_WORDS); k--) {
    if (!/^\p{Lu}/u.test(tokens[k]!.text)) return false;
    if (lex.speakerVerbs.some((v) => endsAt(norms, k, v))) return true;
  }
  return false;
}

/** The most words of a speaker's name before the age: "said Maria del Carmen Lopez, 47.". */
const NAME_WORDS = 5;

/** The oldest age an age band names: "under 5", "menores de 18". */
const AGE_MAX = 18;

/** The oldest age "the age of" names. */
const AGE_OF_MAX = 120;

/** "1,434 under 5 children": an age band, not a count (years after "menores de 5" are a duration already). */
function ageBandReason(tokens: readonly Token[], q: Quantity, lex: Lexicon): string | null {
  // "60% of all IDPs are below the age of 18", "a la edad de 15": an age.
  const ends = (m: readonly string[]) => m.every((w, k) => tokens[q.lead - m.length + k]?.norm === w);
  if (q.value! <= AGE_OF_MAX && lex.ageOf.some(ends)) return 'age';
  // "under" alone: "fewer than 10 children were evacuated" counts them.
  if (tokens[q.lead]?.norm !== 'under' || q.value! > AGE_MAX || q.range) return null;
  return lex.subgroups.has(tokens[q.next]?.norm ?? '') ? 'age band' : null;
}

/**
 * "the bodies of another nine refugees have washed up", "los cuerpos de 12 migrantes": a count of
 * the dead, whatever noun follows it.
 */
function deadReason(tokens: readonly Token[], q: Quantity, lex: Lexicon): string | null {
  const ends = (m: readonly string[]) => m.every((w, k) => tokens[q.lead - m.length + k]?.norm === w);
  return lex.deadOf.some(ends) ? 'the dead' : null;
}

/**
 * "a fire in the 1200 block of Main Street": a street number inside the words of an address, as US
 * local news gives where a fire or a leak was ("500 blocks of flats", with no article, stays a count).
 */
function addressReason(tokens: readonly Token[], q: Quantity, lex: Lexicon): string | null {
  const at = (m: readonly string[], from: number) => m.every((w, k) => tokens[from + k]?.norm === w);
  if (lex.addresses.some((a) => at(a.before, q.first - a.before.length) && at(a.after, q.next))) return 'street address';
  return houseNumber(tokens, q, lex) ? 'street address' : null;
}

/** The most words a street's name takes between its house number and its type: "800 Little Bourke Street". */
const STREET_NAME_WORDS = 3;

/**
 * "towers one and two of 800 Bourke street", "at 12 Hill Rd": a number written without grouping
 * marks, then a capitalised name and a word of a street's type, is a house number.
 */
function houseNumber(tokens: readonly Token[], q: Quantity, lex: Lexicon): boolean {
  if (lex.streetTypes.size === 0 || q.next !== q.first + 1 || !/^\d+$/.test(tokens[q.first]?.text ?? '')) return false;
  let k = q.next;
  while (k < q.next + STREET_NAME_WORDS && tokens[k] && isCapitalised(tokens[k]!) && !lex.streetTypes.has(tokens[k]!.norm)) k++;
  return k > q.next && lex.streetTypes.has(tokens[k]?.norm ?? '');
}

/** "multiplied by 16", "multiplicado por 8", "multipliée par 10": a factor of growth, not a count. */
function multiplierReason(tokens: readonly Token[], q: Quantity, lex: Lexicon): string | null {
  const ends = (m: readonly string[]) => m.every((w, k) => tokens[q.first - m.length + k]?.norm === w);
  return lex.multiplierBefore.some(ends) ? 'multiplier' : null;
}

/** The most events a count of events reaches; "51.600 desplazamientos masivos" counts people. */
const EVENTS_MAX = 100;

/** "12 new mass displacements", "9 nuevos desplazamientos masivos": a few events, not people. */
function eventCountReason(tokens: readonly Token[], q: Quantity, lex: Lexicon): string | null {
  if (q.value! > EVENTS_MAX) return null;
  const at = lex.nouns.modifiers.has(tokens[q.next]?.norm ?? '') ? q.next + 1 : q.next;
  const norms = (m: readonly string[]) => m.every((w, k) => tokens[at + k]?.norm === w);
  return lex.eventNouns.some(norms) ? 'count of events' : null;
}

/** Money, percentages, distances, weights, ratios and ages. */
function measureReason(tokens: readonly Token[], q: Quantity, lex: Lexicon): string | null {
  const before = tokens[q.lead - 1];
  const before2 = tokens[q.lead - 2];
  const after = tokens[q.next];
  const after2 = tokens[q.next + 1];
  const value = q.value!;
  // "US$ 611,781", "about $5 million", "Rs 2 crore".
  const money = (t: Token | undefined) => t !== undefined && lex.moneyBefore.has(t.norm);
  if (
    money(before) ||
    money(tokens[q.first - 1]) ||
    lex.moneyBefore.has(`${before2?.norm ?? ''}${before?.norm ?? ''}`)
  )
    return 'money';
  // A unit hyphened to its number, "a 600-km stretch", "a 10-metre wave": the unit is the word after.
  if (after?.text === '-' && after.start === q.end && after2?.start === after.end && lex.measureAfter.has(after2.norm))
    return 'measure';
  // The unit after the number, or after "de" / "of" / "d'": "2 millones de dólares", "1,2 million d'euros".
  const unit = after && lex.partitives.has(after.norm) ? after2 : after;
  const unitWord = unit?.norm.split("'").pop() ?? '';
  if (lex.moneyAfter.has(unitWord) || (after && lex.moneyAfter.has(after.norm))) return 'money';
  if (lex.measureAfter.has(unitWord) || (after && lex.measureAfter.has(after.norm))) return 'measure';
  if (after && after2 && lex.measureAfter.has(`${after.norm} ${after2.norm}`)) return 'percentage or measure';
  // Ratios: "1 in 5 children", "four in ten of the displaced", "uno de cada cinco", "1 sur 5".
  // A ratio's terms are small and its base round (up to ten, or tens: "1 in 20", "3 in 100"), or any
  // base up to a hundred after "one" ("one in sixteen refugees");
  // "300 out of 1,000 houses" and "11 out of 18 families" are a share of a total, read as a figure.
  // An elided article may be glued to the first term: "près d'un sur dix".
  const numberOf = (t: Token | undefined): number =>
    t === undefined
      ? NaN
      : (lex.numberUnits.get(t.norm.replace(/^(?:d|l|qu)'/, '')) ??
        (t.kind === 'number' ? Number(t.text.replace(/\D/g, '')) : NaN));
  const small = (n: number) => n <= 100;
  const base = (n: number, first: number) => n <= 100 && (n <= 10 || n % 10 === 0 || first === 1);
  for (const r of lex.ratioJoiners) {
    // Both terms: "21,000 in two weeks" is a figure and a span of time, not a ratio.
    if (
      small(value) &&
      r.every((w, k) => tokens[q.next + k]?.norm === w) &&
      base(numberOf(tokens[q.next + r.length]), value)
    )
      return 'ratio';
    const first = numberOf(tokens[q.lead - r.length - 1]);
    if (base(value, first) && r.every((w, k) => tokens[q.lead - r.length + k]?.norm === w) && small(first))
      return 'ratio';
    // "one person in five", "plus d'un Centrafricain sur cinq": "one" and its noun, then the base;
    // neither term is a count.
    if (
      value === 1 &&
      tokens[q.next]?.kind === 'word' &&
      r.every((w, k) => tokens[q.next + 1 + k]?.norm === w) &&
      base(numberOf(tokens[q.next + 1 + r.length]), 1)
    )
      return 'ratio';
    if (
      numberOf(tokens[q.lead - r.length - 2]) === 1 &&
      tokens[q.lead - r.length - 1]?.kind === 'word' &&
      base(value, 1) &&
      r.every((w, k) => tokens[q.lead - r.length + k]?.norm === w)
    )
      return 'ratio';
  }
  // Ages: "children under five", "Amina, 34, said".
  if (q.qualifier === 'less_than' && (after === undefined || after.kind === 'punct') && value <= 18)
    return 'age';
  if (
    before?.text === ',' &&
    after?.text === ',' &&
    /^\p{Lu}/u.test(before2?.text ?? '') &&
    value < 120 &&
    q.written === 'digits'
  )
    return 'age';
  return null;
}

/**
 * A lone "one" counts only when it says what it counts ("one family was evacuated"); otherwise it
 * is a pronoun or an anecdote's subject: "one of the displaced", "no one", "one another",
 * "one displaced mother said". The word is any number word worth 1 that is not an article.
 */
function pronounReason(tokens: readonly Token[], q: Quantity, lex: Lexicon): string | null {
  if (q.written !== 'words' || q.value !== 1 || q.next !== q.first + 1) return null;
  if (lex.partitives.has(tokens[q.next]?.norm ?? '')) return 'pronoun one';
  const noun = findNoun(tokens, q.next, lex);
  if (!noun || noun.kind === 'other' || noun.kind === 'elided') return 'pronoun one';
  // "one resident said", "un habitant raconte": one person speaking, not a count of one.
  const norms = tokens.map((t) => t.norm);
  return lex.speakerVerbs.some((v) => v.every((w, k) => norms[noun.next + k] === w)) ? 'pronoun one' : null;
}

/**
 * "up to 70 people per classroom", "10 personnes par tente", "5 personas por cada carpa": a figure
 * per unit of space or group says how crowded, not how many. A figure per unit of time is a rate,
 * which the modality check reads ("1,500 per day").
 */
function densityReason(tokens: readonly Token[], q: Quantity, lex: Lexicon): string | null {
  const at = findNoun(tokens, q.next, lex)?.next ?? q.next;
  const norms = (k: number) => tokens[k]?.norm ?? '';
  const joiner = lex.densityJoiners.find((j) => j.every((w, k) => norms(at + k) === w));
  if (!joiner) return null;
  const rate = lex.rates.some((r) => r.every((w, k) => norms(at + k) === w));
  return rate ? null : 'density';
}

/**
 * "30 displaced per 100,000 inhabitants", "la tasa de desplazados por cada cien mil habitantes",
 * "pour 100 000 habitants": a round power of ten after a rate's joiner and before its people is
 * the base the rate is told against, not a count.
 */
function rateBaseReason(tokens: readonly Token[], q: Quantity, lex: Lexicon): string | null {
  const ends = (j: readonly string[]) => j.every((w, k) => tokens[q.lead - j.length + k]?.norm === w);
  if (isRateBase(q.value!, tokens[q.next], lex) && lex.rateBase.joiners.some(ends)) return 'rate base';
  // The count the rate is told of: "[90] déplacés pour 10 000 habitants".
  const at = findNoun(tokens, q.next, lex)?.next ?? q.next;
  const joiner = lex.rateBase.joiners.find((j) => j.every((w, k) => tokens[at + k]?.norm === w));
  let k = at + (joiner?.length ?? 0);
  if (!joiner || tokens[k]?.kind !== 'number') return null;
  // "10 000" is two number tokens: groups of three digits join the first.
  let digits = tokens[k]!.text;
  while (tokens[k + 1]?.kind === 'number' && /^\d{3}$/.test(tokens[k + 1]!.text)) digits += tokens[++k]!.text;
  return isRateBase(Number(digits.replace(/\D/g, '')), tokens[k + 1], lex) ? 'rate' : null;
}

/** A round power of ten from a hundred up, before the people a rate is told against. */
function isRateBase(value: number, noun: Token | undefined, lex: Lexicon): boolean {
  return value >= 100 && Number.isInteger(Math.log10(value)) && lex.rateBase.nouns.has(noun?.norm ?? '');
}

/**
 * "familias compuestas en promedio por cinco integrantes", "an average of 1,400 crossed daily": an
 * average is no count, and should not stand between a count and its verb either.
 */
function averageReason(tokens: readonly Token[], q: Quantity, lex: Lexicon): string | null {
  const ends = (a: readonly string[]) => a.every((w, k) => tokens[q.lead - a.length + k]?.norm === w);
  if (lex.averages.some(ends)) return 'average';
  if (averagedCount(tokens, q, lex)) return 'average';
  if (groupSize(tokens, q, lex)) return 'group size';
  return perUnit(tokens, q, lex) ? 'per unit' : null;
}

/** Words between a distributive and the number: "each [small shelter accommodating between]". */
const DISTRIBUTIVE_REACH = 6;
/** Words after a distributive that make it no unit: "every one of the 300 residents", "each other". */
const NOT_UNITS = new Set(['one', 'single', 'other', 'uno', 'una', 'un', 'une', 'seul', 'seule']);
/** Verbs after a floating "each" that are not past participles: "India and China each have". */
const FLOATING_VERBS = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'hold', 'holds', 'host', 'hosts', 'count', 'counts']);
/** Words right before a number that make it the whole the units are of: "each of [the] 500 families". */
const WHOLE_OF = new Set(['of', 'the', 'de', 'los', 'las', 'des', 'les']);

/**
 * "Each tent is housing between 30 and 50 people", "with each small shelter accommodating seven",
 * "cada carpa alberga a 12 personas": a number in the clause of a subject that is one of many
 * units counts per unit, not in all. ("Each day", "every week" are rates, read elsewhere.)
 */
function perUnit(tokens: readonly Token[], q: Quantity, lex: Lexicon): boolean {
  if (lex.distributives.size === 0) return false;
  if (unitAfter(tokens, q, lex)) return true;
  if (WHOLE_OF.has(tokens[q.lead - 1]?.norm ?? '')) return false;
  for (let k = q.lead - 1; k >= Math.max(0, q.lead - 1 - DISTRIBUTIVE_REACH); k--) {
    const t = tokens[k]!;
    if (t.kind !== 'word') return false;
    if (!lex.distributives.has(t.norm)) continue;
    // "the Philippines, India and China each recorded more than four million": a floating "each"
    // after its subject gives each member its own figure, a count of its own.
    // (A verb follows it: "In the camp each family tent" keeps its noun.)
    const before = tokens[k - 1];
    const unit = tokens[k + 1]?.norm ?? '';
    const verbAfter = /ed$/.test(unit) || FLOATING_VERBS.has(unit);
    if (before?.kind === 'word' && !lex.functionWords.has(before.norm) && verbAfter) return false;
    return k + 1 < q.lead && !lex.timeAfter.has(unit) && !NOT_UNITS.has(unit);
  }
  return false;
}

/** Words between a number and the place preposition before a distributive: "200 [displaced people] in each". */
const UNIT_AFTER_REACH = 2;
/** Prepositions of place before a distributive after the number. */
const UNIT_PREPOSITIONS = new Set(['in', 'at', 'inside', 'en', 'dans', 'à']);

/** Words between a distributive after the number and its site: "en cada [uno de los] albergues", "in each [of the evacuation] shelters". */
const SITE_AFTER_REACH = 5;

/**
 * "unas 200 personas en cada uno de los albergues", "some 40 families in each shelter", "10
 * personnes dans chaque tente": people counted in each of many shelters are counted per shelter.
 * Places are another matter: "over 37,000 in each of the districts of Mulanje and Nsanje" gives
 * each district its count.
 */
function unitAfter(tokens: readonly Token[], q: Quantity, lex: Lexicon): boolean {
  for (let k = q.next; k <= q.next + UNIT_AFTER_REACH; k++) {
    const t = tokens[k];
    if (t?.kind !== 'word') return false;
    if (!UNIT_PREPOSITIONS.has(t.norm)) continue;
    if (!lex.distributives.has(tokens[k + 1]?.norm ?? '')) return false;
    // The sites' lists give some nouns in the singular only ("refugio"): their plural is the same site.
    const site = (n: string) => lex.refuge.sites.has(n) || lex.nouns.shelters.has(n);
    for (let j = k + 2; j <= k + 1 + SITE_AFTER_REACH; j++) {
      const w = tokens[j];
      if (w?.kind !== 'word') return false;
      if (site(w.norm) || site(w.norm.replace(/s$/, ''))) return true;
    }
    return false;
  }
  return false;
}

/** Tokens between an average's count head and its figure: "the average number of [individual arrivals was] 48". */
const AVERAGE_HEAD_REACH = 14;

/**
 * "the average number of individual arrivals was 48 to Sinjar and 7 to Al-Ba'aj", "the daily
 * average number of arrivals … – which are 192 to Sinjar": the figures the head counts later in its
 * clause are averages. The clause ends at a full stop, a semicolon, a clause break or a comma and a
 * conjunction.
 */
function averagedCount(tokens: readonly Token[], q: Quantity, lex: Lexicon): boolean {
  if (lex.averageHeads.length === 0) return false;
  for (let end = q.lead, k = 0; k <= AVERAGE_HEAD_REACH && end > 0; end--, k++) {
    const before = tokens[end - 1]!;
    if (before.text === '.' || before.text === ';' || lex.clauseBreaks.has(before.norm)) return false;
    // ", and 12,000 people were displaced": a clause of its own after the average.
    if (lex.coordinators.has(before.norm) && tokens[end - 2]?.text === ',') return false;
    if (lex.averageHeads.some((a) => a.every((w, j) => tokens[end - a.length + j]?.norm === w))) return true;
  }
  return false;
}

/** The largest family or household a size can tell. */
const GROUP_SIZE_MAX = 20;
/** Words between a group's size word and its number: "family size [of returnees was] six". */
const GROUP_SIZE_REACH = 6;

/**
 * "the average family size of returnees was six individuals", "el tamaño promedio de los hogares es de
 * 5 personas", "5 personnes par ménage": the size of one family, not a count of families or people.
 */
function groupSize(tokens: readonly Token[], q: Quantity, lex: Lexicon): boolean {
  if (q.value! > GROUP_SIZE_MAX || lex.groupSizes.length === 0) return false;
  const endsAt = (end: number) => (a: readonly string[]) => a.every((w, k) => tokens[end - a.length + k]?.norm === w);
  // Before the number: the size word, then only words of its clause. (From the digits, not the
  // qualifier: "con un promedio de cinco integrantes" reads "un promedio de" as one.)
  for (let end = q.first, k = 0; k <= GROUP_SIZE_REACH && end > 0; end--, k++) {
    if (lex.groupSizes.some(endsAt(end))) return true;
    if (tokens[end - 1]?.kind !== 'word') return false;
  }
  // After it: "5 persons per household".
  const startsAt = (a: readonly string[]) => a.every((w, k) => tokens[q.next + k]?.norm === w);
  return lex.groupSizes.some(startsAt);
}
