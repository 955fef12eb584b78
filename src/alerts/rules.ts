// The alert rules' numbers, in one place. The country rule is the one HDX Signals applies to
// IDMC's displacement data: a country's displacement over the last 30 days reaching its highest
// level in a year (or three), above a floor per cause, and no repeat for 180 days.
import type { HighLevel, WatchedCause } from './types.js';

export const WINDOW_DAYS = 30;

/** Below these 30-day totals a country is never alerted, however unusual the rise. */
export const FLOORS: Record<WatchedCause, number> = { conflict: 5_000, disaster: 50_000 };

/** Look-back of each level, in days; the higher level is the longer one. */
export const LEVEL_DAYS: Record<HighLevel, number> = { '1y': 365, '3y': 3 * 365 };
export const LEVEL_RANK: Record<HighLevel, number> = { '1y': 1, '3y': 2 };

/** After an alert, the same country and cause is not alerted again at the same or a lower
 * level for this many days (a higher level still is: a 3-year high after a 1-year one). */
export const SUPPRESS_DAYS = 180;

/**
 * The terms that count as people newly displaced (flows only): the same people are often
 * reported under two of them on one day ("evacuated" and "displaced"), so a day takes the
 * largest figure among them, never their sum. Refugees (cross-border), returns and housing
 * damage are other quantities.
 */
export const DISPLACEMENT_FLOW_TERMS: readonly string[] = [
  'displaced',
  'forced_to_flee',
  'relocated',
  'evacuated',
  'evicted',
  'homeless',
  'sheltered',
  'in_relief_camp',
];

/** Defaults of the event rules; `dmon alerts check` and DMON_ALERT_* change them. */
export const EVENT_DEFAULTS = {
  /** A new event is alerted when its recommended figure reaches this many people. */
  newEventMinPeople: 10_000,
  /** A figure jump is alerted when a figure is at least this many times the event's previous high… */
  jumpFactor: 2,
  /** …and at least this many people. */
  jumpMinPeople: 1_000,
} as const;

export interface EventRuleOptions {
  newEventMinPeople: number;
  jumpFactor: number;
  jumpMinPeople: number;
}
