// Stock or flow: a count of people displaced now ("remain displaced", "IDPs are living in
// camps", "there are 8,400 IDPs") or of new movements ("were evacuated", "fled").
import type { Fact } from '../../types.js';
import { everyLanguage } from '../lexicon.js';

/**
 * The stock cues of every language (lexicon/<lang>/stock.json) as one expression: whole words,
 * any case; `#` in a cue stands for one digit.
 */
function compile(cues: readonly string[]): RegExp {
  const alternatives = cues.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/#/g, '\\d'));
  return new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'i');
}

let stock: RegExp | null = null;

export function stockOrFlow(sentence: string, fact: Fact): 'stock' | 'flow' {
  if (fact.term === 'destroyed_housing' || fact.term === 'partially_destroyed_housing') return 'flow';
  stock ??= compile(everyLanguage<{ cues: string[] }>('stock.json').flatMap((f) => f.cues));
  return stock.test(sentence) ? 'stock' : 'flow';
}
