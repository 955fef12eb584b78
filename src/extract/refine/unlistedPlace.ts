// "have arrived in Tawila", "the refugee camp at Farchana", "1,500 families in Hawo Tako
// district", "A Chagni Ranch, 25 000 Éthiopiens vivent…": a sentence may name the place of its
// figure with a locative and a capitalised name no gazetteer holds (a camp, a village, a quarter).
// When the sentence names no place the geoparser knows, that name is the figure's place, without
// coordinates, in the fact's country. Names that are common words, months, titles or the start
// of an organisation's name ("in Parliament", "in January", "at Red Cross headquarters") are not.
import type { Fact, Place } from '../../types.js';
import { loadPlacesLexicon } from '../../geoparse/lexicon.js';
import { loadCommonWords } from '../../geoparse/commonWords.js';
import { normalizeName } from '../../geoparse/normalize.js';

/** The most words a name may have ("Little Red River Cree Nation" has five). */
const NAME_WORDS = 5;
/** Articles between the locative and the name ("in the Rho camp", "dans le site de Mpati"). */
const ARTICLES = new Set(['the', 'la', 'le', 'les', "l'", 'el', 'los', 'las']);
/** Lower-case words inside a name ("Wharf de la Saline", "Dar es Salaam"). */
const INNER = new Set(['de', 'del', 'la', 'el', 'al', 'du', 'des', 'es', 'da', 'do', 'of']);
/** Articles that open a name ("Al Hodeidah", "Ad Dhale'e", "La Placita", "Le Teil"): the name proper is the next word. */
const OPENING_ARTICLES = new Set([
  'al',
  'el',
  'ad',
  'ar',
  'as',
  'at',
  'az',
  'an',
  'ash',
  'la',
  'le',
  'les',
  'los',
  'las',
]);
const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;

export function unlistedPlace(fact: Fact, text: string, known: readonly Place[]): Place | undefined {
  const [start, end] = fact.span;
  const sentence = text.slice(start, end);
  const words = [...sentence.matchAll(WORD)].map((m) => ({ text: m[0], at: start + m.index! }));
  const lex = loadPlacesLexicon();
  let best: Place | undefined;
  let bestGap = Infinity;
  for (let i = 0; i < words.length - 1; i++) {
    if (!lex.locatives.has(words[i]!.text.toLowerCase())) continue;
    let j = i + 1;
    if (ARTICLES.has(words[j]!.text.toLowerCase())) j++;
    const name = nameAt(words, j, sentence, start);
    if (!name) continue;
    const place = { name: name.text, start: name.start, end: name.end };
    if (known.some((p) => p.start < place.end && p.end > place.start)) continue;
    if (!plausible(name.words, text, place.end)) continue;
    // The name nearest the figure is its place.
    const gap = Math.min(
      Math.abs(place.start - fact.quantity_span[1]),
      Math.abs(fact.quantity_span[0] - place.end),
    );
    if (gap < bestGap) {
      bestGap = gap;
      best = { ...place, lat: null, lon: null, country: fact.country, kind: 'unlisted' };
    }
  }
  return best;
}

