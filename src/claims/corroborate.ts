// Facts → claims. A fact joins the first claim (in clustering order) that it agrees with:
// same term class, unit and country, causes that do not contradict, the same figure as the
// claim's first report (sameFigure), the same or a containing place as each of its reports
// (samePlace) and a date close to one of its reports'. Otherwise it starts a claim. Facts are
// taken in date order, so the result is a function of the set of facts, not of arrival order.
import { pushTo } from './groupBy.js';
import { gapDays, maxDate, minDate } from './dates.js';
import { independentSources, reportCount } from './independence.js';
import { MAX_ROUNDING_SHARE, sameFigure } from './sameFigure.js';
import { samePlace } from './samePlace.js';
import { stableId } from './stableId.js';
import { termClass } from './termClass.js';
import type { Claim, ClaimFact } from './types.js';
import { strongestWording } from './wording.js';

/** Reports of one figure this many days apart are still one claim when both dates were
 * stated in the text; when either was taken from the publication date (a figure repeated by
 * later articles), the wider tolerance applies. */
export const STATED_DATE_TOLERANCE_DAYS = 3;
export const IMPLIED_DATE_TOLERANCE_DAYS = 14;

export function factOrder(a: ClaimFact, b: ClaimFact): number {
  return (
    (a.dateStart ?? '').localeCompare(b.dateStart ?? '') ||
    (a.published ?? '').localeCompare(b.published ?? '') ||
    a.articleId - b.articleId ||
    a.quantityStart - b.quantityStart ||
    a.factId - b.factId
  );
}

function datesAgree(a: ClaimFact, b: ClaimFact): boolean {
  if (!a.dateStart || !b.dateStart) return true;
  const tolerance = a.dateStated && b.dateStated ? STATED_DATE_TOLERANCE_DAYS : IMPLIED_DATE_TOLERANCE_DAYS;
  return gapDays(a.dateStart, a.dateEnd ?? a.dateStart, b.dateStart, b.dateEnd ?? b.dateStart) <= tolerance;
}

function causesAgree(a: ClaimFact, b: ClaimFact): boolean {
  return a.cause === null || b.cause === null || a.cause === b.cause;
}

function bucketKey(f: ClaimFact): string {
  return `${termClass(f.term)}|${f.unit}|${f.country ?? ''}`;
}

function agrees(members: readonly ClaimFact[], f: ClaimFact): boolean {
  const first = members[0]!;
  if (!sameFigure(first, f)) return false;
  // Place and cause must fit every report (a country-level report must not bridge two cities);
  // the date only one, so a figure repeated over weeks stays one claim.
  return members.every((m) => causesAgree(m, f) && samePlace(m, f)) && members.some((m) => datesAgree(m, f));
}

/** Whether the fact would join a claim made of these reports (in clustering order). */
export function joinsClaim(members: readonly ClaimFact[], f: ClaimFact): boolean {
  return members.length > 0 && bucketKey(members[0]!) === bucketKey(f) && agrees(members, f);
}

/** The most specific place among the reports: a locality over an area over a country. */
function placeOf(facts: readonly ClaimFact[]): ClaimFact {
  return facts.find((f) => f.admin1 && f.location) ?? facts.find((f) => f.admin1) ?? facts[0]!;
}

