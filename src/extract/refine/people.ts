// The figure in people: households are multiplied by the country's average household size
// (data/household-size.json); without a known country a household count stays unconverted.
import { readFileSync } from 'node:fs';
import type { Fact } from '../../types.js';

let sizes: Record<string, number> | null = null;

function householdSizes(): Record<string, number> {
  sizes ??= (
    JSON.parse(readFileSync(new URL('../../../data/household-size.json', import.meta.url), 'utf8')) as {
      sizes: Record<string, number>;
    }
  ).sizes;
  return sizes;
}

export function peopleOf(fact: Fact): Fact['people'] {
  if (fact.figure === null) return null;
  if (fact.unit === 'people') return { count: fact.figure, household_size: null };
  const size = fact.country ? householdSizes()[fact.country] : undefined;
  if (size === undefined) return null;
  return { count: Math.round(fact.figure * size), household_size: size };
}
