// Gate rule: a storm's name is a storm's in the whole document. Once one mention follows a
// hazard word ("tormenta tropical Iota", "Hurricane Iota"), the other mentions of that name
// ("el paso de Iota por Honduras", "Iota made landfall") are the storm too, not the town of that
// name; a country's name stays a country ("Cyclone Mocha … Mocha" is no country anyway).
import type { Mention } from '../recognize.js';
import type { GateRule } from './types.js';

export const STORM_NAME = "a storm's name";

/** The keys of the names that are a storm's somewhere in the document. */
export function stormSenses(mentions: readonly Mention[]): Set<string> {
  const out = new Set<string>();
  for (const m of mentions)
    if (m.inName === STORM_NAME && !m.candidates.some((c) => c.kind === 'country')) out.add(m.key);
  return out;
}

export const stormName: GateRule = {
  name: 'stormName',
  gate: (m, _i, doc) => (doc.storms.has(m.key) ? "a storm's name elsewhere in the text" : null),
};
