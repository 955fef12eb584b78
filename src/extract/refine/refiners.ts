// The per-fact refinements, as named steps run in this order on every fact of a document (the
// last stage of extract()). Each reads the fact and the document's context and sets fields of
// the fact; `needs` names the fact fields an earlier refiner must have set. The order matters:
// places set the country that people needs for a household's size, and confidence comes last
// since it reads `implied`, which cause and date extend.
import type { Classification, Fact, FactDate } from '../../types.js';
import { causeOf, type CauseOfResult } from '../../classify/index.js';
import { type DateContext, dateOf, reportDate } from './date.js';
import { stockOrFlow } from './stock.js';
import { attachPlaces, type PlaceContext } from './places.js';
import { peopleOf } from './people.js';
import { leftHostCountry } from './leftHost.js';
import { enteredHomeCountry } from './enteredHome.js';
import { displacedAbroad } from './displacedAbroad.js';
import { confidenceOf } from './confidence.js';

/** What the refiners share for one document. */
export interface FactContext {
  text: string;
  classification: Classification;
  places: PlaceContext | null;
  dates: DateContext;
  /** Sentences often hold several facts: each sentence's cause is read once, by its start. */
  causes: Map<number, CauseOfResult>;
  /** The report's own date, read once when a fact states none; false when there is none. */
  report?: FactDate | false;
}

export interface FactRefiner {
  name: string;
  needs: readonly (keyof Fact)[];
  adds: readonly (keyof Fact)[];
  refine(fact: Fact, ctx: FactContext): void;
}

/** The fact's sentence (or clause): what the cause and stock refiners read. */
const sentenceOf = (fact: Fact, ctx: FactContext) => ctx.text.slice(fact.span[0], fact.span[1]);

const cause: FactRefiner = {
  name: 'cause',
  needs: ['span'],
  adds: ['cause', 'hazard', 'implied'],
  refine(fact, ctx) {
    let local = ctx.causes.get(fact.span[0]);
    if (!local) ctx.causes.set(fact.span[0], (local = causeOf(sentenceOf(fact, ctx))));
    const doc = ctx.classification;
    fact.cause = local.cause ?? doc.cause;
    // A sentence that only says "disaster" inherits the document's hazard (flood, storm …).
    const vagueHazard = local.hazard === null || local.hazard === 'other';
    fact.hazard = local.cause && !(vagueHazard && local.cause === doc.cause) ? local.hazard : doc.hazard;
    if (!local.cause && fact.cause) fact.implied.push('cause');
  },
};

const date: FactRefiner = {
  name: 'date',
  needs: ['span', 'quantity_span'],
  adds: ['date', 'implied'],
  refine(fact, ctx) {
    fact.date = dateOf(ctx.dates, fact.span, fact.quantity_span[0]);
    if (fact.date) return;
    ctx.report ??= reportDate(ctx.dates) ?? false;
    if (ctx.report) {
      fact.date = ctx.report;
      fact.implied.push('date');
    }
  },
};

const stock: FactRefiner = {
  name: 'stock-or-flow',
  needs: ['span', 'term'],
  adds: ['stock_or_flow'],
  refine(fact, ctx) {
    fact.stock_or_flow = stockOrFlow(sentenceOf(fact, ctx), fact);
  },
};

const places: FactRefiner = {
  name: 'places',
  needs: ['span', 'quantity_span', 'term'],
  adds: ['locations', 'country', 'origin'],
  refine(fact, ctx) {
    if (ctx.places) attachPlaces(fact, ctx.text, ctx.places);
  },
};

const homeward: FactRefiner = {
  name: 'homeward',
  needs: ['term', 'country', 'origin'],
  adds: ['term', 'country', 'origin', 'locations'],
  refine(fact, ctx) {
    leftHostCountry(fact);
    enteredHomeCountry(fact, ctx.text, ctx.places?.places ?? []);
    displacedAbroad(fact, ctx.text, ctx.places?.places ?? []);
  },
};

const people: FactRefiner = {
  name: 'people',
  needs: ['figure', 'unit', 'country'],
  adds: ['people'],
  refine(fact) {
    fact.people = peopleOf(fact);
  },
};

const confidence: FactRefiner = {
  name: 'confidence',
  needs: ['confidence', 'implied'],
  adds: ['confidence'],
  refine(fact, ctx) {
    fact.confidence = confidenceOf(fact, fact.confidence, ctx.classification.relevance);
  },
};

export const FACT_REFINERS: readonly FactRefiner[] = [cause, date, stock, places, homeward, people, confidence];

/** Runs every refiner on every fact, fact by fact. */
export function refineFacts(facts: Fact[], ctx: FactContext, refiners = FACT_REFINERS): void {
  for (const fact of facts) for (const r of refiners) r.refine(fact, ctx);
}
