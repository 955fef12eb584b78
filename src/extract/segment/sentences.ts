// Splits a document into sentences with their offsets. News text breaks on . ! ? followed by
// a capital, a digit or a quote; reports and PDFs also break on blank lines, bullets and
// short heading-like lines. Abbreviations ("U.S.", "Mr.", "a.m.", "No.") do not end a sentence.
import type { Span } from '../../types.js';
import { everyLanguage } from '../lexicon.js';

/** Abbreviations of every language (lexicon/<lang>/abbreviations.json), loaded on first use. */
let abbreviations: ReadonlySet<string> | null = null;
const loadAbbreviations = (): ReadonlySet<string> =>
  (abbreviations ??= new Set(
    everyLanguage<{ abbreviations: string[] }>('abbreviations.json').flatMap((f) => f.abbreviations),
  ));

/** The first letters of "A.M." and "P.M.". */
const MERIDIEM = new Set(['a', 'p']);

/**
 * The sentence's tokens without the periods of abbreviations before a name ("Brgy. Tambis",
 * "St. Louis", "Gov. Ruiz") or a comma ("Naples, Fla., was"), and those of initialisms ("the U.S.
 * were", "Lytton, B.C., northeast of"): they end no clause, and a period between a figure and its term
 * would part them. Other periods stay ("No. 5", "No. of homeless people" are labels).
 */
export function withoutAbbreviationPeriods<
  T extends { text: string; norm: string; start: number; end: number; kind: string },
>(tokens: readonly T[]): T[] {
  const abbreviated = loadAbbreviations();
  return tokens.filter((t, k) => {
    if (t.text !== '.' || k === 0) return true;
    const before = tokens[k - 1]!;
    const next = tokens[k + 1];
    const name = next?.kind === 'word' && /^\p{Lu}/u.test(next.text);
    // Nor before a comma: "Naples, Fla., were evacuated".
    const comma = next?.text === ',';
    if (before.end === t.start && before.kind === 'word' && abbreviated.has(before.norm) && (name || comma)) return false;
    // The periods of an initialism in capitals ("U.S.", "D.C.", "B.C."), which the splitter did not
    // end the sentence at; not those of a time ("9 A.M."), whose letters would read as a scale.
    const letter = (x: T | undefined) => x !== undefined && x.kind === 'word' && /^\p{Lu}$/u.test(x.text);
    if (!letter(before) || before.end !== t.start) return true;
    const inner = letter(next) && next!.start === t.end;
    const last = tokens[k - 2]?.text === '.' && tokens[k - 2]!.end === before.start;
    const time = inner ? MERIDIEM.has(before.norm) && next!.norm === 'm' : before.norm === 'm' && MERIDIEM.has(tokens[k - 3]?.norm ?? '');
    return !((inner || last) && !time);
  });
}

/**
 * The longest span read as one sentence. Longer runs (tables, PDF debris, text without
 * punctuation) are cut at white space so that reading stays linear in the document length.
 */
export const MAX_SENTENCE_CHARS = 1500;

/** Sentence spans over `text`, trimmed of surrounding white space. */
export function splitSentences(text: string): Span[] {
  return splitSentencesByPunctuation(text).flatMap((s) => capLength(text, s));
}

function capLength(text: string, span: Span): Span[] {
  if (span[1] - span[0] <= MAX_SENTENCE_CHARS) return [span];
  const out: Span[] = [];
  let start = span[0];
  while (span[1] - start > MAX_SENTENCE_CHARS) {
    // The last space inside the window only: lastIndexOf from the window's end would walk back
    // to the start of the text over a long run without spaces, for every window.
    const space = text.slice(start, start + MAX_SENTENCE_CHARS + 1).lastIndexOf(' ');
    const cut = space > 0 ? start + space : start + MAX_SENTENCE_CHARS;
    out.push([start, cut]);
    start = cut;
    while (start < span[1] && /\s/.test(text[start] ?? '')) start++;
  }
  if (start < span[1]) out.push([start, span[1]]);
  return out;
}

/** The longest first line read as the document's title when no stop ends it. */
const TITLE_CHARS = 200;

/** Words a line breaks off on in the middle of a phrase: the next line continues it. */
const JOINERS = new Set([
  'of',
  'in',
  'to',
  'and',
  'the',
  'a',
  'from',
  'with',
  'for',
  'by',
  'at',
  'on',
  'de',
  'la',
  'le',
  'les',
  'des',
  'du',
  'en',
  'et',
  'y',
  'el',
  'los',
  'las',
  'del',
  'à',
  'au',
  'aux',
  'con',
  'por',
  'para',
]);

