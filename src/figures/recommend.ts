// The recommended figure of an event, by one explicit rule:
// - per kind of figure (term class, stock or flow), look at the well-corroborated claims, or
//   at all claims when none is corroborated;
// - a stock (people still displaced) is the latest of them; a flow (people newly displaced,
//   evacuated, homes destroyed…) is the largest of them. Repeats are one claim already, so
//   nothing is ever added up;
// - the event's figure is the first kind present in HEADLINE_ORDER.
// Households stay in the claim with the household size used to count people.
import type { Claim, TermClass } from '../claims/types.js';
import { bestSupported, counted } from './corroboration.js';
import { reasonSentence } from './reason.js';

export interface FigureChoice {
  claimId: string;
  termClass: TermClass;
  stockOrFlow: 'stock' | 'flow';
  figure: number;
  unit: 'people' | 'households';
  qualifier: string;
  people: number;
  householdSize: number | null;
  date: string | null;
  independentSources: number;
  corroborated: boolean;
  reason: string;
}

export interface EventFigures {
  recommended: FigureChoice | null;
  /** One choice per kind of figure the event has. */
  byKind: FigureChoice[];
}

export const HEADLINE_ORDER: [TermClass, 'flow' | 'stock'][] = [
  ['displacement', 'flow'],
  ['displacement', 'stock'],
  ['evacuation', 'flow'],
  ['homeless', 'flow'],
  ['homeless', 'stock'],
  ['shelter', 'stock'],
  ['shelter', 'flow'],
  ['evacuation', 'stock'],
  ['refugees', 'flow'],
  ['refugees', 'stock'],
  ['housing_destroyed', 'flow'],
  ['housing_destroyed', 'stock'],
  ['returns', 'flow'],
  ['returns', 'stock'],
  ['housing_damaged', 'flow'],
  ['housing_damaged', 'stock'],
];

/** What choosing a figure and explaining it reads of a claim. */
export type FigureClaim = Pick<
  Claim,
  | 'id'
  | 'termClass'
  | 'stockOrFlow'
  | 'figure'
  | 'unit'
  | 'qualifier'
  | 'people'
  | 'householdSize'
  | 'firstDate'
  | 'lastDate'
  | 'independentSources'
>;

function latestFirst(a: FigureClaim, b: FigureClaim): number {
  return (
    (b.lastDate ?? '').localeCompare(a.lastDate ?? '') ||
    b.independentSources - a.independentSources ||
    b.people! - a.people! ||
    a.id.localeCompare(b.id)
  );
}

function largestFirst(a: FigureClaim, b: FigureClaim): number {
  return (
    b.people! - a.people! ||
    b.independentSources - a.independentSources ||
    (a.firstDate ?? '').localeCompare(b.firstDate ?? '') ||
    a.id.localeCompare(b.id)
  );
}

/** Which of two claims of one kind (with numbers) the rule prefers: the latest of stocks, the
 * largest of flows. */
export function preferred<C extends FigureClaim>(a: C, b: C): C {
  return (a.stockOrFlow === 'stock' ? latestFirst(a, b) : largestFirst(a, b)) <= 0 ? a : b;
}

/** The choice for one kind of figure, or null when no claim of that kind has a number. */
export function chooseFigure(claims: readonly Claim[], others: number): FigureChoice | null {
  const { claims: pool, corroborated } = bestSupported(counted(claims));
  if (pool.length === 0) return null;
  return figureChoice(pool.reduce(preferred), corroborated, others);
}

/** The choice of the claim the rule preferred among the corroborated claims of its kind (or
 * among all, `corroborated` false), with `others` claims kept as triangulation. */
export function figureChoice(chosen: FigureClaim, corroborated: boolean, others: number): FigureChoice {
  const stock = chosen.stockOrFlow === 'stock';
  return {
    claimId: chosen.id,
    termClass: chosen.termClass,
    stockOrFlow: chosen.stockOrFlow,
    figure: chosen.figure!,
    unit: chosen.unit,
    qualifier: chosen.qualifier,
    people: chosen.people!,
    householdSize: chosen.householdSize,
    date: stock ? chosen.lastDate : chosen.firstDate,
    independentSources: chosen.independentSources,
    corroborated,
    reason: reasonSentence(chosen, { stock, corroborated, others }),
  };
}

export function recommendFigures(claims: readonly Claim[]): EventFigures {
  const byKind: FigureChoice[] = [];
  const withNumbers = counted(claims).length;
  for (const [termClass, stockOrFlow] of HEADLINE_ORDER) {
    const kind = claims.filter((c) => c.termClass === termClass && c.stockOrFlow === stockOrFlow);
    const choice = chooseFigure(kind, withNumbers - 1);
    if (choice) byKind.push(choice);
  }
  return { recommended: byKind[0] ?? null, byKind };
}
