// Gate rules for names that belong to something smaller than a place: a town's name before a
// street, building or organisation word ("Lincoln Street", "Clark Academy"), and a saint's or
// founder's day ("St. Patrick's Day"), unless a country bears the name.
import type { GateRule } from './types.js';

export const streetName: GateRule = {
  name: 'streetName',
  gate: (m) =>
    m.street && !m.demonym && m.candidates.every((c) => c.kind === 'city') ? 'street or building name' : null,
};

export const holiday: GateRule = {
  name: 'holiday',
  gate: (m) => (m.holiday && !m.candidates.some((c) => c.kind === 'country') ? "someone's day" : null),
};
