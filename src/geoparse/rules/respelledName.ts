// Accept rule: a name found under another spelling of one vowel ("Netrokona" for Netrakona,
// recognize.ts) must be a sizeable place or an area: small towns one vowel away from a word
// are too many.
import type { AcceptRule } from './types.js';

const SIZEABLE = 5000;

export const respelledName: AcceptRule = {
  name: 'respelledName',
  reject: ({ mention: m, entry: e }) =>
    m.respelled && e.kind === 'city' && e.population < SIZEABLE ? 'another spelling of a small place' : null,
};
