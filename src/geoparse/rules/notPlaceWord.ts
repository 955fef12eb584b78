// Gate rule: words that are rarely places on their own (lexicon notPlaces: "Sector", "Mega";
// acronyms no candidate spells that way) are the word, unless the next name says where they lie
// ("Mega, Ethiopia"). Generic words (street, county, governor) are never places alone.
import type { GateRule } from './types.js';

export const notPlaceWord: GateRule = {
  name: 'notPlaceWord',
  gate: (m, i, doc) => (m.notPlace && (m.generic || !doc.containerOf.has(i)) ? 'common word' : null),
};
