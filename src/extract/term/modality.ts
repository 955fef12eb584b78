// Detects whether a trigger is hypothetical, future or negated in its context:
// "could displace", "are expected to evacuate", "plans to relocate", "were not evacuated".
// Reported past obligations stay facts: "had to be evacuated", "were forced to flee".
import { endingWith, type Lexicon, matchesAt, startingWith, startsOf } from '../lexicon.js';
import { isTitleCase, type Token } from '../segment/tokens.js';
import { baseForm, gerundForm } from './morph/forms.js';

export type Modality = 'asserted' | 'hypothetical' | 'negated';

/** Words between a risk and its trigger that keep the trigger its object: "at risk of [being] displaced". */
const RISK_AUXILIARIES = new Set(['being', 'getting', 'becoming', 'ser', 'siendo', 'quedar', 'être', 'devenir']);

/** Looks at tokens in [from, to): the words between a figure and its trigger, or before the trigger. */
export function modalityOf(
  tokens: readonly Token[],
  norms: readonly string[],
  from: number,
  to: number,
  lex: Lexicon,
): Modality {
  let hypothetical = false;
  let past = false;
  const hypotheticals = startsOf(lex.hypothetical);
  const pastOverrides = startsOf(lex.pastOverride);
  const exposures = startsOf(lex.riskExposures);
  let conditional: boolean | undefined;
  for (let i = Math.max(0, from); i < to; i++) {
    // "households in areas at risk of landslide were relocated": an exposure whose object is no
    // trigger names where they were; its "risk" says nothing of the trigger further on.
    // (Looked up by the word at `i`, as the hypotheticals are: this runs for every token of every window.)
    const exposure = exposures(norms[i]).find((e) => matchesAt(norms, i, e));
    const object = i + (exposure?.length ?? 0);
    if (exposure && to > object && !RISK_AUXILIARIES.has(norms[object]!)) {
      i += exposure.length - 1;
      continue;
    }
    // An aside naming the group's members ("1,200 people, including a woman about to give birth,
    // have been evacuated") tells of them, not of whether the event happened.
    if (norms[i] === ',' && startingWith(lex.asides, norms[i + 1]).some((a) => matchesAt(norms, i + 1, a))) {
      const close = norms.indexOf(',', i + 2);
      if (close > 0 && close < to) {
        i = close;
        continue;
      }
    }
    const t = tokens[i]!;
    if (lex.negation.has(t.norm) || t.norm.endsWith("n't")) {
      // "no longer", "not only" do not negate the event itself; nor does a qualifier opening with a
      // negation ("pas moins de 113 000", "no fewer than", "no menos de").
      const qualifier = lex.qualifiersBefore.some((q) => q.words.length > 1 && matchesAt(norms, i, q.words));
      // "No. of homeless people 5 million": the abbreviation of "number", written with its period;
      // or before "of" in any case, with or without one ("with total no of 1,073 evacuees").
      const numberSign =
        (/^N/.test(t.text) && norms[i + 1] === '.') ||
        (t.norm === 'no' && (norms[i + 1] === 'of' || (norms[i + 1] === '.' && norms[i + 2] === 'of')));
      if (!(t.norm === 'not' && norms[i + 1] === 'only') && norms[i + 1] !== 'longer' && !qualifier && !numberSign)
        return 'negated';
    }
    // "May" the month is not a modal, nor is a capitalised word inside the sentence: "Can Gio", "Will County".
    // (In a headline in title case every word is capitalised: "ISIS Could Displace 2.3 Million".)
    if (t.norm === 'may' && /^M/.test(t.text)) continue;
    if (i > 0 && tokens[i - 1]!.kind === 'word' && /^\p{Lu}/u.test(t.text) && !isTitleCase(tokens)) continue;
    // "issued a warning", "the tsunami warning" name an alert; "warning that …" tells a forecast.
    if (lex.verbOnlyCues.has(t.norm) && !lex.verbOnlyComplements.has(norms[i + 1] ?? '')) continue;
    // "may have lost their homes" reports an estimate of the past; "may have to leave" does not.
    if (lex.estimateModals.has(t.norm) && norms[i + 1] === 'have' && norms[i + 2] !== 'to') continue;
    // "les déplacés seraient quelque 140 000": the press's conditional hedges a reported count.
    const reportive =
      lex.reportiveConditionals.has(t.norm) && !(conditional ??= holdsCondition(norms, lex));
    for (const h of hypotheticals(norms[i])) if (matchesAt(norms, i, h) && !reportive) hypothetical = true;
    for (const p of pastOverrides(norms[i])) if (matchesAt(norms, i, p)) past = true;
  }
  return hypothetical && !past ? 'hypothetical' : 'asserted';
}

