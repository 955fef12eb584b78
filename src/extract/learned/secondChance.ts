// The learned second chance: a figure the rules left unlinked
// is paired with each displacement cue near it in its sentence (pairs.ts), and each pair weighed by
// a logistic model (model.ts) over what stands between them and what the document is (features.ts,
// plus the document's relevance and facts here). A pair above the model's threshold becomes a fact,
// so new phrasing ("926 personas se resguardan", "Some 6,000 arrived in Macedonia") is read without
// a rule per construction, at the precision the model was trained to. Rules first: a figure they
// reject for a hypothetical or a negation is never given a second chance.
import type { Classification, Fact } from '../../types.js';
import { COARSE } from '../refine/dedupe.js';
import type { Figure } from '../link.js';
import type { Pair } from './pairs.js';
import { probability, shippedLinker, type LinkerModel } from './model.js';

export type { Pair } from './pairs.js';

export interface LearnedOptions {
  /** The model; the shipped one by default, null for none (rules only). */
  model?: LinkerModel | null;
  /** Receives every pair weighed in a document, chosen or not: the training script's view. */
  collect?: (pairs: readonly Pair[]) => void;
}

/** At most this many terms for a figure the rules left unlinked ("evacuated to schools": two). */
const MAX_TERMS = 2;

/** The facts of the pairs the model chooses, given the facts the rules kept and the document's class. */
export function secondChance(
  pairs: readonly Pair[],
  facts: readonly Fact[],
  classification: Classification,
  options: LearnedOptions = {},
): Fact[] {
  if (pairs.length === 0) return [];
  const model = options.model === undefined ? shippedLinker() : options.model;
  const ruled = new Set(facts.map((f) => `${f.figure}|${COARSE[f.term]}`));
  // Figures the sentence reader left unlinked may still be a list's entries (headedList.ts).
  const read = new Set(facts.map((f) => f.quantity_span[0]));
  const weighed: { pair: Pair; p: number }[] = [];
  for (const pair of pairs) {
    // The same figure and class given by the rules elsewhere in the document: nothing to add.
    if (ruled.has(`${pair.figure.quantity.value}|${COARSE[pair.term]}`)) continue;
    if (read.has(pair.figure.quantity.start)) continue;
    pair.features.set('relevance', classification.relevance);
    pair.features.set('document_facts', Math.min(facts.length, 10) / 10);
    weighed.push({ pair, p: model ? probability(model, pair.features) : 0 });
  }
  options.collect?.(weighed.map((w) => w.pair));
  if (!model) return [];
  return choose(weighed, model.threshold).map(({ pair, p }) => ({ ...pair.toFact(), confidence: p }));
}

/** Per figure, the best pair of each term class above the threshold, the likeliest first. */
function choose(weighed: readonly { pair: Pair; p: number }[], threshold: number) {
  const best = new Map<Figure, Map<string, { pair: Pair; p: number }>>();
  for (const w of weighed) {
    if (w.p < threshold) continue;
    const byClass = best.get(w.pair.figure) ?? new Map<string, { pair: Pair; p: number }>();
    const prev = byClass.get(COARSE[w.pair.term]);
    if (!prev || w.p > prev.p) byClass.set(COARSE[w.pair.term], w);
    best.set(w.pair.figure, byClass);
  }
  const out: { pair: Pair; p: number }[] = [];
  for (const byClass of best.values()) {
    const ranked = [...byClass.values()].sort((a, b) => b.p - a.p);
    // One cue word tells one story: "arrived" is a crossing or a move within the country, never
    // both; "refugiados" are refugees or sheltered. A second term needs a cue of its own.
    const cuesUsed = new Set<number>();
    const kept = ranked.filter(({ pair }) => !cuesUsed.has(pair.cue.at) && !!cuesUsed.add(pair.cue.at));
    out.push(...kept.slice(0, MAX_TERMS));
  }
  return out;
}
