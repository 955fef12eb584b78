// Quantities that name or number something instead of counting it: ordinals ("4th", "1er"),
// labels and ranks ("Category 4", "Resolution 2334", "Camp 7"), model numbers ("Boeing 737"),
// identifiers glued to letters ("COVID-19", "H5N1"), numbers glued to other numbers ("12/06",
// "2024-118", "2023-24"), note and list markers ("city.1 Half of", "(7%). 2 The majority",
// "2- More people flee"), and phone numbers. Returns the reason, or null.
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../segment/tokens.js';
import type { Quantity } from './find.js';
import { findNoun } from './noun.js';

/** A dot leader before a page number, and the chapter numeral or dash it may carry. */
const DOT_LEADER = /(?:\.{4,}|…{2,}|(?:\. ){3,})\s*(?:[IVXLC]+\s*[-–]\s*)?$/u;
const LEADER_REACH = 16;

export function codeReason(text: string, tokens: readonly Token[], q: Quantity, lex: Lexicon): string | null {
  const before = tokens[q.lead - 1];
  const before2 = tokens[q.lead - 2];
  const after = tokens[q.next];
  const core = tokens[q.first]!;
  if (after && after.start === core.end && lex.ordinalSuffixes.has(after.norm)) return 'ordinal';
  // A site's name: "selon 2424.mg", "20minutes.fr": a period and a top-level domain glued to the digits.
  const domain = tokens[q.next + 1];
  if (
    after?.text === '.' &&
    after.start === tokens[q.next - 1]!.end &&
    domain?.kind === 'word' &&
    domain.start === after.end &&
    /^[a-z]{2,4}$/.test(domain.text) &&
    !(tokens[q.next + 2]?.start === domain.end && tokens[q.next + 2]?.kind !== 'punct')
  )
    return 'web address';
  // Labels and ranks: "Category 4", "No. 5", "level 3", "Resolution 2334"; not a qualifier ("over 5").
  const labelTok = before?.text === '.' ? before2 : before;
  // The abbreviation's own dot is a token of its own: "No. 56", "Vol. 3".
  // "N° 28223": the tokenizer cuts the degree sign off the letter.
  const degree = (before?.text === '°' || before?.text === 'º') && before2?.end === before.start;
  const label =
    labelTok &&
    (lex.labelBefore.has(labelTok.norm) ||
      (before?.text === '.' && lex.labelBefore.has(`${labelTok.norm}.`)) ||
      (degree && lex.labelBefore.has(`${before2!.norm}${before!.text}`)));
  if (
    labelTok &&
    label &&
    !lex.qualifiersByLast.has(labelTok.norm) &&
    !endsTimePhrase(tokens, tokens.indexOf(labelTok), lex) &&
    !countsThousands(text, tokens, q, lex) &&
    !(peopleRightAfter(tokens, q, lex) && ARTICLES.has(tokens[tokens.indexOf(labelTok) - 1]?.norm ?? ''))
  )
    return 'label or age';
  if (before && lex.modelBefore.has(before.norm) && q.written === 'digits') return 'model number';
  // A table of contents: "Profile of Existing Evacuation Centers - Sto. Domingo ..... XIX - 33".
  if (q.written === 'digits' && DOT_LEADER.test(text.slice(Math.max(0, q.start - LEADER_REACH), q.start)))
    return 'page number';
  // "Situation Report #2", "Flash Update #14": the number sign glued to digits numbers an item.
  if (q.written === 'digits' && text[q.start - 1] === '#') return 'label or age';
  if (labelList(tokens, q, lex)) return 'label or age';
  // "9 (Nine) districts": a number word in brackets right after digits restates them.
  if (q.written === 'words' && /\d\s*[([]$/u.test(text.slice(Math.max(0, q.start - 4), q.start)) && /^[)\]]/u.test(text.slice(q.end, q.end + 1)))
    return 'restated number';
  if (q.written !== 'digits') return null;
  // "for these reasons: (1) people have already been displaced, (2) …": a small number in brackets
  // before a word, with the next or the previous number of the series in brackets nearby, numbers
  // an item of a list.
  if (
    q.value !== null &&
    q.value <= ENUMERATOR_MAX &&
    text[q.start - 1] === '(' &&
    text[q.end] === ')' &&
    numbersAList(text, q.start, q.value) &&
    /^\)\s+\p{L}/u.test(text.slice(q.end, q.end + 3)) &&
    // (Not a bracketed count before its place: "(12) in Colombo".)
    !lex.additives.places.has(tokens[q.next + 1]?.norm ?? '')
  )
    return 'list item number';
  // "el 27-F", "los atentados del 11-M", "le 13-N": a day glued to a month's capital names an event.
  if (q.end === core.end && /^[-‑]\p{Lu}(?![\p{L}\d])/u.test(text.slice(q.end, q.end + 3)))
    return 'date or code';
  // Identifiers glued to letters: COVID-19, H5N1, A320, 173mm …but not text glued by a scraper
  // ("dead16,000 families"): only short or upper-case prefixes.
  const glued = /([\p{L}]+)[-/#]?$/u.exec(text.slice(Math.max(0, q.start - 12), q.start))?.[1];
  // (A lower-case function word glued by a scraper is no code: "plus de634 personnes".)
  if (
    glued &&
    (glued.length <= 3 || /^\p{Lu}+$/u.test(glued)) &&
    /[\p{L}\-/#]/u.test(text[q.start - 1] ?? '') &&
    !(
      /^\p{Ll}+$/u.test(glued) &&
      lex.functionWords.has(glued) &&
      /^\s?$/.test(text[q.start - glued.length - 1] ?? '')
    )
  )
    return 'identifier';
  // A hyphen joining a word to the digits names something ("Covid-19", "Sars-CoV-2", "Kilo-18"):
  // a scraper glues words to figures without one. Not digits grouped in thousands, which no name
  // carries: a list of places and their counts ("Jajpur-29,500, Bhadrak-24,600, Cuttack-1,00,000").
  if (glued && text[q.start - 1] === '-' && !q.range && !/^\d{1,3}(,\d{2,3})+$/.test(text.slice(q.start, q.end)))
    return 'identifier';
  // "the 2 914m-high volcano": a measure's unit glued to the last of digit groups split by spaces.
  const unit = /^\p{L}+/u.exec(text.slice(q.end, q.end + 12))?.[0]?.toLowerCase();
  if (q.end !== core.end && unit && lex.measureAfter.has(unit)) return 'measure';
  // (A times sign is not a letter of a code: "2,333x persons", see segment/tokens.ts.)
  if (/^(?!x(?![\p{L}\d]))\p{L}/u.test(text.slice(core.end, core.end + 2)) && q.end === core.end)
    return 'identifier or ordinal';
  // Numbers glued to other numbers by a slash, hyphen or dot are dates, codes or spans of years
  // ("12/06/2024", "2024-118", "2023-24"); a range that was read as one ("3,000-5,000") is not.
  if (
    !q.range &&
    (/\d[-–—/.]$/.test(text.slice(Math.max(0, q.start - 2), q.start)) ||
      /^[-–—/.]\d/.test(text.slice(q.end, q.end + 2)))
  )
    return 'date or code';
  return (
    noteReason(text, tokens, q, lex) ?? nameNumberReason(tokens, q, lex) ?? phoneReason(text, tokens, q, lex)
  );
}

/** The largest number that numbers an item of a list in brackets: "(1)", "(12)". */
const ENUMERATOR_MAX = 30;
/** How far the next or previous item's number is looked for, in characters. */
const ENUMERATOR_REACH = 400;

/** Whether "(n+1)" follows or "(n-1)" precedes the bracketed `n` at `start` within reach. */
function numbersAList(text: string, start: number, n: number): boolean {
  return (
    text.slice(start, start + ENUMERATOR_REACH).includes(`(${n + 1})`) ||
    (n > 1 && text.slice(Math.max(0, start - ENUMERATOR_REACH), start).includes(`(${n - 1})`))
  );
}

/** The longest list of labels read back from its last number: "Wards 2, 5, 7 and 9". */
const LABEL_LIST = 6;

/**
 * "Barangays 88 and 89", "wards 3, 4 and 7": a small number joined to earlier small numbers that
 * follow a label word is a label too.
 */
function labelList(tokens: readonly Token[], q: Quantity, lex: Lexicon): boolean {
  // Digits, or a number word ("towers one and two").
  const small = (t: Token | undefined) =>
    (t?.kind === 'number' && /^\d{1,3}$/.test(t.text)) || (t?.kind === 'word' && (lex.numberUnits.get(t.norm) ?? 100) < 100);
  if (!small(tokens[q.first]) || q.first !== q.lead) return false;
  // "In Barangay 5, 60 families were evacuated": a counted noun makes the last number a figure.
  const counted = findNoun(tokens, q.next, lex)?.kind;
  if (counted && counted !== 'other') return false;
  let k = q.lead - 1;
  for (let items = 0; items < LABEL_LIST; items++) {
    const joiner = tokens[k];
    if (!joiner || (joiner.text !== ',' && !lex.coordinators.has(joiner.norm))) return false;
    k--;
    if (tokens[k]?.text === ',') k--; // "2, 5, and 7"
    if (!small(tokens[k])) return false;
    k--;
    const label = tokens[k];
    if (label && lex.labelBefore.has(label.norm)) return true;
  }
  return false;
}

/**
 * A small number right after a capitalised word inside a sentence is part of a name: "relocated
 * to Pugnido 2", "through Kilo 18 screening site", "Delmas 28 were forced". Not when it counts
 * people or homes ("Bicol 12 families"), nor after a capitalised verb of a headline ("Storm
 * Displaces 40 in Town").
 */
function nameNumberReason(tokens: readonly Token[], q: Quantity, lex: Lexicon): string | null {
  if (q.range || q.value! > NOTE_MAX || q.first !== q.lead || q.lead < 2) return null;
  if (!/^\d{1,2}$/.test(tokens[q.first]!.text)) return null;
  const name = tokens[q.lead - 1]!;
  if (name.kind !== 'word' || !/^\p{Lu}/u.test(name.text) || lex.triggers.has(name.norm)) return null;
  const counted = findNoun(tokens, q.next, lex)?.kind;
  return counted === undefined || counted === 'other' ? 'part of a name' : null;
}

/** The largest footnote or list number read as such. */
const NOTE_MAX = 99;

/**
 * Footnote and list markers of report text: a small number glued after a word's full stop or comma
 * ("Mosul city.1 Half of these IDPs", "Samar,2 only 53") or to the word itself ("displaced people1"), or opening a line or sentence before a list dash or bracket
 * ("2- More people flee", "3) UNHCR concerned") or before a capitalised word that is no counted
 * noun ("(7%). 2 The majority of displaced persons"). A headline's "3 Families Evacuated" stays.
 */
function noteReason(text: string, tokens: readonly Token[], q: Quantity, lex: Lexicon): string | null {
  if (q.range || q.value! > NOTE_MAX || q.first !== q.lead) return null;
  const core = tokens[q.first]!;
  if (!/^\d{1,2}$/.test(core.text)) return null;
  // A note's number with its call mark, wherever it stands: "précise 3 ( * ) que", "said 2 (*)".
  if (/^\s?\(\s?\*\s?\)/.test(text.slice(core.end, core.end + 6))) return 'footnote marker';
  // A note's number in square brackets glued to its word: "found refuge in Armenia[1], and".
  if (/\p{L}\[$/u.test(text.slice(Math.max(0, core.start - 2), core.start)) && text[core.end] === ']')
    return 'footnote marker';
  // A note's number glued to an acronym's closing bracket: "pour les réfugiés au Burundi (HCR)1, le
  // nombre", "the Displacement Tracking Matrix (DTM)2 shows": no count is written against a bracket.
  if (/\p{L}{2}\)$/u.test(text.slice(Math.max(0, core.start - 3), core.start)) && /^([\s,;:.]|$)/.test(text.slice(core.end, core.end + 1)))
    return 'footnote marker';
  // Where it stands first, since most small numbers stand in running text: glued after a full
  // stop, or opening a line or sentence.
  // PDF text also glues the note to the word it follows, without a stop: "displaced people1",
  // "Venezuelans displaced abroad2".
  const spaced = /^(\s|$)/.test(text.slice(core.end, core.end + 1));
  const toWord = spaced && /\p{Ll}{3}$/u.test(text.slice(Math.max(0, core.start - 3), core.start));
  // Or after a word's comma: "in Eastern Samar and Samar,2 only 53 of 634".
  const glued =
    toWord || (spaced && /[\p{L})][.,]["”’]?$/u.test(text.slice(Math.max(0, core.start - 3), core.start)));
  if (!glued && !/(^|\n|[.!?]["”’)]?)\s*$/.test(text.slice(Math.max(0, core.start - 40), core.start)))
    return null;
  // A counted noun or a trigger word after it makes it a figure, glued or in a headline:
  // "the camp.12 families were evacuated", "3 Families Evacuated".
  const next = tokens[q.next];
  const nouns = lex.nouns;
  const counted = [nouns.people, nouns.households, nouns.housing, nouns.shelters, nouns.other];
  // A counted noun at token k, or (unless glued to a word) a trigger starting there.
  const countsAt = (k: number, triggers: boolean) => {
    const w = tokens[k]?.norm;
    if (w === undefined) return false;
    const second = tokens[k + 1]?.norm;
    return counted.some((set) => set.has(w)) || (triggers && !!lex.triggers.get(w)?.some((e) => e.words.length === 1 || e.words[1] === second));
  };
  // Glued after a word's stop and followed by a capitalised word, the number is no sentence's
  // opening: the capital opens it ("in the nine affected districts.1 People have been forced to
  // take shelter"), where an opening count goes on in lower case ("the camp.12 families were").
  if (glued && !toWord && next?.kind === 'word' && /^\p{Lu}\p{Ll}/u.test(next.text)) return 'footnote marker';
  // Glued to a word, the number ends that word's phrase: what follows is the sentence's verb
  // ("displaced people1 live in camps"), so only a counted noun makes it a figure.
  if (countsAt(q.next, !toWord)) return null;
  // Or a counted noun after one capitalised word, a nationality: "20 Pakistani families return from
  // Afghanistan", "300 Syrian refugees".
  if (!toWord && next?.kind === 'word' && /^\p{Lu}/u.test(next.text) && countsAt(q.next + 1, true)) return null;
  if (glued) return 'footnote marker';
  // "2- More people flee", "1 – Thousands of civilians reported displaced": a numbered item's marker.
  if (/^ ?[-–—)]\s+\p{Lu}/u.test(text.slice(core.end, core.end + 5))) return 'list marker';
  if (!next || next.kind !== 'word' || !/^\p{Lu}\p{Ll}/u.test(next.text) || next.start !== core.end + 1)
    return null;
  return 'footnote marker';
}

function phoneReason(text: string, tokens: readonly Token[], q: Quantity, lex: Lexicon): string | null {
  const core = tokens[q.first]!;
  // "+254 722 …", "0800 123 456": a leading plus or zero is never part of a count, unless the
  // plus stands before thousands grouped by commas or dots ("+220,000 people displaced").
  const thousands = /^\d{1,3}([.,])\d{3}(\1\d{3})*$/.test(core.text);
  if ((text[q.start - 1] === '+' && !thousands) || /^0\d/.test(core.text)) return 'phone or code';
  // "call 112", "Tel: 0722 …", "hotline 1 800 …": the word right before (a colon or an abbreviation's dot may come between).
  const word = [':', '.'].includes(tokens[q.lead - 1]?.text ?? '') ? tokens[q.lead - 2] : tokens[q.lead - 1];
  if (word && lex.phoneBefore.has(word.norm.replace(/\.$/, ''))) return 'phone or code';
  // Three or more digit groups joined by hyphens, dots or parentheses: "555-123-4567", "(022) 2345".
  // Thousands grouped by dots ("2.350.112") or commas are counts.
  const around = text.slice(Math.max(0, q.start - 6), Math.min(text.length, q.end + 12));
  const grouped = /^\d{1,3}([.,])\d{3}(\1\d{3})*$/.test(core.text);
  if (!grouped && /\d+[-.)]\s?\d{2,4}[-.]\d{2,4}/.test(around) && !/\d{1,3},\d{3}/.test(around))
    return 'phone or code';
  if (/\(\d{2,4}\)\s?\d/.test(around)) return 'phone or code';
  return null;
}

/**
 * "Over the past week 15,000 people fled", "last year 800 families": a time word after a
 * determiner ends a time phrase, and the figure after it counts; "in week 15" is a label.
 */
function endsTimePhrase(tokens: readonly Token[], at: number, lex: Lexicon): boolean {
  return lex.timeLabels.words.has(tokens[at]!.norm) && lex.timeLabels.leads.has(tokens[at - 1]?.norm ?? '');
}

/** Digits grouped in thousands ("15,000", "1 200") or carrying a scale count; labels are short numbers. */
function countsThousands(text: string, tokens: readonly Token[], q: Quantity, lex: Lexicon): boolean {
  for (let k = q.first; k < q.next; k++) if (lex.scales.has(tokens[k]!.norm)) return true;
  return /\d[,.\u00a0\u202f ]\d{3}(?!\d)/.test(text.slice(q.start, q.end));
}

/** Articles before a label's word when it names a place of its own, not a number's label: "à la rue". */
const ARTICLES = new Set(['la', 'le', 'the', 'el', 'les', 'los', 'las']);

/** "jetant à la rue 93 familles": a noun of people or families right after the figure makes it a count, not a label's number. */
function peopleRightAfter(tokens: readonly Token[], q: Quantity, lex: Lexicon): boolean {
  const noun = findNoun(tokens, q.next, lex);
  return !!noun && noun.first === q.next && (noun.kind === 'people' || noun.kind === 'households');
}