/** "si la digue cède", "en caso de lluvias": a condition anywhere in the sentence. */
function holdsCondition(norms: readonly string[], lex: Lexicon): boolean {
  const conditions = startsOf(lex.conditions);
  return norms.some((w, i) => conditions(w).some((c) => matchesAt(norms, i, c)));
}

/** "None of the 4,000 residents…", "no one among the 3,000 villagers…": the figure is negated. */
export function negatedFigure(norms: readonly string[], lead: number, lex: Lexicon): boolean {
  return endingWith(lex.figureNegation, norms[lead - 1]).some((n) => matchesAt(norms, lead - n.length, n));
}

/** "…was called off", "…proved untrue", "officials denied that …": the event did not happen. */
export function cancelledAfter(norms: readonly string[], from: number, lex: Lexicon): boolean {
  for (let k = from; k < Math.min(norms.length, from + CANCEL_REACH); k++) {
    // In the trigger's own clause: "55 people in shelters in Petén; classes were suspended".
    if (norms[k] === ';' || norms[k] === '.' || lex.clauseBreaks.has(norms[k]!)) return false;
    // A bare participle is passive ("the evacuation was postponed"), not the active verb of another
    // object: "relocated 375,000 people to safety, canceled hundreds of flights".
    const passive = lex.auxiliaries.has(norms[k - 1] ?? '') || lex.auxiliaries.has(norms[k - 2] ?? '');
    if (startingWith(lex.cancellation, norms[k]).some((c) => matchesAt(norms, k, c) && (c.length > 1 || passive)))
      return true;
  }
  return false;
}

/**
 * "2,000 people were moved out of the terminal", "800 élèves évacués d'un lycée": leaving a
 * building (a bomb threat, a fire alarm) is no displacement. Homes, villages and camps are not in
 * the list; an elided article ("de l'hôpital") may be glued to the building.
 */
