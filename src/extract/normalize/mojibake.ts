// Mojibake: UTF-8 bytes that were read as Windows-1252 (or Latin-1) on the way out of a PDF or
// a web page, so that "’" arrives as "â€™" and "é" as "Ã©". A run of such characters is turned
// back into its bytes and decoded as UTF-8; only runs that decode cleanly to a letter,
// punctuation or a symbol are repaired, so real accented text ("Ãlvaro" is not a UTF-8
// sequence) stays as it is. Pages served with a Central European charset do the same with other
// characters ("Ă©vacuĂ©es" in Windows-1250 and Latin-2, "ĂȘtre" in Latin-10): their runs are
// repaired only when they spell a Western European letter or punctuation, since their
// characters are real letters of Central European text.
// Three more traces of the same damage: "â€" whose last byte (0x9D, the closing quote) was lost,
// "Â" before a no-break space that became a plain space, and U+FFFD where an apostrophe stood
// ("don\uFFFDt", "l\uFFFDarmée").
import type { Edit } from './offsetMap.js';

/**
 * Windows-1252's characters for bytes 0x80–0x9F (the encoding standard's table; Node's own
 * "windows-1252" decoder reads these bytes as Latin-1 control characters). The five bytes it
 * leaves undefined keep their control character.
 */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** A character of a mis-decoded text → the byte it was decoded from (0x80–0xFF). */
const BYTE_OF = new Map<string, number>();
for (let b = 0x80; b <= 0xff; b++) BYTE_OF.set(String.fromCharCode(b), b);
[...CP1252_80_9F].forEach((c, i) => BYTE_OF.set(c, 0x80 + i));
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A Central European charset's characters → their bytes (0x80–0xFF; control characters left out). */
function tableOf(chars: string): Map<string, number> {
  const m = new Map<string, number>();
  [...chars].forEach((c, i) => {
    if (!/\p{Cc}/u.test(c)) m.set(c, 0x80 + i);
  });
  return m;
}
const bytes80FF = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);
/**
 * Windows-1250 and Latin-2 (from the platform's decoder) and Latin-10, ISO-8859-16, which the
 * platform lacks (the standard's table for 0x80–0xFF: C1 controls, then its letters).
 */
const CENTRAL: Map<string, number>[] = [
  tableOf(new TextDecoder('windows-1250').decode(bytes80FF)),
  tableOf(new TextDecoder('iso-8859-2').decode(bytes80FF)),
  tableOf(
    String.fromCharCode(...Array.from({ length: 32 }, (_, i) => 0x80 + i)) +
      '\u00a0ĄąŁ€„Š§š©Ș«Ź\u00adźŻ°±ČłŽ”¶·žčș»ŒœŸż' +
      'ÀÁÂĂÄĆÆÇÈÉÊËÌÍÎÏĐŃÒÓÔŐÖŚŰÙÚÛÜĘȚß' +
      'àáâăäćæçèéêëìíîïđńòóôőöśűùúûüęțÿ',
  ),
];
/** What a Central European run may spell: Western European letters, punctuation and symbols. */
const WESTERN = /^[\u00a0-\u00ff\u0152\u0153\u0178\u2010-\u2044\u20ac\u2122]+$/u;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
const charsOf = (tables: Map<string, number>[], lo: number, hi: number) =>
  [...new Set(tables.flatMap((t) => [...t].filter(([, b]) => b >= lo && b <= hi).map(([c]) => c)))]
    .map(escape)
    .join('');
const CONT = charsOf([BYTE_OF, ...CENTRAL], 0x80, 0xbf);
const LEAD = charsOf([BYTE_OF, ...CENTRAL], 0xc2, 0xf4);
/** A lead byte of a 2–4 byte sequence (0xC2–0xF4) and up to three continuation bytes. */
const RUN = new RegExp(`[${LEAD}][${CONT}]{1,3}`, 'g');
/** "â€" (E2 80, the start of every curly quote and dash) whose third byte was lost. */
const LOST_QUOTE = new RegExp(`\\u00e2\\u20ac(?:\\ufffd|(?![${CONT}]))`, 'g');
/** "Ă" alone before a space, a word on either side: "à" whose no-break space became a space. */
const LOST_A_GRAVE = /(?<=[\p{L}\d,.] )\u0102(?=[ \u00a0]\p{L})/gu;
/** "Â" left of a no-break space that later became a plain space ("1,000Â families"). */
const LOST_NBSP = /\u00c2(?= )/g;
const BEFORE_NBSP = /[\p{Ll}\d.,;:!?)]/u;
/** Only these repaired characters are believed: letters, marks, punctuation, symbols, spaces. */
const PLAUSIBLE = /^[\p{L}\p{M}\p{P}\p{S}\p{Zs}]+$/u;

/** A lead byte's character before a continuation byte's, "Â " or U+FFFD: rare in clean text. */
const MAY_HOLD = new RegExp(`[${LEAD}][${CONT}]|\\u00c2 |\\ufffd`);
export const mayHoldMojibake = (text: string): boolean => MAY_HOLD.test(text);

