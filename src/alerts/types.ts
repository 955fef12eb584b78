// The plain data the alert rules work on and what they produce. Nothing here reads a
// database: the store turns its rows into these shapes (src/store/queries/alertInputs.ts), so
// every rule is a pure function tested on hand-written tables.

export type AlertKind = 'country_high' | 'new_event' | 'figure_jump';
export const ALERT_KINDS: readonly AlertKind[] = ['country_high', 'new_event', 'figure_jump'];

export type AlertStatus = 'new' | 'confirmed' | 'dismissed';
export const ALERT_STATUSES: readonly AlertStatus[] = ['new', 'confirmed', 'dismissed'];

/** The causes the country rule watches, each with its own floor. */
export type WatchedCause = 'conflict' | 'disaster';

/** People newly displaced in one country, by one cause, on one day, counted once. */
export interface DailyFlow {
  country: string;
  cause: WatchedCause;
  /** YYYY-MM-DD */
  date: string;
  people: number;
}

/** How far back a 30-day total is compared: its 1-year or its 3-year high. */
export type HighLevel = '1y' | '3y';

/** A displacement event as the event rules need it (built from the events table). */
export interface AlertEvent {
  id: string;
  name: string;
  countries: string[];
  cause: string | null;
  hazard: string | null;
  firstDate: string | null;
  lastDate: string | null;
  /** The event's recommended figure in people, with the reason sentence shown beside it. */
  figure: { people: number; reason: string | null } | null;
  /** Every figure reported for the event, for the jump rule (any order). */
  reports: EventReport[];
}

/** One reported figure of an event: a claim. */
export interface EventReport {
  claimId: string;
  /** YYYY-MM-DD the figure refers to (its first date). */
  date: string | null;
  people: number | null;
  /** Figures are compared within one kind: term class and stock or flow. */
  kind: string;
}

/** An alert a rule raises. `key` names it stably, so raising it again stores nothing. */
export interface AlertCandidate {
  key: string;
  kind: AlertKind;
  /** The day the alert is about (YYYY-MM-DD): the window's last day, the event's first date… */
  date: string;
  country: string | null;
  cause: string | null;
  level: HighLevel | null;
  eventId: string | null;
  /** The number that triggered the alert (people). */
  value: number;
  /** What it was compared with: the previous high, the previous figure; null for new events. */
  previous: number | null;
  title: string;
  summary: string;
  details: Record<string, unknown>;
}

/** An alert already stored, as the suppression rule needs it. */
export interface RaisedAlert {
  kind: AlertKind;
  country: string | null;
  cause: string | null;
  level: HighLevel | null;
  date: string;
  key: string;
}
