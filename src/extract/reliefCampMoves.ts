// "7,267 people had been shifted to 96 flood relief camps", "17 families had shifted to relief
// camps": people moved into relief camps are counted in the camps, and analysts record them there
// only; a move to shelters or evacuation centres is still an evacuation too ("1.8 million people
// were taken to the shelters"), as they record it.
import type { Link } from './link.js';

export function withoutReliefCampMoves(links: readonly Link[]): Link[] {
  const inCamp = new Set(
    links.filter((l) => l.term === 'in_relief_camp' && !l.coordinated).map((l) => l.figure),
  );
  if (inCamp.size === 0) return [...links];
  return links.filter((l) => !(l.coordinated && l.term === 'evacuated' && inCamp.has(l.figure)));
}
