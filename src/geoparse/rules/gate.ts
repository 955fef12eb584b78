// The gate rules, in the order they are asked; the first reason given wins (it is the one the
// debug output shows). Mentions that fail the gate get no entry and give the document no
// context. The order: what the recogniser already knows the span is (no candidate; a piece of
// another name, a label, a byline), then a storm's name, then people (the strongest reading
// of a name that only towns bear), then words that are rarely places, then things smaller
// than a place (streets, buildings, someone's day) or not a settlement at all (rivers, lakes, mountains).
import type { GateRule } from './types.js';
import { stormName } from './stormName.js';
import { personName } from './personName.js';
import { notPlaceWord } from './notPlaceWord.js';
import { holiday, streetName } from './streetName.js';
import { landformName } from './landformName.js';

/** The gazetteer knows no such name. */
const noCandidate: GateRule = {
  name: 'noCandidate',
  gate: (m) => (m.candidates.length === 0 ? 'no candidate' : null),
};

/** Recognition found the span to be part of something else (recognize.ts: partOfOtherName,
 * sectionLabel, bylines). */
const partOfOtherName: GateRule = { name: 'partOfOtherName', gate: (m) => m.inName ?? null };

export const GATE_RULES: readonly GateRule[] = [
  noCandidate,
  partOfOtherName,
  stormName,
  personName,
  notPlaceWord,
  streetName,
  landformName,
  holiday,
];
