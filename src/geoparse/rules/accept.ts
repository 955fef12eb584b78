// The accept rules, in the order they are asked about the entry ranking chose; the first reason
// given wins. Demonyms are accepted before any of them. The order: what the text says of the
// place (it lies in a bigger place of another country), a name's spelling (another
// spelling of a small place), then the look-alikes any kind of entry may be (second-level area
// names, common words of the text's language, compass words naming an area abroad, the first word of a longer name, a person's name
// that an area bears); areas and countries that pass these are places. Towns then need support
// against being a word of the text, a family name, a tiny place, a small namesake abroad in a text
// about another country, a sentence's first word, or only some place's alternate name (townRules.ts, alternateName.ts).
import type { AcceptRule } from './types.js';
import { closeBy } from './types.js';
import { respelledName } from './respelledName.js';
import { secondLevelArea } from './secondLevelArea.js';
import { commonWord } from './commonWord.js';
import { longerName } from './longerName.js';
import { personNamedArea } from './personNamedArea.js';
import { familyName, lowercaseElsewhere, sentenceInitial, smallPlace } from './townRules.js';
import { alternateName } from './alternateName.js';
import { containedElsewhere } from './containedElsewhere.js';
import { strayTown } from './strayTown.js';
import { compassArea } from './compassArea.js';

const secondLevelAreaName: AcceptRule = {
  name: 'secondLevelArea',
  reject: (c) => secondLevelArea(c.entry, c.mentions, c.supported),
};

const commonWordOfLanguage: AcceptRule = {
  name: 'commonWord',
  reject: (c) =>
    commonWord(c.entry, c.mentions, {
      area: closeBy(c.parts),
      nearKm: c.parts.near ? c.parts.nearKm : undefined,
      countryShare: c.countryShare,
      ownName: c.ownName,
    }),
};

export const ACCEPT_RULES: readonly AcceptRule[] = [
  containedElsewhere,
  respelledName,
  secondLevelAreaName,
  commonWordOfLanguage,
  compassArea,
  longerName,
  personNamedArea,
  lowercaseElsewhere,
  familyName,
  smallPlace,
  strayTown,
  sentenceInitial,
  alternateName,
];