function splitSentencesByPunctuation(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) spans.push([s, e]);
    start = end;
  };
  const n = text.length;
  const abbreviated = loadAbbreviations();
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    if (ch === '\n') {
      // A blank line, a bullet or a line that does not continue a sentence ends the sentence.
      const next = nextNonSpace(text, i + 1);
      const lineBefore = text.slice(text.lastIndexOf('\n', i - 1) + 1, i).trim();
      const blank = /\n[ \t]*\n/.test(text.slice(i, next + 1)) || text.slice(i + 1, next).includes('\n');
      const bullet = /^[•●▪◦\-*·]/.test(text[next] ?? '');
      const endsClause = /[.!?:;)"”]$/.test(lineBefore);
      // A line that is only a number ("321" above "Houses destroyed") is a table cell, not a heading.
      // The document's first line is its title whatever its length (headlines run to a hundred
      // characters and more): "Over 115,000 Syrian refugees return home after Assad's fall⏎The UN …".
      // (Not a line that breaks off on a joining word: "… the villages of⏎Karsa and Bilal.")
      const first = text.slice(0, i).trim() === lineBefore && !endsOnJoiner(lineBefore);
      const heading =
        lineBefore.length > 0 &&
        (lineBefore.length < 60 || (first && lineBefore.length < TITLE_CHARS)) &&
        !/^[\d.,\s]+$/.test(lineBefore) &&
        /^[\p{Lu}\d•]/u.test(text[next] ?? '');
      // A bulleted item ends at its line when the next line starts anew ("• 219 people died⏎More
      // than 4 million …"), unless the item breaks off on a joining word ("• 300 families in⏎Bamako").
      const item =
        /^[•●▪◦*·]/.test(lineBefore) &&
        /^[\p{Lu}\d]/u.test(text[next] ?? '') &&
        !endsOnJoiner(lineBefore);
      // A page or column break in the middle of a clause (PDF text): "At least 15,623⏎⏎people have
      // been displaced". A blank line after words that end on a figure or a joining word, before
      // a lower-case word, continues the sentence; a line that is a number alone is a key figure,
      // and the title keeps its line ("… in Petrópolis tops 1,100⏎⏎mudslides displaced Petrópolis").
      const broken =
        blank &&
        !endsClause &&
        !first &&
        /^\p{Ll}/u.test(text[next] ?? '') &&
        ((/\p{L}/u.test(lineBefore) && /\d$/.test(lineBefore)) || endsOnJoiner(lineBefore));
      if ((blank && !broken) || bullet || endsClause || heading || item) push(i);
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== ';' && ch !== '•') continue;
    if (ch === '•') {
      push(i);
      start = i + 1;
      continue;
    }
    // Skip runs of closing punctuation after the stop.
    let j = i + 1;
    while (j < n && /["”’')\]]/.test(text[j] ?? '')) j++;
    if (j < n && !/\s/.test(text[j] ?? '')) {
      // "Myanmar.Since": a stop glued to a capitalised word still ends the sentence.
      if (
        ch === '.' &&
        /\p{Ll}{3,}$/u.test(text.slice(Math.max(0, i - 12), i)) &&
        /\p{Lu}\p{Ll}/u.test(text.slice(j, j + 2))
      )
        push(j);
      continue;
    }
    if (ch === ';') continue; // semicolons separate clauses, handled by the linker
    const next = nextNonSpace(text, j);
    if (next >= n) continue;
    const after = text[next] ?? '';
    if (ch === '.') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1]?.toLowerCase() ?? '';
      if (abbreviated.has(word) || abbreviated.has(word.replace(/\.$/, ''))) {
        // "U.S. officials" continues; "in the U.S. The …" would need a parser — keep together.
        continue;
      }
      if (/^\p{L}$/u.test(word)) continue; // initials: "J. Smith"
      if (/\d$/.test(text.slice(i - 1, i)) && /\d/.test(after)) continue; // 2.5
    }
    if (/[\p{Lu}\d"“‘'([¿¡•]/u.test(after)) push(j);
  }
  push(n);
  return spans;
}

function endsOnJoiner(line: string): boolean {
  return JOINERS.has(/([\p{L}']+)$/u.exec(line)?.[1]?.toLowerCase() ?? '');
}

function nextNonSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  return i;
}
