// What an event's stored row is made of, kept as a running tally of its claims in clustering
// order: the state that decides whether a claim joins (cause, hazard, dates, countries), the
// claims per country and per first-level area (the name), the places, the counts, and per kind
// of figure the claim the recommended-figure rule prefers. Adding a claim never looks at the
// claims before it, so a tally saved after some of an event's claims (a checkpoint) and
// continued with the rest gives the row a tally of all of them gives: the store keeps such
// checkpoints, and adding claims to a long event does not read its earlier claims again.
import { maxDate, minDate } from '../claims/dates.js';
import type { Claim } from '../claims/types.js';
import { WELL_CORROBORATED_SOURCES } from '../figures/corroboration.js';
import {
  figureChoice,
  HEADLINE_ORDER,
  preferred,
  type EventFigures,
  type FigureChoice,
  type FigureClaim,
} from '../figures/recommend.js';
import type { Cause, Hazard } from '../types.js';
import type { EventState } from './cluster.js';
import { mostReportedOf, nameOf } from './name.js';
import type { EventPlace } from './types.js';

/** What a tally reads of a claim. */
export type TalliedClaim = FigureClaim &
  Pick<Claim, 'cause' | 'hazard' | 'country' | 'admin1' | 'location' | 'lat' | 'lon'>;

/** The tally as stored (JSON): maps as lists of entries, in the order they were first seen. */
export interface TallyJson {
  cause: Cause | null;
  hazard: Hazard | null;
  hazardName: string | null;
  firstDate: string | null;
  lastDate: string | null;
  anyAdmin1: boolean;
  claims: number;
  facts: number;
  counted: number;
  countries: [string, number][];
  areas: [string | null, string | null, number][];
  places: EventPlace[];
  figures: [string, FigureClaim | null, FigureClaim | null][];
}

const FIGURE_FIELDS = [
  'id',
  'termClass',
  'stockOrFlow',
  'figure',
  'unit',
  'qualifier',
  'people',
  'householdSize',
  'firstDate',
  'lastDate',
  'independentSources',
] as const;

function figureClaim(c: FigureClaim): FigureClaim {
  const out: Record<string, unknown> = {};
  for (const k of FIGURE_FIELDS) out[k] = c[k];
  return out as unknown as FigureClaim;
}

const areaKey = (country: string | null, admin1: string | null) => JSON.stringify([country, admin1]);

export class EventTally {
  cause: Cause | null = null;
  hazard: Hazard | null = null;
  hazardName: string | null = null;
  firstDate: string | null = null;
  lastDate: string | null = null;
  anyAdmin1 = false;
  claims = 0;
  facts = 0;
  counted = 0;
  /** Claims per country ('' for none). */
  readonly countries = new Map<string, number>();
  /** Claims per (country, first-level area), by areaKey. */
  private readonly areas = new Map<string, [string | null, string | null, number]>();
  private readonly places = new Map<string, EventPlace>();
  /** Per kind of figure: the preferred corroborated claim, and the preferred of all. */
  private readonly figures = new Map<string, [FigureClaim | null, FigureClaim | null]>();

  /** Adds the next claim in clustering order. */
  add(c: TalliedClaim, hazardName: string | null, factCount: number): void {
    this.cause ??= c.cause;
    this.hazard ??= c.hazard;
    this.hazardName ??= hazardName;
    this.firstDate = minDate(this.firstDate, c.firstDate);
    this.lastDate = maxDate(this.lastDate, c.lastDate);
    this.anyAdmin1 ||= c.admin1 !== null;
    this.claims++;
    this.facts += factCount;
    const country = c.country ?? '';
    this.countries.set(country, (this.countries.get(country) ?? 0) + 1);
    const area = areaKey(c.country, c.admin1);
    const a = this.areas.get(area);
    if (a) a[2]++;
    else this.areas.set(area, [c.country, c.admin1, 1]);
    const place = `${c.country}|${c.admin1}|${c.location}`;
    if (!this.places.has(place))
      this.places.set(place, {
        country: c.country,
        admin1: c.admin1,
        location: c.location,
        lat: c.lat,
        lon: c.lon,
      });
    if (c.people === null || c.figure === null) return; // a vague quantity (see counted())
    this.counted++;
    const kind = `${c.termClass}|${c.stockOrFlow}`;
    const [strong, all] = this.figures.get(kind) ?? [null, null];
    const better = (best: FigureClaim | null) =>
      best === null || preferred(best, c) !== best ? figureClaim(c) : best;
    this.figures.set(kind, [
      c.independentSources >= WELL_CORROBORATED_SOURCES ? better(strong) : strong,
      better(all),
    ]);
  }

  /** Whether the event has a claim in this country and first-level area (null: none). */
  hasArea(country: string | null, admin1: string | null): boolean {
    return this.areas.has(areaKey(country, admin1));
  }

  /** The state clustering decides with (see fitsBeforePlaces). */
  state(): EventState {
    return {
      countries: new Set(this.countries.keys()),
      cause: this.cause,
      hazard: this.hazard,
      hazardName: this.hazardName,
      firstDate: this.firstDate,
      lastDate: this.lastDate,
      anyAdmin1: this.anyAdmin1,
    };
  }

  name(): string {
    const country = mostReportedOf(this.countries);
    const areas: [string | null, number][] = [];
    for (const [c, admin1, n] of this.areas.values()) if (c === country) areas.push([admin1, n]);
    return nameOf({ ...this, country, area: mostReportedOf(areas) });
  }

  placeList(): EventPlace[] {
    return [...this.places.values()];
  }

  /** The recommended figures (recommendFigures of the claims). */
  figureChoices(): EventFigures {
    const byKind: FigureChoice[] = [];
    for (const [termClass, stockOrFlow] of HEADLINE_ORDER) {
      const best = this.figures.get(`${termClass}|${stockOrFlow}`);
      if (!best) continue;
      const [strong, all] = best;
      byKind.push(figureChoice((strong ?? all)!, strong !== null, this.counted - 1));
    }
    return { recommended: byKind[0] ?? null, byKind };
  }

  toJSON(): TallyJson {
    return {
      cause: this.cause,
      hazard: this.hazard,
      hazardName: this.hazardName,
      firstDate: this.firstDate,
      lastDate: this.lastDate,
      anyAdmin1: this.anyAdmin1,
      claims: this.claims,
      facts: this.facts,
      counted: this.counted,
      countries: [...this.countries],
      areas: [...this.areas.values()],
      places: this.placeList(),
      figures: [...this.figures].map(([k, [s, a]]) => [k, s, a]),
    };
  }

  static fromJSON(j: TallyJson): EventTally {
    const t = new EventTally();
    t.cause = j.cause;
    t.hazard = j.hazard;
    t.hazardName = j.hazardName;
    t.firstDate = j.firstDate;
    t.lastDate = j.lastDate;
    t.anyAdmin1 = j.anyAdmin1;
    t.claims = j.claims;
    t.facts = j.facts;
    t.counted = j.counted;
    for (const [c, n] of j.countries) t.countries.set(c, n);
    for (const [c, a, n] of j.areas) t.areas.set(areaKey(c, a), [c, a, n]);
    for (const p of j.places) t.places.set(`${p.country}|${p.admin1}|${p.location}`, p);
    for (const [k, s, a] of j.figures) t.figures.set(k, [s, a]);
    return t;
  }
}
