// "Displacement has surged in the east. The figure now stands at 64,000", "En El Charco, la cifra
// ascendió a 800 personas", "las personas desplazadas …, cuyo número había alcanzado los 73,5
// millones": an anaphor ("the figure", "la cifra", "cuyo número") with a level verb hands the
// figure after it the term of what it refers back to: the last displacement trigger before it in
// the sentence, else the term of the previous sentence's facts in the same paragraph.
import type { Lexicon } from '../lexicon.js';
import { matchesAt, startingWith } from '../lexicon.js';
import type { Term } from '../../types.js';
import type { Token } from '../segment/tokens.js';
import { impliedEntry, type Trigger } from './triggers.js';
import { countsSubgroup } from './profile.js';
import { isPlaceName } from '../geo.js';

/** Tokens between the anaphor and its level verb: "the figure [now] stands at", "cuyo número[, a finales de 2024,] había alcanzado". */
const VERB_REACH = 9;

export function anaphoricTriggers(
  tokens: readonly Token[],
  triggers: readonly Trigger[],
  antecedent: Term | null,
  lex: Lexicon,
): Trigger[] {
  const norms = tokens.map((t) => t.norm);
  const out: Trigger[] = [];
  // Only where the sentence names no term of its own ("Of these, 2,627 sought refuge in schools").
  const own = triggers.some((t) => !t.entry.term.startsWith('block:'));
  const opener = own ? null : subsetOpener(tokens, norms, antecedent, lex);
  if (opener) out.push(opener);
  else if (!own) out.push(...placeLabels(tokens, antecedent, lex));
  if (lex.anaphors.length === 0) return out;
  for (let i = 0; i < norms.length; i++) {
    const anaphor = startingWith(lex.anaphors, norms[i]).find((a) => matchesAt(norms, i, a));
    if (!anaphor) continue;
    const after = i + anaphor.length;
    // "the number of deaths", "la cifra de muertos": a count head naming its own thing.
    if (lex.partitives.has(norms[after] ?? '') || norms[after] === 'for') continue;
    const verbEnd = levelVerbEnd(tokens, norms, after, lex);
    if (verbEnd < 0) continue;
    // "the total number of evacuees is now 280,000": the count head names its own term.
    if (triggers.some((t) => t.first >= after && t.first < verbEnd && !t.entry.term.startsWith('block:'))) continue;
    const before = triggers.filter((t) => t.next <= i && !t.entry.term.startsWith('block:')).pop();
    const term = (before?.entry.term as Term | undefined) ?? antecedent;
    if (!term) continue;
    out.push({ entry: impliedEntry(anaphor, term, 'active', `${term}:anaphor`), first: i, next: verbEnd, namesHousing: false });
    i = verbEnd - 1;
  }
  return out;
}

/**
 * "Over 2 million people are displaced. Of these, 800,000 are in Darfur and 300,000 in Kordofan":
 * a sentence that opens on a part of what the previous one counted, and names no term itself,
 * hands its figures that term, unless the part is a subgroup ("Of these, 300 are children").
 */
function subsetOpener(
  tokens: readonly Token[],
  norms: readonly string[],
  antecedent: Term | null,
  lex: Lexicon,
): Trigger | null {
  if (!antecedent || antecedent.startsWith('block:')) return null;
  const opener = lex.subsetOpeners.find((o) => matchesAt(norms, 0, o));
  if (!opener) return null;
  let at = opener.length;
  if (tokens[at]?.text === ',') at++;
  while (lex.qualifierFirst.has(norms[at] ?? '') && at < opener.length + 3) at++;
  const figure = tokens[at];
  if (!figure || (figure.kind !== 'number' && !lex.numberUnits.has(figure.norm))) return null;
  let next = at;
  while (tokens[next]?.kind === 'number' || lex.scales.has(norms[next] ?? '')) next++;
  if (countsSubgroup(tokens, next, lex)) return null;
  return {
    entry: impliedEntry(opener, antecedent, 'active', `${antecedent}:anaphor`),
    first: 0,
    next: opener.length,
    namesHousing: false,
  };
}

/** The end of a level verb after `from` that a number follows ("stands at 64,000", "alcanzado los 73,5"). */
function levelVerbEnd(
  tokens: readonly Token[],
  norms: readonly string[],
  from: number,
  lex: Lexicon,
): number {
  for (let k = from; k < Math.min(norms.length, from + VERB_REACH); k++) {
    const t = tokens[k]!;
    if (t.kind === 'number' || t.text === '.' || t.text === ';' || lex.clauseBreaks.has(t.norm)) return -1;
    // A level verb, or the first half of a change between two levels ("est passé de 68 000 à 147 000").
    for (const v of [...lex.anaphorVerbs, ...lex.levelChanges.map((c) => c.from)]) {
      if (!matchesAt(norms, k, v)) continue;
      let end = k + v.length;
      if (lex.anaphorArticles.has(norms[end] ?? '')) end++;
      const next = tokens[end];
      if (
        next &&
        (next.kind === 'number' || lex.numberUnits.has(next.norm) || lex.qualifierFirst.has(next.norm))
      )
        return end;
    }
  }
  return -1;
}

/** How many words a place label before its colon may have ("Davao del Sur:", "Cotabato province:"). */
const LABEL_WORDS = 4;

/**
 * "BARMM Provinces: 857 families (4,275 individuals) still displaced due to armed conflict. Davao
 * del Sur: 27,400 families (114,852 individuals) and Cotabato province: 1,780 families (8,900
 * individuals) due to earthquakes": a sentence that opens on a place's name and a colon, then a
 * count of people or families, and names no term itself, goes on the previous sentence's list and
 * takes its term, at each such label. Not a label of its own ("Injured: 200"): the label must be a
 * place the gazetteer knows.
 */
function placeLabels(tokens: readonly Token[], antecedent: Term | null, lex: Lexicon): Trigger[] {
  if (!antecedent || antecedent.startsWith('block:') || !placeLabelAt(tokens, 0, lex)) return [];
  const out: Trigger[] = [];
  for (let k = 0; k < tokens.length; k++) {
    // A label opens the sentence or follows "and" or a comma.
    const opens = k === 0 || tokens[k - 1]!.text === ',' || lex.coordinators.has(tokens[k - 1]!.norm);
    const colon = opens ? placeLabelAt(tokens, k, lex) : -1;
    if (colon < 0) continue;
    out.push({ entry: impliedEntry([':'], antecedent, 'active', `${antecedent}:place-list`), first: colon, next: colon + 1, namesHousing: false });
    k = colon;
  }
  return out;
}

/** The colon of a place label starting at `from` and followed by a count of people or families, or -1. */
function placeLabelAt(tokens: readonly Token[], from: number, lex: Lexicon): number {
  let colon = -1;
  for (let k = from; k <= from + LABEL_WORDS && tokens[k]; k++)
    if (tokens[k]!.text === ':') {
      colon = k;
      break;
    }
  if (colon <= from) return -1;
  const label = tokens.slice(from, colon);
  if (label.some((t) => t.kind !== 'word') || !/^\p{Lu}/u.test(label[0]!.text)) return -1;
  const name = label.filter((t) => /^\p{Lu}/u.test(t.text)).map((t) => t.norm);
  if (!isPlaceName(name.join(' ')) && !isPlaceName(name[0]!)) return -1;
  if (tokens[colon + 1]?.kind !== 'number') return -1;
  const noun = tokens[colon + 2]?.norm ?? '';
  return lex.nouns.people.has(noun) || lex.nouns.households.has(noun) ? colon : -1;
}
