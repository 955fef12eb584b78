// An event's readable name: the hazard's own name when a text gives one ("Cyclone Mocha"),
// else "<cause or hazard> — <most reported area>, <country>, <month of the first report>".
import type { Claim } from '../claims/types.js';
import type { Cause, Hazard } from '../types.js';
import { countryName } from './countryName.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const HAZARD_LABEL: Record<Hazard, string> = {
  flood: 'Flood',
  storm: 'Storm',
  earthquake: 'Earthquake',
  landslide: 'Landslide',
  wildfire: 'Wildfire',
  drought: 'Drought',
  volcano: 'Volcanic eruption',
  extreme_temperature: 'Extreme temperature',
  other: 'Disaster',
};

function label(cause: Cause | null, hazard: Hazard | null): string {
  if (hazard) return HAZARD_LABEL[hazard];
  if (cause === 'conflict') return 'Conflict';
  if (cause === 'disaster') return 'Disaster';
  return 'Displacement';
}

/** The value reported by the most claims (first seen wins a tie), from the values in the order
 * they were first reported with how many claims report each. */
export function mostReportedOf(counts: Iterable<readonly [string | null, number]>): string | null {
  let best: string | null = null;
  let most = 0;
  for (const [v, n] of counts) if (v && (best === null || n > most)) [best, most] = [v, n];
  return best;
}

/** The value reported by the most claims (first seen wins a tie). */
function mostReported(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return mostReportedOf(counts);
}

export function monthLabel(date: string | null): string | null {
  if (!date) return null;
  return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

export function eventName(input: {
  hazardName: string | null;
  cause: Cause | null;
  hazard: Hazard | null;
  firstDate: string | null;
  claims: readonly Claim[];
}): string {
  const country = mostReported(input.claims.map((c) => c.country));
  const area = mostReported(input.claims.filter((c) => c.country === country).map((c) => c.admin1));
  return nameOf({ ...input, country, area });
}

/** The name, given the most reported country and, in it, the most reported first-level area. */
export function nameOf(input: {
  hazardName: string | null;
  cause: Cause | null;
  hazard: Hazard | null;
  firstDate: string | null;
  country: string | null;
  area: string | null;
}): string {
  if (input.hazardName) return input.hazardName;
  const where = [input.area, countryName(input.country)].filter(Boolean).join(', ');
  const parts = [where, monthLabel(input.firstDate)].filter(Boolean).join(', ');
  return parts ? `${label(input.cause, input.hazard)} — ${parts}` : label(input.cause, input.hazard);
}