/** Lower-case words between a bracket and its figure: its qualifier ("(more than 79,000)", "(as many as"). */
const QUALIFIER_WORDS = /(?<=\(\s*)(?:\p{Ll}+\s+){1,3}$/u;

/** How far after its figure a list item's place may start ("15,360 displaced people in Ayod"). */
const ITEM_REACH = 40;

/**
 * The place a figure of a list names as its own when no gazetteer holds it: the name in front of
 * its bracket ("Quissanga (5,550)", "Wavran-sur-l'Aa (45 personnes)") or right after it behind a
 * locative ("15,360 in Ayod"). A known place at that spot is returned as it is.
 */
export function ownListName(fact: Fact, text: string, known: readonly Place[]): Place | undefined {
  const [qStart, qEnd] = fact.quantity_span;
  // "Name (N": the figure opens a bracket right after a name, maybe behind its qualifier
  // ("Mogadishu (more than 79,000)"). (Looked for only where the text before the figure ends in a
  // bracket: the expression tries every start in the window.)
  const ahead = text.slice(Math.max(0, qStart - 60), qStart).replace(QUALIFIER_WORDS, '');
  const named = ahead.trimEnd().endsWith('(')
    ? /([\p{Lu}][\p{L}\p{M}'’-]*(?:\s+(?:[\p{Lu}][\p{L}\p{M}'’-]*|de|del|la|du|des|sur|en))*)(\s+\p{Ll}+)?\s*\(\s*$/u.exec(
        ahead,
      )
    : null;
  // "Erbil governorate (4,400": a feature word may close the name.
  const before = named && (!named[2] || loadPlacesLexicon().featureWords.has(named[2].trim())) ? named : null;
  if (before) {
    const start = qStart - before[0].length + before[0].indexOf(before[1]!);
    const found = asPlace(fact, text, known, before[1]!, start);
    if (found) return found;
  }
  // "N … in Name": only words between, the last a locative.
  const after = text.slice(qEnd, qEnd + ITEM_REACH + 40);
  const m =
    /^([\p{L}\s'’-]*?)\b([\p{L}]+)\s+([\p{Lu}][\p{L}\p{M}'’-]*(?:\s+[\p{Lu}][\p{L}\p{M}'’-]*)*)/u.exec(after);
  if (!m || m[1]!.length + m[2]!.length > ITEM_REACH) return undefined;
  if (!loadPlacesLexicon().locatives.has(m[2]!.toLowerCase())) return undefined;
  // The name ends the match.
  const place = asPlace(fact, text, known, m[3]!, qEnd + m[0].length - m[3]!.length);
  // A known place after a locative is the sentence's own rule's (places.ts ownPlace).
  return place?.kind === 'unlisted' ? place : undefined;
}

/**
 * The name a list's entry opens with, when its figure has no bracket of its own: "• Tizupan, con
 * 47 familias." is Tizupan's count, whatever other place the line names after it.
 */
export function entryName(
  fact: Fact,
  text: string,
  known: readonly Place[],
  country: string | null,
): Place | undefined {
  const [qStart] = fact.quantity_span;
  const lineStart = text.lastIndexOf('\n', qStart - 1) + 1;
  const nameAt = (from: number) =>
    /^[\s•●▪◦·\-–*]*([\p{Lu}][\p{L}\p{M}'’-]*(?:[ \t]+(?:[\p{Lu}][\p{L}\p{M}'’-]*|de|del|la|du|des|sur|en))*)/u.exec(
      text.slice(from, qStart),
    );
  // Several items on one line ("Jajpur-29,500, Bhadrak-24,600"): the name after the last separator
  // is the item's own; else the line's first name ("El Faro, with 40 families").
  const itemStart = Math.max(text.lastIndexOf(',', qStart - 1), text.lastIndexOf(';', qStart - 1)) + 1;
  const own = itemStart > lineStart ? nameAt(itemStart) : null;
  const from = own ? itemStart : lineStart;
  const m = own ?? nameAt(lineStart);
  if (!m) return undefined;
  // (A dash joining the name to its count is no letter of it: "Jajpur-29,500".)
  const name = m[1]!.replace(/-+$/, '');
  const start = from + m[0].length - m[1]!.length;
  const end = start + name.length;
  // A known place that is the whole name and lies in the sentence's country; else the name as written
  // ("Paso de Noria" is not Paso; "El Faro" in Michoacán is not Faro in Portugal).
  const hit = known.find((p) => p.start === start && p.end === end && p.lat !== null && p.kind !== 'demonym');
  if (hit && (country === null || hit.country === country)) return hit;
  const words = name.split(/\s+/);
  if (words.length > NAME_WORDS || !plausible(words, text, end)) return undefined;
  return { name, start, end, lat: null, lon: null, country: country ?? fact.country, kind: 'unlisted' };
}

/** The known place at `start`, or the name as an unlisted place when it may be one. */
function asPlace(
  fact: Fact,
  text: string,
  known: readonly Place[],
  name: string,
  start: number,
): Place | undefined {
  const end = start + name.length;
  const hit = known.find((p) => p.start < end && p.end > start && p.lat !== null && p.kind !== 'demonym');
  if (hit) return hit;
  if (known.some((p) => p.start < end && p.end > start)) return undefined;
  const words = name.split(/\s+/);
  if (words.length > NAME_WORDS || !plausible(words, text, end)) return undefined;
  return { name, start, end, lat: null, lon: null, country: fact.country, kind: 'unlisted' };
}

interface Word {
  text: string;
  at: number;
}

/** The capitalised words from `j` on, joined only by spaces or inner particles. */
function nameAt(words: readonly Word[], j: number, sentence: string, offset: number) {
  const taken: Word[] = [];
  for (let k = j; k < words.length && taken.length < NAME_WORDS; k++) {
    const w = words[k]!;
    if (taken.length > 0) {
      const prev = taken[taken.length - 1]!;
      if (!/^\s+$/.test(sentence.slice(prev.at + prev.text.length - offset, w.at - offset))) break;
    }
    // An acronym after the name is a kind of site, not part of it ("Dollow IDP camps").
    if (taken.length > 0 && /\p{Lu}.*\p{Lu}/u.test(w.text)) break;
    if (/^\p{Lu}/u.test(w.text)) taken.push(w);
    else if (taken.length > 0 && INNER.has(w.text.toLowerCase()) && /^\p{Lu}/u.test(words[k + 1]?.text ?? ''))
      taken.push(w);
    else break;
  }
  if (taken.length === 0) return null;
  const last = taken[taken.length - 1]!;
  const [start, end] = [taken[0]!.at, last.at + last.text.length];
  return { text: sentence.slice(start - offset, end - offset), start, end, words: taken.map((w) => w.text) };
}

/** Not a common word, an acronym, a month, a title or the head of an organisation's or street's name. */
function plausible(all: readonly string[], text: string, end: number): boolean {
  const lex = loadPlacesLexicon();
  const common = loadCommonWords().common;
  // The name proper follows its article.
  const words = all.length > 1 && OPENING_ARTICLES.has(all[0]!.toLowerCase()) ? all.slice(1) : all;
  const first = words[0]!;
  // Acronyms and plural acronyms ("UNHCR", "ECs") are bodies or sites, not names of places.
  if (first.length < 3 || /\p{Lu}.*\p{Lu}/u.test(first)) return false;
  const norm = words.map((w) => normalizeName(w));
  // Particles inside a name ("Paso de Noria") are not words of their own.
  const own = norm.filter((w, i) => i === 0 || !INNER.has(w));
  if (own.some((w) => lex.notPlaces.has(w) || lex.titles.has(w) || lex.stormWords.has(w))) return false;
  // Every word a common word of some language: "Red Cross", "Civil Protection", "Nations".
  if (norm.every((w) => [...common.values()].some((set) => set.has(w)))) return false;
  const next = /^\s+([\p{L}]+)/u.exec(text.slice(end, end + 30))?.[1]?.toLowerCase() ?? '';
  return !lex.orgNames.has(next) && !lex.streetWords.has(next);
}