export function leavesBuilding(norms: readonly string[], from: number, lex: Lexicon): boolean {
  const { from: preps, buildings } = lex.buildingExits;
  for (const p of preps) {
    if (!matchesAt(norms, from, p)) continue;
    const at = from + p.length;
    const bare = norms[at]?.replace(/^[ld]'/, '');
    for (const b of buildings) if (matchesAt(norms, at, b) || (b.length === 1 && bare === b[0])) return true;
  }
  return false;
}

/** How far after a trigger a cancellation ("has been postponed indefinitely") is looked for. */
const CANCEL_REACH = 10;

/** How far after a counted noun its predicate is looked for ("refugees [are expected to arrive]"). */
const PREDICATE_REACH = 5;

/**
 * "Another 20,000 refugees are expected to arrive", "5,000 evacuees would have to leave": the
 * figure names people by a displacement word, but its own predicate is a movement still to come.
 * A hypothetical about something else ("displaced people will receive aid") leaves the count alone.
 */
export function hypotheticalPredicate(norms: readonly string[], from: number, lex: Lexicon): boolean {
  const hypotheticals = startsOf(lex.hypothetical);
  const movements = startsOf(lex.futureMovements);
  for (let i = from; i < Math.min(norms.length, from + PREDICATE_REACH); i++) {
    const h = hypotheticals(norms[i]).find((h) => matchesAt(norms, i, h));
    if (!h) continue;
    // "no pueden regresar", "ne peuvent pas rentrer", "cannot return": a modal denied tells what
    // stops people now, not what may happen.
    if (lex.negation.has(norms[i - 1] ?? '') || lex.negation.has(norms[i + h.length] ?? '')) continue;
    for (let k = i + h.length; k <= i + h.length + 2; k++) {
      const m = movements(norms[k]).find((m) => matchesAt(norms, k, m));
      // "15 evacuees were preparing to leave their shelters": people already moved, going home.
      if (m && !(lex.exitMovements.has(m[0]!) && leavesShelter(norms, k + m.length, lex))) return true;
    }
  }
  return false;
}

/** A shelter or camp within the few words after a movement: "leave [the evacuation] centres". */
function leavesShelter(norms: readonly string[], from: number, lex: Lexicon): boolean {
  for (let k = from; k < Math.min(norms.length, from + 3); k++) if (lex.refuge.sites.has(norms[k]!)) return true;
  return false;
}

/** How far before a figure a word of capacity in its clause is looked for. */
const CAPACITY_REACH = 12;

/**
 * "The centre is capable of sheltering perhaps 100 evacuees", "la capacidad de la UNRWA es para
 * 150,000 desplazados": a capacity before the figure in its clause counts the places there are,
 * not the people who came. A comma ends the look-back: "with room for 20,000, now holds 35,000".
 */
export function capacityBefore(norms: readonly string[], lead: number, lex: Lexicon): boolean {
  for (let i = lead - 1; i >= Math.max(0, lead - CAPACITY_REACH); i--) {
    const w = norms[i]!;
    if (w === '.' || w === ';' || w === ':' || w === ',' || lex.clauseBreaks.has(w)) return false;
    // "at full capacity with 5,804 refugees": a capacity reached is a count of who is there.
    if (lex.capacityReached.has(norms[i - 1] ?? '')) continue;
    if (lex.capacities.some((c) => matchesAt(norms, i, c) && i + c.length <= lead)) return true;
  }
  return false;
}

/** The longest capitalised subject a headline's plan may have: "Sri Lanka's Government". */
const HEADLINE_SUBJECT = 4;

/**
 * "Ischia to evacuate 1,000 people over fears of further landslides", "Philippines to relocate
 * 5,000 families": a headline's infinitive right after its capitalised subject, with no verb of its
 * own, announces a plan; "forced to evacuate", "were told to evacuate" have their verb.
 */
export function headlinePlan(tokens: readonly Token[], triggerFirst: number, lex: Lexicon): boolean {
  const to = triggerFirst - 1;
  if (to < 1 || to > HEADLINE_SUBJECT || !lex.headlineInfinitives.has(tokens[to]!.norm)) return false;
  for (let j = 0; j < to; j++) {
    const t = tokens[j]!;
    if (t.kind !== 'word' || !/^\p{Lu}/u.test(t.text) || lex.auxiliaries.has(t.norm)) return false;
  }
  // A title-case headline's participle is its verb: "Thousands Forced to Evacuate 1,000 Homes".
  return !/ed$/.test(tokens[to - 1]!.norm);
}

/** How far before a subject figure a modal governing its clause is looked for. */
const MODAL_REACH = 4;
/** The most words a forecast phrase has past its first: "se preparan para". */
const PHRASE_EXTRA = 3;

/**
 * "The worst-case scenario would result in 216 million people being forced to migrate", "would
 * still see 44 million people leaving their homes", "they expect 92 million displaced", "se prevén
 * 4,5 millones de desplazamientos": a modal or a verb of forecast before the figure, in its clause,
 * makes the whole event hypothetical. Not an estimate of the past ("may have displaced") and not
 * when the trigger sits in a relative clause of its own ("will help 5,000 people who fled").
 */
export function hypotheticalBefore(
  tokens: readonly Token[],
  norms: readonly string[],
  lead: number,
  triggerFirst: number,
  lex: Lexicon,
): boolean {
  // A forecast phrase is measured from its last word: "[preparing for] an influx of up to".
  for (let i = Math.max(0, lead - MODAL_REACH - PHRASE_EXTRA); i < lead; i++) {
    const near = i >= lead - MODAL_REACH;
    const forecast = startingWith(lex.forecastVerbs, norms[i]).some(
      (f) => matchesAt(norms, i, f) && i + f.length - 1 >= lead - MODAL_REACH,
    );
    if (!forecast && (!near || !lex.modals.has(norms[i]!) || norms[i + 1] === 'have')) continue;
    if (norms[i] === 'may' && /^M/.test(tokens[i]!.text)) continue; // the month
    if (norms.slice(i + 1, lead).some((w) => w === ',' || w === '.' || lex.clauseBreaks.has(w))) continue;
    if (norms.slice(lead, triggerFirst).some((w) => lex.relatives.has(w))) return false;
    return true;
  }
  return false;
}

/** How far past the figure and its trigger a rate marker still belongs to them. */
const RATE_REACH = 3;
/** How far past the trigger a rate marker of the same clause still belongs to the figure. */
const CLAUSE_RATE_REACH = 8;

/**
 * "400 new arrivals daily", "1,100 refugees are crossing every day", "78 desplazados al día":
 * the figure is a pace, not a count of people, when a rate marker stands between the figure
 * and just past its trigger.
 */
/** How far past a figure and its trigger a time still to come is looked for. */
const FUTURE_REACH = 6;

/**
 * "se sumarán aproximadamente 3.000 en los próximos meses", "atteigne les 30 000 dans les
 * semaines qui viennent": a time still to come right after the figure, in its clause, makes it a
 * forecast whatever the verb's tense. A coordinator or a clause break ends the search: "2,000 have
 * fled, and more are expected in the coming days" keeps its 2,000.
 */
export function futureAfter(tokens: readonly Token[], norms: readonly string[], from: number, lex: Lexicon): boolean {
  for (let i = from; i < Math.min(norms.length, from + FUTURE_REACH); i++) {
    if (tokens[i]!.kind !== 'word' || lex.coordinators.has(norms[i]!) || lex.clauseBreaks.has(norms[i]!)) return false;
    if (startingWith(lex.futureAfter, norms[i]).some((f) => matchesAt(norms, i, f))) return true;
  }
  return false;
}

/** Words between a coordinator and the figure before it: its noun and modifiers ("new refugees"). */
const COORDINATED_REACH = 4;

/**
 * The number token of the figure this one is coordinated with, "[90,000] new refugees and 7,500
 * returnees", or -1: a coordinator right before the figure, then only words back to a number.
 */
export function coordinatedFigure(tokens: readonly Token[], norms: readonly string[], lead: number, lex: Lexicon): number {
  if (!lex.coordinators.has(norms[lead - 1] ?? '')) return -1;
  for (let k = lead - 2; k >= Math.max(0, lead - 2 - COORDINATED_REACH); k--) {
    const t = tokens[k]!;
    if (t.kind === 'number') return k;
    if (t.kind === 'punct' || lex.clauseBreaks.has(t.norm)) return -1;
  }
  return -1;
}

/** How far after a noun trigger's figure (and its noun) a plan is looked for: "of 75 residents [from the flood plain is] planned". */
const PLANNED_REACH = 6;

/**
 * "the evacuation of another 75 planned for Friday", "la reubicación de 500 familias prevista para
 * marzo": a noun of moving whose figure is followed by a plan (`planned_after`) has not happened.
 */
export function plannedAfter(norms: readonly string[], from: number, lex: Lexicon): boolean {
  for (let i = from; i < Math.min(norms.length, from + PLANNED_REACH); i++) {
    // The figure's own clause only: "the evacuation of 3,000 residents, and another is planned".
    if (/^[,;.:()]$/.test(norms[i]!)) return false;
    if (lex.plannedAfter.some((p) => matchesAt(norms, i, p))) return true;
  }
  return false;
}

export function isRate(norms: readonly string[], from: number, to: number, lex: Lexicon): boolean {
  for (let i = from; i < Math.min(norms.length, to + CLAUSE_RATE_REACH); i++) {
    // Past the trigger's own reach, only in the clause it ends: "1,500 refugees are crossing into
    // Chad every day", not "2,000 fled last month, and 300 more arrive daily".
    if (i >= to + RATE_REACH && /^[,;.:()]$/.test(norms[i]!)) return false;
    // A figure after the trigger owns the rate that follows it: "213,339 Chadian returnees,
    // averaging 300 new refugees arriving per day".
    if (i >= to && /^\d/.test(norms[i]!)) return false;
    // A clause of its own opens at a comma and a coordinator, however close: "12,000 people in the
    // camp, and more arrive every week".
    if (i >= to && norms[i] === ',' && lex.coordinators.has(norms[i + 1] ?? '')) return false;
    if (i > 0 && lex.rateBlockers.has(norms[i - 1]!)) continue; // "in a week", "durante el día"
    const rate = startingWith(lex.rates, norms[i]).find((r) => matchesAt(norms, i, r));
    // "a week after the tornado", "a day later" are points in time.
    if (rate && !lex.rateTimeAfter.has(norms[i + rate.length] ?? '')) return true;
  }
  return false;
}

/** A verb of aid in the passive at `k`: "ont été [assistés]", "were [assisted]". */
export function passiveAid(norms: readonly string[], k: number, lex: Lexicon): boolean {
  return lex.aidVerbs.has(norms[k] ?? '') && lex.passiveAuxiliaries.has(norms[k - 1] ?? '');
}

/** How far back from a coordinated verb the modal of the verb before it is looked for. */
const SHARED_MODAL_REACH = 8;
/** And from a coordinated participle of result, across the comma before the first one. */
const SHARED_GERUND_REACH = 16;

/**
 * Where the modality of a trigger verb joined by "and" to a verb before it starts: at that verb's
 * clause, so its modal governs both ("could swamp major cities and displace almost 200 million",
 * "podrían inundar la ciudad y desplazar a 20.000", "pourraient submerger la ville et déplacer"), as
 * do participles of its result. Only a verb in the form a modal takes, or a participle: "flooded
 * the city and displaced 20,000" has none to share.
 * Returns `from` unchanged otherwise.
 */
export function sharedModalStart(
  tokens: readonly Token[],
  norms: readonly string[],
  trigger: number,
  from: number,
  lex: Lexicon,
): number {
  if (trigger < 2 || !lex.coordinators.has(norms[trigger - 1]!)) return from;
  // A participle of result joined to another shares the modal of the clause they follow, across
  // its comma: "seas could inundate coastal cities, submerging vast swaths of land and displacing …".
  const gerund = gerundForm(norms[trigger]!);
  if (!gerund && !baseForm(norms[trigger]!)) return from;
  const reach = gerund ? SHARED_GERUND_REACH : SHARED_MODAL_REACH;
  for (let k = trigger - 2; k >= Math.max(0, trigger - 1 - reach); k--) {
    const w = norms[k]!;
    if ((w === ',' && !gerund) || w === '.' || w === ';' || lex.clauseBreaks.has(w)) return from;
    if (lex.modals.has(w) && !(w === 'may' && /^M/.test(tokens[k]!.text))) return Math.min(from, k);
  }
  return from;
}
