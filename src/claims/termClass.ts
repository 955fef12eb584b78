// Terms that count the same people in the same way share a class: a figure reported as
// "displaced" by one outlet and "forced to flee" by another is one claim. Classes that count
// different things (homes, evacuations, refugees abroad, returns) stay apart.
import type { Term } from '../types.js';
import type { TermClass } from './types.js';

const CLASS: Record<Term, TermClass> = {
  displaced: 'displacement',
  forced_to_flee: 'displacement',
  relocated: 'displacement',
  evicted: 'displacement',
  evacuated: 'evacuation',
  sheltered: 'shelter',
  in_relief_camp: 'shelter',
  homeless: 'homeless',
  destroyed_housing: 'housing_destroyed',
  uninhabitable_housing: 'housing_destroyed',
  partially_destroyed_housing: 'housing_damaged',
  refugees: 'refugees',
  returns: 'returns',
};

export function termClass(term: Term): TermClass {
  return CLASS[term];
}
