// Accept rule: a place the text says lies in a bigger place of another country is not the place
// ranking chose. "Langa, Cape Town": the township is missing from the gazetteer, so ranking chose
// the Danish Langå; the text puts it in Cape Town, South Africa. Containment already favours a
// candidate inside the container ("Green Bay, Wisconsin"); this rule drops the choice when no
// candidate was. Only a container clearly bigger counts, a country or a town twenty times as
// populous: in a list of towns ("Paris, London and Berlin") the comma joins equals. Not a
// first-level area: after a comma it is as often a person's first name ("El Hoyo, César
// Salamín" is no town in Colombia's Cesar), and ranking already favours a candidate inside one.
import type { AcceptRule } from './types.js';

/** How many times as populous a town must be to be read as containing the one before it. */
const BIGGER = 20;

export const containedElsewhere: AcceptRule = {
  name: 'containedElsewhere',
  reject(c) {
    if (c.entry.kind !== 'city' && c.entry.kind !== 'admin2') return null;
    const elsewhere = c.containers.find(
      (o) =>
        o.country !== c.entry.country &&
        (o.kind === 'country' ||
          (o.kind === 'city' && o.population >= BIGGER * Math.max(c.entry.population, 1))),
    );
    return elsewhere ? `said to lie in ${elsewhere.name}, another country` : null;
  },
};
