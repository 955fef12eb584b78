// When a claim belongs to an event: the numbers that decide it, in one place. A conflict
// offensive runs for months; a flood or a storm is days to weeks, so two floods in one country
// a month apart are two events; a named storm is one event on every coast it reaches.
import type { Cause } from '../types.js';

/** Longest gap, in days, between a claim and an event's period for the claim to join it. */
export const TIME_WINDOW_DAYS: Record<Cause | 'unknown', number> = {
  conflict: 90,
  disaster: 14,
  other: 30,
  unknown: 30,
};

/** Places in different first-level areas join when this close (km). */
export const NEAR_KM: Record<Cause | 'unknown', number> = {
  conflict: 150,
  disaster: 300,
  other: 150,
  unknown: 150,
};

/** An unnamed storm reaches across a border when its reports are this close (km) and in the
 * same window; named storms join by name. */
export const CROSS_BORDER_STORM_KM = 600;

/** Claims naming the same hazard join within this many days of the event. */
export const NAMED_HAZARD_WINDOW_DAYS = 60;
