// Candidate retrieval: finds the spans of a text that name something in the gazetteer (or a
// demonym, or an abbreviation) and attaches every entry each may refer to, with the cues the
// ranker needs (is it sentence-initial, after a title, followed by "County", …). It decides
// nothing: resolve.ts ranks the candidates and drops the look-alikes.
import type { Gazetteer, GazetteerEntry } from './gazetteer.js';
import type { PlacesLexicon } from './lexicon.js';
import { normalizeName } from './normalize.js';
import { afterNameParticle, bylineTokens, inOrganisationName, landformAround } from './nameContext.js';
import { articleAndCountry, inLanguageZone } from './candidates.js';
import { documentLanguage, isCommonWord } from './commonWords.js';
import { sectionLabel } from './rules/sectionLabel.js';
import { STORM_NAME } from './rules/stormName.js';

export interface Token {
  start: number;
  end: number;
  norm: string;
  /** Starts with a capital letter, or is in a script without case. */
  cap: boolean;
}

export interface Mention {
  start: number;
  end: number;
  /** Normalised name as looked up. */
  key: string;
  words: number;
  candidates: readonly GazetteerEntry[];
  /** ISO2 when the span is a demonym ("Iraqi"). */
  demonym?: string;
  /** The administrative word after the name ("province", "County") when it was absorbed. */
  feature?: string;
  /** Index of the mention this one follows after a comma ("Green Bay, Wisconsin"). */
  containerOf?: number;
  sentenceInitial: boolean;
  /** A title or a given name stands right before it ("Gov. Washington", "Michael Jordan"). */
  person: boolean;
  /** A given name followed by a capitalised word ("Jordan Smith"). */
  givenName: boolean;
  /** Looks like a surname: after an unknown capitalised word or an initial, or before "said". */
  surname: boolean;
  /** Followed by "said", "told", "administration": a person, whatever the cues for a place. */
  personVerb: boolean;
  /** After a locative preposition ("in", "near", "outside") or before ", <state>". */
  placeCue: boolean;
  /** A common family name ("Brown", "Nelson"). */
  familyName: boolean;
  /** A saint's or founder's day ("St. Patrick's Day"). */
  holiday: boolean;
  /** Followed by a street, building or organisation word ("Lincoln Street", "Clark Academy"). */
  street: boolean;
  /** Names a river, lake or mountain: "Niger River", "Nuba Mountains", "Lake Victoria", "Gulf of Mexico", "lac Tchad". */
  landform?: boolean;
  /** The word also appears in lower case in the document ("mobile", "reading"). */
  lowercaseElsewhere: boolean;
  /** On the list of words that are rarely places on their own. */
  notPlace: boolean;
  /** A generic word (street, county, governor): never a place alone, even before ", <state>". */
  generic: boolean;
  /** A demonym or country followed by an organisation word ("Iraqi Red Crescent"). */
  organisation: boolean;
  /** A demonym or country naming an aid organisation that works abroad ("Norwegian Refugee Council"). */
  abroad?: boolean;
  /** Matched through an abbreviation ("Ky.", "U.S."). */
  abbreviation: boolean;
  /** Why the span is only a piece of some other word or name, when it is: a storm's name, a
   * hyphenated prefix, half of a garbled word, the first word of a longer unknown name. */
  inName?: string;
  /** One word that is also a common word of the text's language ("Como", "Zone"): see
   * rules/commonWord.ts. */
  commonWord?: boolean;
  /** Right after a locative preposition ("in", "en", "near"), not only before ", <Name>". */
  afterLocative?: boolean;
  /** A compass word of the text's languages ("Sud", "Ouest", "Norte"), written as the name of a
   * first-level area of some countries: see rules/compassArea.ts. */
  compass?: boolean;
  /** Found under another spelling of one vowel ("Netrokona" for Netrakona). */
  respelled?: boolean;
  /** Followed by a capitalised word of no known kind ("Karbi Anglong", "Porto Amboim"): maybe the
   * first word of a longer name that the gazetteer lacks. */
  continued?: boolean;
}

const UPPER = /^\p{Lu}/u;
const LETTER = /^\p{L}/u;

const WORD_START = /[\p{L}\p{N}]/u;
const WORD_PART = /[\p{L}\p{M}\p{N}]/u;

/** Is the code unit at i a letter, digit (or, inside a word, a combining mark)? */
function isWordChar(text: string, i: number, inside: boolean): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  // Surrogate pairs: test the whole code point.
  const ch = c >= 0xd800 && c <= 0xdbff ? text.slice(i, i + 2) : text.charAt(i);
  return (inside ? WORD_PART : WORD_START).test(ch);
}

