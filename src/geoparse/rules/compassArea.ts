// Accept rule: a compass word ("Sud", "Ouest", "Est", "Norte", "Centro") is the name of a
// first-level area in some countries (Haiti's Sud and Ouest, Burkina Faso's Est, Cameroon's
// Ouest), and in French and Spanish text also just a direction: "l'Ouest de la France", "le Sud
// de Madagascar". It is that area only where the text points to its country: the rest of the
// document votes for it, another place of the text lies in the same state or contains it, or the
// name stands with an area word ("département du Sud", "Sud department"). Being near one other
// place is not enough: that place may itself be a look-alike the accept rules drop later ("La
// Mission" read as a Haitian village put "l'Ouest de la Côte d'Ivoire" in Haiti).
import type { AcceptRule } from './types.js';

/** The rest of the document's share of country votes that points to the area's country. */
const SHARE = 0.3;

export const compassArea: AcceptRule = {
  name: 'compassArea',
  reject(c) {
    if (!c.mentions.every((m) => m.compass) || c.contained) return null;
    const p = c.parts;
    if (p.state || p.inside || p.contains || c.countryShare >= SHARE) return null;
    return 'a compass word, and nothing in the text points to its country';
  },
};
