// Displacement events: claims about one episode (country, cause and hazard, place, time).
import type { Claim } from '../claims/types.js';
import type { Cause, Hazard } from '../types.js';

export interface EventPlace {
  country: string | null;
  admin1: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
}

export interface DisplacementEvent {
  /** Stable id: derived from the id of the event's earliest claim. */
  id: string;
  /** "Cyclone Mocha", else e.g. "Conflict — Nineveh, Iraq, Oct 2016". */
  name: string;
  /** The hazard's own name when a text gives one ("Cyclone Mocha"). */
  hazardName: string | null;
  cause: Cause | null;
  hazard: Hazard | null;
  countries: string[];
  places: EventPlace[];
  firstDate: string | null;
  lastDate: string | null;
  /** In clustering order (earliest first). */
  claims: Claim[];
}