/** Words (letters, digits, combining marks) with their offsets; everything else separates. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text, i, false)) {
      i++;
      continue;
    }
    const start = i;
    i += text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff ? 2 : 1;
    while (i < n && isWordChar(text, i, true))
      i += text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff ? 2 : 1;
    const w = text.slice(start, i);
    const code = w.charCodeAt(0);
    let cap: boolean;
    if (code < 128) cap = code >= 65 && code <= 90;
    else {
      const c = w.charAt(0);
      cap = UPPER.test(c) || (LETTER.test(c) && c.toLowerCase() === c.toUpperCase());
    }
    out.push({ start, end: i, norm: normalizeName(w), cap });
  }
  return out;
}

/** How two tokens of one name may be joined: '' (apostrophe), ' ' (space, hyphen, period), or null. */
function joiner(gap: string): string | null {
  if (gap === ' ' || gap === '-' || gap === '. ' || gap === '.' || gap === ' - ' || gap === '–') return ' ';
  if (gap === "'" || gap === '’') return '';
  return null;
}

/**
 * A short all-capitals word ("CIA", "EU", "IRNA") that no candidate spells that way is an
 * acronym, not a place, unless it opens a dateline ("ROME, Italy", "GAZA —") or is a heading on
 * a line of its own ("FIJI", "CHAD" over a report's country sections).
 */
function isAcronym(text: string, start: number, end: number, candidates: readonly GazetteerEntry[]): boolean {
  const word = text.slice(start, end);
  if (word.length > 4 || !/^[\p{Lu}.]+$/u.test(word)) return false;
  if (candidates.some((c) => c.name === word)) return false;
  if (!isSentenceStart(text, start)) return true;
  return !/^(,| —| –| -)/.test(text.slice(end, end + 2)) && !(lineStart(text, start) && /^[ \t]*(\n|$)/.test(text.slice(end)));
}

/** Whether only spaces stand between `pos` and the start of its line. */
function lineStart(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || text[i] === '\n';
}

function isSentenceStart(text: string, pos: number): boolean {
  let i = pos - 1;
  while (
    i >= 0 &&
    (text[i] === ' ' || text[i] === '"' || text[i] === '“' || text[i] === '(' || text[i] === "'")
  )
    i--;
  if (i < 0) return true;
  const c = text[i];
  return c === '.' || c === '!' || c === '?' || c === '\n' || c === ':' || c === '•' || c === '—';
}

