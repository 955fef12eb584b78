// A new fact as a reader emits it: what the text says (figure, term, unit, evidence, rule) and
// empty slots for what the refiners add later (cause, hazard, places, date, people).
import type { Fact } from '../types.js';

type Read = Pick<
  Fact,
  | 'term'
  | 'figure'
  | 'qualifier'
  | 'unit'
  | 'span'
  | 'quantity_span'
  | 'term_span'
  | 'confidence'
  | 'reason'
  | 'implied'
> &
  Partial<Pick<Fact, 'vague' | 'range'>>;

export function newFact(read: Read): Fact {
  return {
    ...read,
    people: null,
    cause: null,
    hazard: null,
    country: null,
    locations: [],
    date: null,
    stock_or_flow: 'flow',
  };
}
