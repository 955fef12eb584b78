// Accept rule: "Nelson said", "Chu's widow": a person's name that a small area (not a town, not a
// country) also bears. One word, looking like a surname or before "said", never after "in",
// and nothing in the document pointing to the area.
import type { AcceptRule } from './types.js';

export const personNamedArea: AcceptRule = {
  name: 'personNamedArea',
  reject: ({ mention: m, mentions, entry: e, supported }) =>
    e.kind !== 'city' &&
    e.kind !== 'country' &&
    !supported &&
    m.words === 1 &&
    !m.demonym &&
    !m.abbreviation &&
    !m.feature &&
    mentions.some((x) => x.personVerb || x.surname) &&
    !mentions.some((x) => x.placeCue)
      ? "a person's name without support"
      : null,
};