export function findMentions(
  text: string,
  gaz: Gazetteer,
  lex: PlacesLexicon,
  toks: Token[] = tokenize(text),
): Mention[] {
  const lowerWords = new Set<string>();
  for (const t of toks) if (!t.cap) lowerWords.add(t.norm);
  const lang = documentLanguage(lowerWords);
  const mentions: Mention[] = [];
  const maxWords = Math.min(gaz.maxWords, 8);
  const listed = listMembers(text, toks, gaz, lex);
  const ofFeature = namesAfterFeatureOf(text, toks, lex);
  const byline = bylineTokens(text, toks, lex);
  let i = 0;
  while (i < toks.length) {
    const t = toks[i] as Token;
    if (!t.cap) {
      i++;
      continue;
    }
    const found =
      listed.get(i) ??
      longestMatch(text, toks, i, maxWords, gaz, lex) ??
      respelled(text, toks, i, ofFeature, gaz, lex);
    if (!found) {
      i++;
      continue;
    }
    let { j, end, key, candidates } = found;
    const { demonym, abbreviation } = found;
    // "CITY OF SAN FERNANDO", "the Town of Hope": one place of that full name does not rule
    // out the others the rest names; the context chooses among them all.
    const ofWord = /^(\S+) of (.+)$/.exec(key);
    if (ofWord && lex.settlementWords.has(ofWord[1]!)) {
      const seen = new Set(candidates.map((c) => c.id));
      const rest = gaz.lookup(ofWord[2]!).filter((c) => c.kind !== 'country' && !seen.has(c.id));
      if (rest.length) candidates = [...candidates, ...rest];
    }
    candidates = inLanguageZone(articleAndCountry(key, candidates, gaz), lang, lex);
    // "Nineveh governorate", "Laurel County": absorb the administrative word.
    let feature: string | undefined;
    const next = toks[j + 1];
    if (!demonym && next && text.slice(toks[j]!.end, next.start) === ' ' && lex.featureWords.has(next.norm)) {
      const withWord = gaz.lookup(`${key} ${next.norm}`);
      const admin = (withWord.length ? withWord : candidates).filter(
        (c) => c.kind !== 'city' && c.kind !== 'continent',
      );
      // "an Alberta town" is a town in Alberta: settlement words join a name only when the
      // gazetteer has the whole ("Kansas City").
      const settlement = lex.settlementWords.has(next.norm) && !withWord.length;
      // An area is often named after its seat: "Beni territory" may be the one around the town of
      // Beni (in a country where no area of that name exists), "Sunamganj district" the one around
      // Sunamganj.
      const seats =
        withWord.length || !lex.seatNamed.has(next.norm)
          ? []
          : candidates.filter((c) => c.kind === 'city' && !admin.some((a) => a.country === c.country));
      if ((admin.length || withWord.length || seats.length) && !settlement) {
        feature = next.norm;
        candidates = admin.length || seats.length ? [...admin, ...seats] : withWord;
        key = `${key} ${next.norm}`;
        j += 1;
        end = next.end;
      }
    }
    // "the provinces of Chaco and Corrientes", "the district of Dhubri": an administrative area.
    const areaWord = ofFeature.get(i);
    // "la bande de Gaza", "la franja de Gaza": a name whose lower-case head the gazetteer knows
    // whole is that place, not the area or town the last word alone names. (Not a town word's:
    // "la ciudad de La Paz" is La Paz, whatever town is called "Ciudad de la Paz".)
    const ofHead = toks[i - 2];
    const whole =
      areaWord && ofHead && FEATURE_OF.has(toks[i - 1]!.norm) && !lex.settlementWords.has(areaWord)
        ? gaz.lookup(`${ofHead.norm} ${toks[i - 1]!.norm} ${key}`)
        : [];
    if (whole.length) candidates = whole;
    else if (areaWord && !demonym && !feature) {
      // "the city of Corrientes" is the city, not the province.
      const town = lex.settlementWords.has(areaWord);
      const kept = candidates.filter((c) =>
        town ? c.kind === 'city' : c.kind !== 'city' && c.kind !== 'continent',
      );
      if (kept.length) {
        candidates = kept;
        if (!town) feature = areaWord;
      }
    }
    const prevTok = toks[i - 1];
    const gapBefore = prevTok ? text.slice(prevTok.end, t.start) : '';
    const person =
      !!prevTok &&
      ((prevTok.cap &&
        lex.titles.has(prevTok.norm) &&
        (gapBefore === ' ' || (gapBefore === '. ' && prevTok.end - prevTok.start <= 5))) ||
        (prevTok.cap && gapBefore === ' ' && lex.firstNames.has(prevTok.norm)) ||
        roleThenGivenName(text, toks, i, gaz, lex) ||
        (!demonym && afterNameParticle(text, toks, i, gaz, lex)));
    const after = toks[j + 1];
    const gapAfter = after ? text.slice(end, after.start) : '';
    const givenName =
      j === i &&
      !demonym &&
      !found.abbreviation &&
      !!after &&
      after.cap &&
      gapAfter === ' ' &&
      // "Michael Jordan" style: a known given name, or any name before a common family name
      // ("Georgia Stevens", "Chad Johnson").
      (lex.firstNames.has(t.norm) || lex.surnames.has(after.norm)) &&
      !gaz.startsName(`${t.norm} ${after.norm}`);
    const prevInMention =
      mentions.length > 0 && (mentions[mentions.length - 1] as Mention).end >= (prevTok?.end ?? -1);
    // "Howard Brown": two single-word town names side by side are a person's name.
    const prevMention = mentions[mentions.length - 1];
    const adjacentName =
      !!prevMention &&
      prevInMention &&
      prevMention.words === 1 &&
      j === i &&
      gapBefore === ' ' &&
      !prevMention.demonym &&
      !prevMention.notPlace &&
      !lex.notPlaces.has(key) &&
      !lex.titles.has(key) &&
      !lex.streetWords.has(key) &&
      !lex.featureWords.has(key) &&
      prevMention.candidates.every((c) => c.kind === 'city') &&
      candidates.every((c) => c.kind === 'city');
    if (adjacentName && prevMention) prevMention.surname = true;
    const surname =
      (!!prevTok &&
        !prevInMention &&
        prevTok.cap &&
        !isSentenceStart(text, prevTok.start) &&
        (gapBefore === ' ' || (gapBefore === '. ' && prevTok.end - prevTok.start === 1)) &&
        !lex.notPlaces.has(prevTok.norm) &&
        !lex.directional.has(prevTok.norm) &&
        !lex.demonyms.has(prevTok.norm)) ||
      adjacentName;
    const personVerb = !!after && gapAfter === ' ' && lex.personVerbs.has(after.norm);
    const afterLocative = !!prevTok && !prevTok.cap && gapBefore === ' ' && lex.locatives.has(prevTok.norm);
    const placeCue = afterLocative || /^,\s?\p{Lu}/u.test(text.slice(end, end + 3));
    // The word after the name, past a possessive "'s" ("St. Patrick's Day").
    const possessive = !!after && after.norm === 's' && /^['’]$/.test(gapAfter);
    const head = possessive ? toks[j + 2] : after;
    const headGap = possessive && head && after ? text.slice(after.end, head.start) : gapAfter;
    const street = !!head && head.cap && headGap === ' ' && lex.streetWords.has(head.norm);
    const landform = landformAround(text, toks, i, head, headGap, lex);
    const holiday = possessive && !!head && head.norm === 'day' && headGap === ' ';
    const organisation =
      (!!after &&
        (gapAfter === ' ' || gapAfter === "'s ") &&
        lex.orgHeads.has(after.norm) &&
        (!!demonym || candidates.some((c) => c.kind === 'country'))) ||
      (!demonym && inOrganisationName(text, toks, i, j, lex));
    // Built in two steps so that `abroad` keeps its place between `organisation` and
    // `abbreviation` without an object spread (which V8 runs as a slow run-time copy).
    const m = {
      start: t.start,
      end,
      key,
      words: j - i + 1,
      candidates,
      sentenceInitial: isSentenceStart(text, t.start),
      person,
      givenName,
      surname,
      personVerb,
      street,
      ...(landform ? { landform } : {}),
      holiday,
      placeCue,
      familyName: j === i && lex.surnames.has(key),
      generic: j === i && (lex.streetWords.has(key) || lex.featureWords.has(key) || lex.titles.has(key)),
      lowercaseElsewhere: j === i && lowerWords.has(t.norm),
      notPlace:
        // (A state's postal code after its town is no such word: "Helena, MT", not "Mt." before "Merapi".)
        (!feature && !abbreviation && lex.notPlaces.has(key)) ||
        (!abbreviation && isAcronym(text, t.start, end, candidates)) ||
        // "la iglesia San José", "l'école Jean Moulin": a building's name after its noun.
        (!!prevTok && gapBefore === ' ' && lex.buildingsBefore.has(prevTok.norm)),
      organisation,
    } as Mention;
    if (abroadOrganisation(toks, j, lex) && (!!demonym || candidates.some((c) => c.kind === 'country')))
      m.abroad = true;
    m.abbreviation = abbreviation;
    if (demonym) m.demonym = demonym;
    if (feature) m.feature = feature;
    if (found.respelled) m.respelled = true;
    const common = j === i && !demonym && !abbreviation && !feature && isCommonWord(key, lang);
    if (common) m.commonWord = true;
    // Even after an area word ("le département du Sud"): which country's Sud, the text must say.
    // So too for a translation of such an area's name: "Distrito Central" is Israel's Central
    // District as well as Tegucigalpa's municipality, which the gazetteer lacks.
    const compassArea = (c: GazetteerEntry) => c.kind === 'admin1' && lex.directional.has(normalizeName(c.name));
    const translated = candidates.length > 0 && candidates.every((c) => compassArea(c) && normalizeName(c.name) !== key);
    if (!demonym && (lex.directional.has(key) || translated)) m.compass = true;
    if (afterLocative) m.afterLocative = true;
    // A label ("Annex C"), a heading word ("ANNEX") or a currency prefix ("US$"); a capitalised
    // dateline ("NICE, France —") stays a place.
    const dateline = isSentenceStart(text, t.start) && /^(,| —| –| -)/.test(text.slice(end, end + 2));
    // "TURKEY", "CHAD" in a heading are still countries.
    const area = candidates.some((c) => c.kind !== 'city' && c.kind !== 'admin2');
    const label =
      j === i && !demonym && !feature && !dateline ? sectionLabel(text, toks, i, lex, common && !area) : null;
    const inName = byline.has(i)
      ? 'a name in a byline'
      : (label ?? partOfOtherName(text, toks, i, j, end, candidates, gaz, lex));
    if (inName === LONGER) {
      if (!demonym && !abbreviation && !feature) m.continued = true;
    } else if (inName && !demonym && (!abbreviation || inName === label)) m.inName = inName;
    const prev = mentions[mentions.length - 1];
    if (prev && /^,\s?$/.test(text.slice(prev.end, m.start))) m.containerOf = mentions.length - 1;
    mentions.push(m);
    i = j + 1;
  }
  return mentions;
}

/**
 * "spokesman Mustefa Bali", "Commander Ali Homs": a role word, then a capitalised word that is
 * no place, then the name: a person's given name and family name.
 */
function roleThenGivenName(
  text: string,
  toks: Token[],
  i: number,
  gaz: Gazetteer,
  lex: PlacesLexicon,
): boolean {
  const given = toks[i - 1];
  const role = toks[i - 2];
  if (!given || !role || !given.cap) return false;
  if (text.slice(given.end, (toks[i] as Token).start) !== ' ' || text.slice(role.end, given.start) !== ' ')
    return false;
  if (!lex.titles.has(role.norm) || lex.titles.has(given.norm)) return false;
  // The given name may be some town's name too ("Musa"), not a country's or a province's.
  if (lex.demonyms.has(given.norm) || lex.notPlaces.has(given.norm)) return false;
  return !gaz.lookup(given.norm).some((c) => c.kind !== 'city');
}

/**
 * Whether the span [toks i..j] is only a piece of something else, and what: the name after a
 * storm word ("Cyclone Mocha"), a prefix before a hyphen ("Pre-Monsoon"), half of a word broken
 * by a character that failed to decode ("Bah\uFFFDa"), a news agency ("Fars News Agency"), or the
 * first word of a longer name that the gazetteer does not know ("Karbi Anglong", "Porto Amboim",
 * "Observatory for Human Rights"). Country names are kept: they still say where.
 */
function partOfOtherName(
  text: string,
  toks: Token[],
  i: number,
  j: number,
  end: number,
  candidates: readonly GazetteerEntry[],
  gaz: Gazetteer,
  lex: PlacesLexicon,
): string | null {
  const first = toks[i] as Token;
  if (garbledBefore(text, first.start) || garbledAfter(text, end)) return 'piece of a garbled word';
  const prev = toks[i - 1];
  if (prev && lex.stormWords.has(prev.norm) && text.slice(prev.end, first.start) === ' ') return STORM_NAME;
  const next = toks[j + 1];
  if (!next) return null;
  const gap = text.slice(end, next.start);
  const country = candidates.some((c) => c.kind === 'country');
  if (gap === '-' || gap === '‐') {
    if (i === j && lex.prefixes.has(first.norm)) return 'a prefix';
    // "Pre-Monsoon": a capitalised compound whose second half is no place either.
    if (next.cap && !gaz.startsName(next.norm) && !lex.demonyms.has(next.norm) && i === j)
      return 'first half of a compound word';
    return null;
  }
  if (gap !== ' ') return null;
  if (country) return null;
  if (lex.agencyNames.some((words) => words.every((w, k) => toks[j + 1 + k]?.norm === w)))
    return 'a news agency';
  if (!next.cap || titleCase(text, end)) return null;
  // The next word is a known kind of word: a place, a title, a month, an organisation's head…
  if (
    gaz.startsName(next.norm) ||
    lex.demonyms.has(next.norm) ||
    lex.notPlaces.has(next.norm) ||
    lex.featureWords.has(next.norm) ||
    lex.streetWords.has(next.norm) ||
    lex.orgHeads.has(next.norm) ||
    lex.titles.has(next.norm) ||
    lex.personVerbs.has(next.norm) ||
    lex.directional.has(next.norm) ||
    lex.surnames.has(next.norm) ||
    lex.firstNames.has(next.norm) ||
    next.norm.length < 3 ||
    /^\p{Lu}+$/u.test(text.slice(next.start, next.end))
  )
    return null;
  return LONGER;
}

const LONGER = 'first word of a longer name';

const REPLACEMENT = '\uFFFD';
const isLetter = (ch: string | undefined): boolean => !!ch && /\p{L}/u.test(ch);

/** A character that failed to decode joins this word to letters before it ("Bah\uFFFDa"). */
function garbledBefore(text: string, start: number): boolean {
  return text[start - 1] === REPLACEMENT && isLetter(text[start - 2]);
}

/** …or after it; "China\uFFFDs" is a possessive whose apostrophe failed to decode. */
function garbledAfter(text: string, end: number): boolean {
  if (text[end] !== REPLACEMENT || !isLetter(text[end + 1])) return false;
  return !(text[end + 1] === 's' && !isLetter(text[end + 2]));
}

/**
 * Is the line around `pos` written in title case (a headline: "Thousands Flee As Floods Hit
 * Assam")? There, a capitalised word after a name says nothing. Looks at most 200 characters
 * each way, so the whole scan stays linear.
 */
function titleCase(text: string, pos: number): boolean {
  let a = pos;
  while (a > 0 && pos - a < 200 && text[a - 1] !== '\n') a--;
  let b = pos;
  while (b < text.length && b - pos < 200 && text[b] !== '\n') b++;
  let words = 0;
  let caps = 0;
  // Runs of at least four letters, counted in place (a character outside the Basic
  // Multilingual Plane sends the line to the regular expressions).
  let run = 0;
  let upper = false;
  for (let k = a; k <= b; k++) {
    const c = k < b ? text.charCodeAt(k) : 32;
    let kind: number;
    if (c < 128) kind = c >= 97 && c <= 122 ? LOWER : c >= 65 && c <= 90 ? UPPER_CASE : OTHER;
    else if (c >= 0xd800 && c <= 0xdfff) return titleCaseSlow(text.slice(a, b));
    else kind = letterKind(c);
    if (kind !== OTHER) {
      if (run++ === 0) upper = kind === UPPER_CASE;
      continue;
    }
    if (run >= 4) {
      words++;
      if (upper) caps++;
    }
    run = 0;
  }
  return words >= 3 && caps / words >= 0.6;
}

const OTHER = 0;
const LOWER = 1;
const UPPER_CASE = 2;
const kinds = new Map<number, number>();

/** Whether the character (outside ASCII, not a surrogate) is a letter, and an upper-case one. */
function letterKind(c: number): number {
  let k = kinds.get(c);
  if (k === undefined) {
    const ch = String.fromCharCode(c);
    k = !/\p{L}/u.test(ch) ? OTHER : /\p{Lu}/u.test(ch) ? UPPER_CASE : LOWER;
    kinds.set(c, k);
  }
  return k;
}

function titleCaseSlow(line: string): boolean {
  let words = 0;
  let caps = 0;
  for (const w of line.match(/\p{L}{4,}/gu) ?? []) {
    words++;
    if (/^\p{Lu}/u.test(w)) caps++;
  }
  return words >= 3 && caps / words >= 0.6;
}

/** The word joining an administrative word to a name: "the province of", "el municipio de",
 * "le département du". */
const FEATURE_OF = new Set(['of', 'de', 'del', 'du', 'des']);

/**
 * Names after "<administrative word> of" ("the province of Nuristan", "the provinces of Formosa,
 * Misiones and Chaco", "el municipio de Santa Catarina"): token index of each name's first word
 * → the singular word.
 */
function namesAfterFeatureOf(text: string, toks: Token[], lex: PlacesLexicon): Map<number, string> {
  const out = new Map<number, string>();
  for (let k = 0; k + 2 < toks.length; k++) {
    const w = (toks[k] as Token).norm;
    const plural = lex.pluralFeatures.get(w);
    const singular = plural ?? (lex.featureWords.has(w) ? w : undefined);
    if (!singular || !FEATURE_OF.has((toks[k + 1] as Token).norm)) continue;
    if (text.slice((toks[k] as Token).end, (toks[k + 1] as Token).start) !== ' ') continue;
    let x = k + 2;
    while (x < toks.length && (toks[x] as Token).cap && x - k < 40) {
      out.set(x, singular);
      if (!plural) break;
      // To the end of this name, then over a separator to the next.
      let e = x;
      while (
        e + 1 < toks.length &&
        (toks[e + 1] as Token).cap &&
        text.slice((toks[e] as Token).end, (toks[e + 1] as Token).start) === ' '
      )
        e++;
      let nx = e + 1;
      while (nx < toks.length && nx < e + 3 && lex.listJoiners.has((toks[nx] as Token).norm)) nx++;
      const sep = nx < toks.length ? text.slice((toks[e] as Token).end, (toks[nx] as Token).start) : '';
      if (!isSeparator(sep.replace(/\s+/g, ' '), lex)) break;
      x = nx;
      k = e;
    }
  }
  return out;
}

/**
 * Is `gap` (white space collapsed) what stands between two names of a list: ", ", " & ", or a
 * list joiner of the lexicon alone or after a comma (" and ", ", or ")?
 */
function isSeparator(gap: string, lex: PlacesLexicon): boolean {
  if (gap === ', ' || gap === ' & ') return true;
  const word = gap.startsWith(', ') ? gap.slice(2) : gap.startsWith(' ') ? gap.slice(1) : null;
  return word !== null && word.endsWith(' ') && lex.listJoiners.has(word.slice(0, -1));
}

/**
 * Names listed before a plural administrative word ("Hamilton, Preble and Warren counties",
 * "Kirundo, Makamba and Rutana provinces"): each is looked up with the singular word, or as an
 * administrative area.
 */
function listMembers(text: string, toks: Token[], gaz: Gazetteer, lex: PlacesLexicon): Map<number, Match> {
  const out = new Map<number, Match>();
  for (let k = 1; k < toks.length; k++) {
    const singular = lex.pluralFeatures.get((toks[k] as Token).norm);
    if (!singular) continue;
    let j = k - 1;
    while (j >= 0) {
      // One name: a run of capitalised tokens ending at j.
      let i = j;
      while (
        i > 0 &&
        (toks[i] as Token).cap &&
        (toks[i - 1] as Token).cap &&
        text.slice((toks[i - 1] as Token).end, (toks[i] as Token).start) === ' '
      )
        i--;
      if (!(toks[i] as Token).cap || j - i > 3) break;
      const key = toks
        .slice(i, j + 1)
        .map((t) => t.norm)
        .join(' ');
      const withWord = gaz.lookup(`${key} ${singular}`);
      const candidates = withWord.length
        ? withWord
        : gaz.lookup(key).filter((c) => c.kind === 'admin1' || c.kind === 'admin2');
      if (candidates.length)
        out.set(i, {
          j,
          end: (toks[j] as Token).end,
          key: withWord.length ? `${key} ${singular}` : key,
          candidates,
          abbreviation: false,
        });
      // Step back over the separator: ", ", " and ", ", or " …
      let x = i - 1;
      while (x >= 0 && x > i - 3 && lex.listJoiners.has((toks[x] as Token).norm)) x--;
      const prev = toks[x];
      if (!prev || !isSeparator(text.slice(prev.end, (toks[i] as Token).start).replace(/\s+/g, ' '), lex))
        break;
      j = x;
    }
  }
  return out;
}

interface Match {
  j: number;
  end: number;
  key: string;
  candidates: readonly GazetteerEntry[];
  demonym?: string;
  abbreviation: boolean;
  respelled?: boolean;
}

/**
 * A word the gazetteer does not know, right after "in", "near"… or "the district of": is it a
 * known name with one vowel spelled differently ("Netrokona" for Netrakona, "Sylhat")? Tries
 * at most five variants per vowel of the word, each one binary search.
 */
function respelled(
  text: string,
  toks: Token[],
  i: number,
  ofFeature: Map<number, string>,
  gaz: Gazetteer,
  lex: PlacesLexicon,
): Match | null {
  const t = toks[i] as Token;
  const prev = toks[i - 1];
  const cue =
    ofFeature.has(i) ||
    (!!prev && !prev.cap && lex.locatives.has(prev.norm) && text.slice(prev.end, t.start) === ' ');
  if (!cue || t.norm.length < 6 || !/^[a-z]+$/.test(t.norm) || /^\p{Lu}+$/u.test(text.slice(t.start, t.end)))
    return null;
  const next = toks[i + 1];
  if (next?.cap && text.slice(t.end, next.start) === ' ') return null;
  if (lex.notPlaces.has(t.norm) || lex.surnames.has(t.norm) || lex.firstNames.has(t.norm)) return null;
  // "in Masisi" for the area the gazetteer knows only with its word ("Masisi Territory") is that
  // area, before any name one vowel away ("Masasi", in another country).
  // (Not a possessive: "at Carter's" is someone's home.)
  const area = /^['’]/u.test(text.slice(t.end, t.end + 1)) ? null : areaWithWord(t.norm, gaz, lex);
  if (area) return { j: i, end: t.end, key: area.key, candidates: area.candidates, abbreviation: false };
  let found: { key: string; candidates: readonly GazetteerEntry[] } | null = null;
  for (let k = 1; k < t.norm.length; k++) {
    if (!lex.respellVowels.includes(t.norm[k] as string)) continue;
    for (const v of lex.respellVowels) {
      if (v === t.norm[k]) continue;
      const key = t.norm.slice(0, k) + v + t.norm.slice(k + 1);
      const candidates = gaz.lookup(key);
      if (!candidates.length) continue;
      // Two different names one vowel away: no telling which was meant.
      if (found && found.key !== key) return null;
      found = { key, candidates };
    }
  }
  if (!found) return null;
  return {
    j: i,
    end: t.end,
    key: found.key,
    candidates: found.candidates,
    abbreviation: false,
    respelled: true,
  };
}

/** The one administrative area named `name` and an area word ("masisi territory"), or null when none or several are. */
function areaWithWord(
  name: string,
  gaz: Gazetteer,
  lex: PlacesLexicon,
): { key: string; candidates: readonly GazetteerEntry[] } | null {
  let found: { key: string; candidates: readonly GazetteerEntry[] } | null = null;
  for (const word of lex.featureWords) {
    if (lex.settlementWords.has(word)) continue;
    const key = `${name} ${word}`;
    const candidates = gaz.lookup(key).filter((c) => c.kind !== 'city' && c.kind !== 'continent');
    if (!candidates.length) continue;
    if (found) return null;
    found = { key, candidates };
  }
  return found;
}

const abbreviationLengths = new WeakMap<ReadonlyMap<string, string>, { size: number; longest: number }>();
/** The length of the longest abbreviation, worked out once per lexicon (again if it grows). */
function longestAbbreviation(abbreviations: ReadonlyMap<string, string>): number {
  let known = abbreviationLengths.get(abbreviations);
  if (known === undefined || known.size !== abbreviations.size) {
    known = { size: abbreviations.size, longest: 0 };
    for (const form of abbreviations.keys()) known.longest = Math.max(known.longest, form.length);
    abbreviationLengths.set(abbreviations, known);
  }
  return known.longest;
}

function longestMatch(
  text: string,
  toks: Token[],
  i: number,
  maxWords: number,
  gaz: Gazetteer,
  lex: PlacesLexicon,
): Match | null {
  const first = toks[i] as Token;
  // Keys of the spans starting at i, longest last.
  // (`inner`: the key's last word joined by an apostrophe, lower case in Arabic names: "Ta'izz", "Ma'rib".)
  const keys: { j: number; key: string; inner?: boolean }[] = [];
  let key = first.norm;
  keys.push({ j: i, key });
  // French writes the adjectives of a country's name in lower case ("République centrafricaine",
  // "Guinée équatoriale", "République démocratique du Congo"): up to two lower-case words may
  // continue a name whose first word starts one; a key ending in one must then name a country.
  let lower = gaz.startsName(first.norm) ? 2 : 0;
  for (let j = i + 1; j < toks.length && j < i + maxWords; j++) {
    const tj = toks[j] as Token;
    const join = joiner(text.slice((toks[j - 1] as Token).end, tj.start));
    if (join === null) break;
    const inner = join === '' && !tj.cap && tj.norm.length > 2; // not "I've", "they're"
    if (!inner && !tj.cap && !lex.connectors.has(tj.norm) && tj.norm.length > 1 && lower-- <= 0) break;
    key = key + join + tj.norm;
    keys.push({ j, key, inner });
  }
  // Abbreviations, as written: "U.S.", "Ky.", "N.Y.", "UK".
  let abbrev: Match | null = null;
  const longest = longestAbbreviation(lex.abbreviations);
  for (let n = Math.min(keys.length, 4) - 1; n >= 0 && !abbrev; n--) {
    const tj = toks[i + n] as Token;
    // Longer than every abbreviation, with or without a period: no form of it is one.
    if (tj.end - first.start > longest) continue;
    const raw = text.slice(first.start, tj.end);
    const withDot = text[tj.end] === '.' ? raw + '.' : null;
    for (const form of withDot ? [withDot, raw] : [raw]) {
      const target = lex.abbreviations.get(form);
      if (!target) continue;
      const [cc, a1] = target.split('.');
      const entry = a1 ? gaz.admin1(cc ?? '', a1) : gaz.country(cc ?? '');
      // A state abbreviation with one period ("Ind.", "Mass.") is only trusted after a comma.
      if (
        a1 &&
        (form.match(/\./g) ?? []).length < 2 &&
        !/,\s?$/.test(text.slice(Math.max(0, first.start - 2), first.start))
      )
        continue;
      if (entry)
        abbrev = {
          j: i + n,
          end: first.start + form.length,
          key: normalizeName(form),
          candidates: [entry],
          abbreviation: true,
        };
      break;
    }
  }
  // US postal codes after a town: "Austin, TX".
  if (
    !abbrev &&
    keys.length >= 1 &&
    first.end - first.start === 2 &&
    /^[A-Z]{2}$/.test(text.slice(first.start, first.end)) &&
    /,\s?$/.test(text.slice(Math.max(0, first.start - 2), first.start))
  ) {
    const entry = gaz.admin1('US', text.slice(first.start, first.end));
    if (entry) abbrev = { j: i, end: first.end, key: first.norm, candidates: [entry], abbreviation: true };
  }
  if (
    !gaz.startsName(first.norm) &&
    !lex.demonyms.has(first.norm) &&
    !keys.some((k) => lex.demonyms.has(k.key))
  )
    return abbrev;
  for (let n = keys.length - 1; n >= 0; n--) {
    const { j, key: k, inner } = keys[n] as { j: number; key: string; inner?: boolean };
    const last = toks[j] as Token;
    if (!last.cap && !inner && !gaz.lookup(k).some((c) => c.kind === 'country')) continue;
    if (abbrev && abbrev.j >= j) return abbrev;
    const dem = lex.demonyms.get(k);
    if (dem) {
      const entry = gaz.country(dem);
      return {
        j,
        end: last.end,
        key: k,
        candidates: entry ? [entry] : [],
        demonym: dem,
        abbreviation: false,
      };
    }
    const cands = gaz.lookup(k);
    if (cands.length) {
      // "U.S" matched as "u s": take the final period into the span.
      const end = last.end - last.start === 1 && text[last.end] === '.' ? last.end + 1 : last.end;
      return { j, end, key: k, candidates: cands, abbreviation: false };
    }
  }
  return abbrev;
}

/** The words after token j spell an aid organisation that works abroad ("… Refugee Council"). */
function abroadOrganisation(toks: readonly { norm: string }[], j: number, lex: PlacesLexicon): boolean {
  return lex.abroadOrgs.some((words) => words.every((w, k) => toks[j + 1 + k]?.norm === w));
}