/** Where an apostrophe stands in the language: the endings after it, the elided words before it. */
export interface Apostrophes {
  /** "s", "t", "ll", "re" …: "people\uFFFDs", "don\uFFFDt". */
  endings: ReadonlySet<string>;
  /** "l", "d", "qu" …: "l\uFFFDarmée", "d\uFFFDIvoire". */
  elisions: ReadonlySet<string>;
}

/** Edits that repair mojibake in `text`. */
export function mojibakeEdits(text: string, apostrophes: Apostrophes): Edit[] {
  const edits: Edit[] = [];
  RUN.lastIndex = 0;
  let central = false;
  const table = centralTable(text);
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    const fixed = decodeRun(m[0], table);
    if (fixed) {
      edits.push({ start: m.index, end: m.index + fixed.used, text: fixed.text });
      RUN.lastIndex = m.index + fixed.used;
      central ||= fixed.central;
    } else RUN.lastIndex = m.index + 1;
  }
  // "à" is C3 A0: read as Central European it is "Ă" and a no-break space, which often became a
  // plain space ("Ă La Faute"). Repaired only in a text that shows the same damage elsewhere.
  if (central) {
    LOST_A_GRAVE.lastIndex = 0;
    for (let m = LOST_A_GRAVE.exec(text); m; m = LOST_A_GRAVE.exec(text))
      edits.push({ start: m.index, end: m.index + 1, text: 'à' });
  }
  LOST_QUOTE.lastIndex = 0;
  for (let m = LOST_QUOTE.exec(text); m; m = LOST_QUOTE.exec(text))
    edits.push({ start: m.index, end: m.index + m[0].length, text: '\u201d' });
  LOST_NBSP.lastIndex = 0;
  for (let m = LOST_NBSP.exec(text); m; m = LOST_NBSP.exec(text))
    if (BEFORE_NBSP.test(text[m.index - 1] ?? '')) edits.push({ start: m.index, end: m.index + 1, text: '' });
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1))
    if (isApostrophe(text, i, apostrophes)) edits.push({ start: i, end: i + 1, text: '\u2019' });
  return edits
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((e, k, all) => k === 0 || e.start >= all[k - 1]!.end);
}

/** The UTF-8 character a run's leading bytes spell, and how many characters of the run it used. */
function decodeRun(
  run: string,
  central: Map<string, number> | null,
): { text: string; used: number; central: boolean } | null {
  const western = decodeWith(run, BYTE_OF);
  if (western && PLAUSIBLE.test(western.text)) return { ...western, central: false };
  const found = central && decodeWith(run, central);
  return found && WESTERN.test(found.text) ? { ...found, central: true } : null;
}

/**
 * The Central European charset a text was read with, if any: the one whose runs spell Western
 * letters most often. The charsets give some characters other bytes ("ź" is "î" in Latin-10, "ß"
 * in Windows-1250), so one is chosen for the whole text.
 */
function centralTable(text: string): Map<string, number> | null {
  const counts = CENTRAL.map(() => 0);
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    if (decodeWith(m[0], BYTE_OF)) continue;
    CENTRAL.forEach((t, i) => {
      const found = decodeWith(m[0], t);
      if (found && WESTERN.test(found.text)) counts[i]! += 1;
    });
  }
  RUN.lastIndex = 0;
  const best = Math.max(...counts);
  return best > 0 ? CENTRAL[counts.indexOf(best)]! : null;
}

function decodeWith(run: string, table: Map<string, number>): { text: string; used: number } | null {
  const lead = table.get(run[0]!);
  if (lead === undefined || lead < 0xc2 || lead > 0xf4) return null;
  const used = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  if (run.length < used) return null;
  const bytes: number[] = [];
  for (const c of run.slice(0, used)) {
    const b = table.get(c);
    if (b === undefined) return null;
    bytes.push(b);
  }
  try {
    return { text: UTF8.decode(Uint8Array.from(bytes)), used };
  } catch {
    return null;
  }
}

const LETTERS_AFTER = /^\p{L}+/u;
const LETTERS_BEFORE = /\p{L}+$/u;

/** A U+FFFD between letters, where the word after is an ending or the word before an elision. */
function isApostrophe(text: string, i: number, a: Apostrophes): boolean {
  const after = LETTERS_AFTER.exec(text.slice(i + 1, i + 12))?.[0];
  const before = LETTERS_BEFORE.exec(text.slice(Math.max(0, i - 12), i))?.[0];
  if (!after || !before) return false;
  if (a.endings.has(after.toLowerCase())) return true;
  const wordStart = i - before.length;
  // Elision only comes before a vowel or "h": "m\uFFFDnages" lost an "é", not an apostrophe.
  const elidable = /^[aeiouyhàâäæéèêëîïôœùûü]/i.test(after);
  return elidable && a.elisions.has(before.toLowerCase()) && !/\p{L}/u.test(text[wordStart - 1] ?? '');
}
