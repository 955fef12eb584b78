// Gate rule: a person's name is no place. A title or given name before it ("Gov. Washington",
// "Michael Jordan"), a given name before a family name ("Georgia Stevens"), or the same name
// read as a person's elsewhere in the text ("Kristina Jones … Jones said"): then every mention
// of it is the person. Names that a country, state or area bears stay places unless a given
// name stands before them.
import type { Mention } from '../recognize.js';
import type { GateRule } from './types.js';

/** The names (mention keys) that are a person's somewhere in the text. */
export function personSenses(
  mentions: readonly Mention[],
  senses: ReadonlyMap<string, number[]>,
): Set<string> {
  const out = new Set<string>();
  for (const [key, idxs] of senses) {
    const m0 = mentions[idxs[0] as number] as Mention;
    if (m0.demonym) continue;
    // A given name before a family name ("Georgia Stevens") makes a person of any name.
    if (idxs.some((i) => mentions[i]?.givenName) && !idxs.some((i) => mentions[i]?.placeCue)) {
      out.add(key);
      continue;
    }
    // Names that only cities (or nothing bigger) bear take the person reading of any mention.
    const onlyCities = m0.candidates.every((c) => c.kind === 'city');
    if (!onlyCities) continue;
    const strong = idxs.some((i) => mentions[i]?.person || mentions[i]?.givenName);
    const weak = idxs.some((i) => mentions[i]?.surname || mentions[i]?.personVerb);
    if (strong || (weak && !idxs.some((i) => mentions[i]?.placeCue))) out.add(key);
  }
  return out;
}

export const personName: GateRule = {
  name: 'personName',
  gate(m, _i, doc) {
    if (m.person) return 'person (title or given name before)';
    if (m.givenName) return 'given name of a person';
    if (doc.persons.has(m.key)) return 'a person elsewhere in the text';
    return null;
  },
};
