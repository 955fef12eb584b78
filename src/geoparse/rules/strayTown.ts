// Accept rule: a small town in a country nothing else in the text points to, far from every
// other place named, in a text that is about another country, is a local place the gazetteer
// lacks that happens to share a name with a town abroad. "El Tamarindo" (a beach in El Salvador)
// in a report naming La Unión, Acajutla and Sonsonate is no village in Mexico. Left unresolved,
// the fact takes the document's country. Big towns stay: a Syrian text may name Gaziantep
// without naming Turkey. A mid-sized town far from every other place named, in a text firmly
// about another country, is a stray too: "Palma" among Cabo Delgado's districts is no Palma de
// Mallorca, "Delmas" among Port-au-Prince's communes no town in South Africa. Areas and countries
// stay: they are named on purpose.
import type { AcceptRule } from './types.js';

/** A town at least this populous is named on purpose, whatever the rest of the text. */
const STRAY_TOWN = 50_000;
/** How much of the rest of the document's country votes the leading country must hold… */
const LEADING_SHARE = 0.75;
/** …out of at least this much weight (two places, or a country and a town). */
const LEADING_WEIGHT = 2;
/** Nearer than this to another place named, the town is that place's neighbour. */
const NEIGHBOUR_KM = 300;
/** A town smaller than this with no other place named anywhere near it… */
const FAR_STRAY_TOWN = 500_000;
/** …is a stray in a text whose leading country holds this much of the votes, out of this much weight. */
const FIRM_SHARE = 0.85;
const FIRM_WEIGHT = 3;

export const strayTown: AcceptRule = {
  name: 'strayTown',
  reject(c) {
    const e = c.entry;
    if (e.kind !== 'city' || e.population >= FAR_STRAY_TOWN) return null;
    if (c.contained || c.countryShare > 0 || c.parts.state || c.parts.inside || c.parts.contains) return null;
    if (c.parts.near && (c.parts.nearKm ?? Infinity) < NEIGHBOUR_KM) return null;
    const lead = c.leadingCountry;
    if (!lead || lead.key === e.country || lead.share < LEADING_SHARE || lead.weight < LEADING_WEIGHT)
      return null;
    if (e.population < STRAY_TOWN) return `a small town abroad in a text about ${lead.key}`;
    if (!c.parts.near && lead.share >= FIRM_SHARE && lead.weight >= FIRM_WEIGHT)
      return `a town abroad, far from every place named, in a text about ${lead.key}`;
    return null;
  },
};