export function toClaim(facts: ClaimFact[]): Claim {
  const first = facts[0]!;
  const lead = strongestWording(facts);
  const place = placeOf(facts);
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  let firstReported: string | null = null;
  let lastReported: string | null = null;
  for (const f of facts) {
    firstDate = minDate(firstDate, f.dateStart);
    lastDate = maxDate(lastDate, f.dateEnd ?? f.dateStart);
    firstReported = minDate(firstReported, f.published);
    lastReported = maxDate(lastReported, f.published);
  }
  return {
    id: stableId('c', `${first.articleId}:${first.quantityStart}:${termClass(first.term)}`),
    termClass: termClass(lead.term),
    term: lead.term,
    figure: lead.figure,
    vague: lead.vague,
    range: lead.range,
    qualifier: lead.qualifier,
    unit: lead.unit,
    people: lead.people,
    householdSize: lead.householdSize,
    stockOrFlow: facts.some((f) => f.stockOrFlow === 'stock') ? 'stock' : 'flow',
    cause: facts.find((f) => f.cause)?.cause ?? null,
    hazard: facts.find((f) => f.hazard)?.hazard ?? null,
    country: first.country,
    admin1: place.admin1,
    location: place.location,
    lat: place.lat,
    lon: place.lon,
    firstDate,
    lastDate,
    firstReported,
    lastReported,
    independentSources: independentSources(facts),
    reports: reportCount(facts),
    confidence: Math.max(...facts.map((f) => f.confidence)),
    leadFactId: lead.factId,
    evidence: lead.evidence,
    facts,
  };
}

// Figures that can be one (sameFigure: within MAX_ROUNDING_SHARE) fall in the same or a
// neighbouring bin of this ratio, so a fact is compared with a handful of claims, not all.
const BIN_RATIO = Math.log1p(MAX_ROUNDING_SHARE);

function figureBin(f: ClaimFact): number | string {
  const n = f.range ? f.range[0] : f.figure;
  if (n === null) return `vague:${(f.vague ?? '').toLowerCase()}`;
  return n <= 0 ? 0 : Math.floor(Math.log(n) / BIN_RATIO);
}

function neighbourBins(bin: number | string): (number | string)[] {
  return typeof bin === 'string' ? [bin] : [bin - 1, bin, bin + 1];
}

/** A claim begun before the facts given to corroborate (see claimReplay.ts): its id and the
 * reports it has so far, in clustering order. */
export interface OpenClaim {
  id: string;
  members: ClaimFact[];
}

/** Groups facts into claims; deterministic for a given set of facts. With `open` claims, the
 * facts are the ones that come after theirs in clustering order, and the result is what
 * corroborating all of them would give for these claims and the new ones (the open claims
 * first, in the order given, which must be their creation order). `taken`: ids held by claims
 * not corroborated again (other countries'), which no new claim may take. */
export function corroborate(
  facts: readonly ClaimFact[],
  open: readonly OpenClaim[] = [],
  taken: ReadonlySet<string> = new Set(),
): Claim[] {
  const ordered = [...facts].sort(factOrder);
  // Open claims per bucket and figure bin, each with its creation number: the first agreeing
  // claim in creation order wins, as if every claim of the bucket were tried in turn.
  const index = new Map<string, { seq: number; members: ClaimFact[] }[]>();
  const all: ClaimFact[][] = [];
  const start = (members: ClaimFact[]) => {
    const entry = { seq: all.length, members };
    all.push(members);
    const first = members[0]!;
    pushTo(index, `${bucketKey(first)}#${figureBin(first)}`, entry);
  };
  for (const c of open) start([...c.members]);
  for (const f of ordered) {
    const bucket = bucketKey(f);
    let home: { seq: number; members: ClaimFact[] } | undefined;
    for (const b of neighbourBins(figureBin(f)))
      for (const c of index.get(`${bucket}#${b}`) ?? [])
        if ((!home || c.seq < home.seq) && agrees(c.members, f)) home = c;
    if (home) home.members.push(f);
    else start([f]);
  }
  // Two claims can start at one quantity (one figure read under two terms of a class that then
  // disagree on place or date): the later one gets a suffix, deterministically.
  const used = new Set<string>([...taken, ...open.map((c) => c.id)]);
  return all.map((members, i) => {
    const claim = toClaim(members);
    if (i < open.length) return { ...claim, id: open[i]!.id };
    let id = claim.id;
    for (let n = 2; used.has(id); n++) id = stableId('c', `${claim.id}#${n}`);
    used.add(id);
    return id === claim.id ? claim : { ...claim, id };
  });
}
