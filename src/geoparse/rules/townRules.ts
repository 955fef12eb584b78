// Accept rules for towns and villages (areas and countries have passed the rules before): a
// town's name is more often something else than an area's, so each look-alike needs support.
// - also written in lower case in the text ("mobile", "reading"), unless said to lie in the
//   next name;
// - a common family name ("Brown") away from its state, a containing name or "in";
// - a small place (under 1,000 people) that nothing in the text points to, unless it is the
//   name's only bearer and every mention follows "in", "near"… looking like no person's name
//   ("in Kalaigaon");
// - one word that only opens sentences, for a place under 20,000 people without support.
import { closeBy, type AcceptRule } from './types.js';

export const lowercaseElsewhere: AcceptRule = {
  name: 'lowercaseElsewhere',
  reject: ({ mentions, entry: e, contained }) =>
    e.kind === 'city' && !contained && mentions.some((x) => x.lowercaseElsewhere)
      ? 'also a common word in this text'
      : null,
};

const FAMILY_NAME_TOWN = 200_000;
export const familyName: AcceptRule = {
  name: 'familyName',
  reject: ({ mention: m, mentions, entry: e, parts, contained }) =>
    e.kind === 'city' &&
    m.familyName &&
    !closeBy(parts) &&
    !contained &&
    e.population < FAMILY_NAME_TOWN &&
    !mentions.some((x) => x.placeCue)
      ? 'a common family name without support'
      : null,
};

const SMALL = 1000;
export const smallPlace: AcceptRule = {
  name: 'smallPlace',
  reject({ mention: m, mentions, entry: e, supported, contained }) {
    if (e.kind !== 'city' || e.population >= SMALL || supported) return null;
    const soleAfterCue =
      m.candidates.length === 1 &&
      !contained &&
      mentions.every(
        (x) => x.placeCue && !x.surname && !x.personVerb && !x.familyName && !x.lowercaseElsewhere,
      );
    return soleAfterCue ? null : 'small place without support';
  },
};

const INITIAL_TOWN = 20_000;
export const sentenceInitial: AcceptRule = {
  name: 'sentenceInitial',
  reject: ({ mention: m, mentions, entry: e, supported }) =>
    e.kind === 'city' &&
    m.words === 1 &&
    mentions.every((x) => x.sentenceInitial) &&
    e.population < INITIAL_TOWN &&
    !supported
      ? 'sentence-initial word without support'
      : null,
};
