// The pairs of the learned linker in one sentence: each figure paired with each displacement cue
// near it (cues.ts), with the pair's features (features.ts). Only figures the rules left unlinked
// get pairs (a second term for a linked figure, "shifted to a school": evacuated and sheltered, was
// tried and cost more precision than it gave), and the rules' gates apply to every pair: a figure
// they reject for a hypothetical or a negation gets none either.
import { profilesAnyGroup } from '../term/profile.js';
import type { Fact, Term } from '../../types.js';
import { HOUSING_TERMS } from '../../types.js';
import { type Lexicon, matchesAt } from '../lexicon.js';
import { includedGroup } from '../gap.js';
import type { Token } from '../segment/tokens.js';
import { AID_RECEIVED, CASUALTIES, SAMPLE, opensOwnClause, wholeOfPercentage, type Figure, type Link } from '../link.js';
import { arrivalCrossedBorder } from '../term/crossing.js';
import type { Trigger } from '../term/triggers.js';
import {
  cancelledAfter,
  capacityBefore,
  headlinePlan,
  hypotheticalBefore,
  hypotheticalPredicate,
  isRate,
  plannedAfter,
  futureAfter,
  leavesBuilding,
  modalityOf,
  negatedFigure,
  passiveAid,
  sharedModalStart,
} from '../term/modality.js';
import { findCues, isTransientPeople, type Cue } from './cues.js';
import { futureForm } from '../term/morph/forms.js';
import { inOrganisationName } from '../term/organisationName.js';
import { campIsOrigin, leavesCamp } from '../term/campOrigin.js';
import { indexSentence, pairFeatures, type Features } from './features.js';

export interface Pair {
  figure: Figure;
  cue: Cue;
  term: Term;
  features: Features;
  /** The fact the pair becomes if chosen (made only then). */
  toFact: () => Fact;
}

const INFINITIVE = /^\p{L}+(?:ar|er|ir)$/u;
const INFINITIVE_BEFORE = new Set(['de', "d'", 'à', 'a', 'para', 'pour', 'por', 'va', 'vont', 'van']);
/** How far before a figure a verb of aid still governs it ("reached", "touchant"). */
const AID_REACH = 3;
/** The restated figure and its noun before "soit": "15 852 personnes soit". */
const RESTATED_AID_REACH = 4;
/** The furthest a cue may stand from its figure, in tokens. */
const REACH = 15;

export function sentencePairs(
  tokens: readonly Token[],
  figures: readonly Figure[],
  links: readonly Link[],
  triggers: readonly Trigger[],
  lex: Lexicon,
  lang: string,
  toFact: (f: Figure, term: Term, cue: Cue) => Fact,
  /** Whether the model could take a pair with these features; without it every pair is kept. */
  mayPass?: (x: Features) => boolean,
): Pair[] {
  // The cheap checks first: most sentences have no figure left to give a chance to.
  const linkedFigures = new Set(links.map((l) => l.figure));
  const open = figures.filter(
    (f) =>
      !linkedFigures.has(f) &&
      f.quantity.value !== null &&
      !f.quantity.fractional &&
      f.countKind !== 'shelter' &&
      // "de los 100 albergues … la activación de 24": a figure counting shelters by its elided noun.
      !(f.countKind === null && f.elidedKind === 'shelter') &&
      !f.shareTotal &&
      // A subgroup of a group a trigger names without a figure was left out by the rules on purpose.
      !profilesAnyGroup(tokens, f, triggers, lex),
  );
  if (open.length === 0) return [];
  // "registered by the Department of Refugees and Returnees": a word of a body's name is no cue.
  // "desde los albergues": a camp or shelter people came from is no place they stay.
  const cues = findCues(tokens).filter(
    (c) =>
      !inOrganisationName(tokens, c.at, lex) &&
      !(lex.refuge.sites.has(tokens[c.at]!.norm) && campIsOrigin(tokens, c.at, lex)) &&
      !leavesCamp(tokens, c.at, c.at + 1, lex),
  );
  if (cues.length === 0) return [];
  const index = indexSentence(tokens, cues, triggers);
  const { cueAt, triggerAt } = index;
  /** The cues within reach of a figure, read off the index: a long sentence stays linear. */
  const cuesNear = (f: Figure): Cue[] => {
    const end = f.noun ? f.noun.next : f.quantity.next;
    const out: Cue[] = [];
    for (let k = Math.max(0, f.quantity.lead - REACH); k <= Math.min(tokens.length - 1, end + REACH); k++) {
      const c = cueAt[k];
      if (c) out.push(c);
    }
    return out;
  };
  if (!open.some((f) => cuesNear(f).length > 0)) return [];
  const norms = tokens.map((t) => t.norm);
  // A second chance is for plain reports: a sentence with a hypothetical or a negation anywhere
  // ("if the dam breaks", "pouvant accueillir", "were not evacuated") is left to the rules.
  // Read once, and only for a sentence with a pair to weigh.
  let plain: boolean | undefined;
  const isPlain = () => (plain ??= modalityOf(tokens, norms, 0, tokens.length, lex) === 'asserted');
  // A cue that is another figure's counted noun or modifier belongs to it ("2,000 displaced families").
  const ownedCue = new Set<number>();
  for (const g of figures) {
    ownedCue.add(g.quantity.next);
    if (g.noun) for (let k = g.noun.first; k < g.noun.next; k++) ownedCue.add(k);
  }
  // A cue inside a blocking phrase, after its first word, is what the rules read as no
  // displacement ("provided with emergency shelter kits" is aid): no second chance for it. The
  // phrase's first word may still be weighed ("refugee admissions totaled 30,000").
  const blockedCue = new Set<number>();
  for (const r of triggers)
    if (r.entry.term.startsWith('block:')) for (let k = r.first + 1; k < r.next; k++) blockedCue.add(k);
  const figureAt = new Set<number>();
  for (const f of figures) for (let k = f.quantity.lead; k < f.quantity.next; k++) figureAt.add(k);
  // Blockers that say what a figure is whatever the sentence holds (not "arrived in Bangladesh",
  // which blocks only where no crossing is told).
  const ownBlockerAt = new Set<number>();
  for (const r of triggers) if (r.entry.term.startsWith('block:') && !r.entry.inContext) ownBlockerAt.add(r.first);
  const ctx = { tokens, figureAt, cues, ...index, sentenceHasFact: links.length > 0, lang };
  /** Whether a blocking verb governs the figure, right before it or its object marker ("afectó a 2,296"). */
  const governedByBlocker = (q: Figure['quantity']): boolean =>
    triggers.some(
      (r) =>
        r.entry.term.startsWith('block:') &&
        (r.next === q.lead || (r.next === q.lead - 1 && lex.objectMarkers.has(norms[r.next]!))),
    );
  /** The rules' gates on the words around a figure and its cue. */
  const passesGates = (f: Figure, cue: Cue, end: number): boolean => {
    const q = f.quantity;
    // A cue in the future or the conditional tells what may happen: "escaparán", "se desplazarían",
    // "fuiront", "quitteraient" (the rules' families generate no such forms).
    if (futureForm(norms[cue.at]!, lang)) return false;
    // The rules' gates on the words around a link: a forecast before the figure ("décidé de
    // reloger 300 familles"), a rate ("1,000 a day").
    if (hypotheticalBefore(tokens, norms, q.lead, Math.max(cue.at, q.next), lex)) return false;
    // A capacity before the figure in its clause: "big enough to accommodate 900 families".
    if (capacityBefore(norms, q.lead, lex)) return false;
    // A headline's plan: "Japan to relocate 5,000 families".
    if (cue.at < q.lead && headlinePlan(tokens, cue.at, lex)) return false;
    if (isRate(norms, q.next, Math.max(cue.at + 1, q.next), lex)) return false;
    // Called off ("the evacuation of 2,000 residents was called off"), or only planned after it.
    if (cancelledAfter(norms, Math.max(cue.at + 1, end), lex)) return false;
    if (hypotheticalPredicate(norms, Math.max(cue.at + 1, end), lex)) return false;
    // A time still to come after them: "se sumarán 3.000 en los próximos meses".
    if (futureAfter(tokens, norms, Math.max(cue.at + 1, end), lex)) return false;
    if (cue.at < q.lead && plannedAfter(norms, end, lex)) return false;
    // A figure opening a clause of its own after a conjunction: "…, and 4.5 million children are".
    if (cue.at < q.lead && opensOwnClause(norms, lex, f, cue.at + 1)) return false;
    // The population a part before it is taken from: "displaced 11% of the 12 million people".
    if (cue.at < q.lead && wholeOfPercentage(norms, q.lead, lex)) return false;
    // And the rules' own window: the words between, or just before a cue that comes first.
    const window =
      cue.at >= end
        ? modalityOf(tokens, norms, q.lead, cue.at, lex)
        : modalityOf(tokens, norms, sharedModalStart(tokens, norms, cue.at, Math.max(0, cue.at - 4), lex), q.lead, lex);
    if (window !== 'asserted' || !isPlain()) return false;
    // "66,000 people, including IDPs, were affected": a group after an inclusion marker is part of them.
    if (cue.at >= end && includedGroup(norms, end, cue.at, lex)) return false;
    // A modal between the figure and a cue after it ("may be forced to flee"): a reported
    // obligation ("forced to") does not make it past.
    if (cue.at >= end && tokens.slice(end, cue.at).some((t) => lex.modals.has(t.norm) && !/^M/.test(t.text)))
      return false;
    // A cue whose own object, right after it, the rules linked ("affected 131,000 households and
    // displaced about 1,800 households") is no second chance for a figure before it.
    if (cue.at >= end && figures.some((g) => g !== f && linkedFigures.has(g) && g.quantity.lead === cue.at + 1))
      return false;
    // Nor, for a whole a blocker governs, a cue inside the clause of a part the rules linked: "afectó
    // a 2,296 familias, de las cuales los equipos de socorro evacuaron a 75" evacuated the part.
    // (A whole with no verb of its own shares its part's: "936 houses, of which 924 were completely
    // and 12 partially destroyed".)
    if (cue.at >= end && governedByBlocker(q) && partClauseBetween(norms, end, cue.at, figures, linkedFigures, lex))
      return false;
    // Nor a cue after another figure of the same kind the rules linked, nearer to it ("52.382
    // viviendas perjudicadas y 689 casas destruidas"): that figure is its subject.
    // Not across a restatement of the same people, nor a figure that shares the cue's noun ("70
    // houses were partially and 62 fully damaged").
    if (
      cue.at >= end &&
      figures.some(
        (g) =>
          linkedFigures.has(g) &&
          g.noun !== null &&
          g.countKind === f.countKind &&
          g.quantity.lead > end &&
          g.quantity.lead < cue.at &&
          !f.restatement.has(g.quantity.lead),
      )
    )
      return false;
    return true;
  };
  const pairs: Pair[] = [];
  for (const f of open) {
    const q = f.quantity;
    if (negatedFigure(norms, q.lead, lex)) continue;
    // Tourists, pupils and troops come and go: their counts are no displacement.
    // (The word after the figure too: a noun no list knows, "3,000 fans", has no noun span.)
    const counted = f.noun ? tokens.slice(f.noun.first, f.noun.next) : tokens.slice(q.next, q.next + 1);
    if (counted.some((t) => isTransientPeople(t.norm))) continue;
    const end = f.noun ? f.noun.next : q.next;
    // "3.500 familias afectadas": a blocker on the counted noun says what the figure is.
    let blocked = false;
    for (let k = q.next; k <= end && k < tokens.length; k++) if (triggerAt[k] === 2) blocked = true;
    if (blocked || blockedRelative(norms, end, ownBlockerAt, lex)) continue;
    // "fallecieron 15 personas", "killed 15 people": a verb of death or injury right before the figure governs it.
    // (Past Spanish "a" before its object: "han matado a unas 2.000 personas".)
    const governs = (r: Trigger) => r.next === q.lead || (r.next === q.lead - 1 && lex.objectMarkers.has(norms[r.next]!));
    if (triggers.some((r) => governs(r) && CASUALTIES.has(r.entry.term))) continue;
    // "el confinamiento de 180 familias", "the confinement of 180 families": a blocker governing the figure.
    const governed = (r: Trigger) =>
      r.next === q.lead || (r.next === q.lead - 1 && lex.partitives.has(norms[q.lead - 1]!));
    // (A noun only: a verb there may still send people somewhere, "sent 30,000 families to shelters".)
    if (triggers.some((r) => r.entry.form === 'noun' && ownBlockerAt.has(r.first) && governed(r))) continue;
    // "WFP reached 3,500 IDPs", "une distribution touchant 3 100 personnes": who got aid.
    // A restatement after "soit" / "that is" is who the figure before it counts: "ont assisté
    // 15 852 personnes soit 1 560 ménages".
    const reach = lex.equivalents.has(norms[q.lead - 1] ?? '') ? AID_REACH + RESTATED_AID_REACH : AID_REACH;
    if (norms.slice(Math.max(0, q.lead - reach), q.lead).some((w) => lex.aidVerbs.has(w))) continue;
    // "provided 3,000 families with food and tents": who was handed supplies.
    if (lex.supplyVerbs.has(norms[q.lead - 1] ?? '')) continue;
    // "27,391 IDPs received such assistance": the aid they received, just after them.
    if (triggers.some((r) => r.entry.reason === AID_RECEIVED && r.first >= end && r.first - end <= AID_REACH))
      continue;
    // "interviews with 200 Rohingya", "1,200 households surveyed": a survey's sample.
    if (sampled(triggers, q.lead, end)) continue;
    for (const cue of cuesNear(f)) {
      if ((cue.at >= q.lead && cue.at < end) || blockedCue.has(cue.at)) continue;
      // "3 060 ménages ont été assistés en abris": a passive of aid between the figure and its cue
      // (not "have reached the camp").
      if (cue.at > end && norms.slice(end, cue.at).some((_, j) => passiveAid(norms, end + j, lex))) continue;
      let gated: boolean | undefined;
      if (ownedCue.has(cue.at) && !(cue.at >= q.lead && cue.at <= end)) continue;
      // A Spanish or French infinitive after its preposition is what is to be done: "décidé de
      // reloger", "planean evacuar a" (an English "to" is also a preposition: "moved to shelters").
      if (INFINITIVE.test(tokens[cue.at]!.norm) && INFINITIVE_BEFORE.has(norms[cue.at - 1] ?? '')) continue;
      // An arrival's word ("arrived", "llegaron") is a crossing or a move within the country,
      // never both: the sentence says which.
      const arrival = cue.terms.includes('refugees') && cue.terms.includes('displaced');
      const crossed = arrival && arrivalCrossedBorder(norms, cue.at, lex);
      for (const term of cue.terms) {
        if (arrival && (term === 'refugees') !== crossed) continue;
        // "evacuated from the shopping centre": a building's evacuation.
        if ((term === 'evacuated' || term === 'relocated') && leavesBuilding(norms, cue.at + 1, lex))
          continue;
        if (HOUSING_TERMS.has(term) !== (f.countKind === 'housing')) continue;
        // The model weighs an arrival as the word's first term: which side of a border it
        // ended on is the sentence's to say, not the weights'.
        const features = pairFeatures(ctx, f, cue, arrival ? cue.terms[0]! : term);
        // The dearer gates last, and only for a pair the model could take (each is a scan of words).
        if (mayPass && !mayPass(features)) continue;
        gated ??= passesGates(f, cue, end);
        if (!gated) continue;
        pairs.push({
          figure: f,
          cue,
          term,
          features,
          toFact: () => toFact(f, term, cue),
        });
      }
    }
  }
  return pairs;
}

/** How far past the cue a part's figure may stand in the part's clause ("evacuaron a 75"). */
const PART_REACH = 3;

/**
 * Whether a subset marker ("of which", "de las cuales") opens between `from` and the cue at `cue`,
 * and a figure the rules linked stands after the marker, before the cue or just past it: the
 * cue tells what happened to that part.
 */
function partClauseBetween(
  norms: readonly string[],
  from: number,
  cue: number,
  figures: readonly Figure[],
  linked: ReadonlySet<Figure>,
  lex: Lexicon,
): boolean {
  for (let k = from; k < cue; k++) {
    const marker = lex.subsetMarkers.find((m) => matchesAt(norms, k, m));
    if (!marker) continue;
    const open = k + marker.length;
    return figures.some((g) => linked.has(g) && g.quantity.lead >= open && g.quantity.lead <= cue + PART_REACH);
  }
  return false;
}

/** A survey's word right before the figure or right after its counted noun ("interviewed 300", "300 IDPs surveyed"). */
function sampled(triggers: readonly Trigger[], lead: number, end: number): boolean {
  return triggers.some(
    (r) =>
      r.entry.term === SAMPLE && ((r.next <= lead && lead - r.next <= AID_REACH) || (r.first >= end && r.first - end <= 1)),
  );
}

/** How far into the counted noun's relative clause a blocker is looked for: "que se han quedado confinadas". */
const RELATIVE_REACH = 6;

/**
 * "180 familias que se han quedado confinadas", "300 people who were injured", "5,000 households
 * have been affected": a relative clause or a predicate right after the counted noun whose verb
 * is a blocker says what the figure is; no cue elsewhere in the sentence gets a second chance at it.
 */
/** The longest abbreviation in brackets after a counted noun: "(HH)", "(IDPs)". */
const ABBREVIATION = 2;

function blockedRelative(norms: readonly string[], end: number, blockerAt: ReadonlySet<number>, lex: Lexicon): boolean {
  // Or the figure's own predicate: "while at least 5,000 households have been affected", also
  // past an abbreviation in brackets: "4,000 households (HH) are in need of shelter".
  let k = end;
  const close = norms[k] === '(' ? norms.indexOf(')', k) : -1;
  if (close > k && close - k <= ABBREVIATION + 1) k = close + 1;
  const from = k;
  while (k < from + 3 && lex.auxiliaries.has(norms[k] ?? '')) k++;
  if (k > end && blockerAt.has(k)) return true;
  if (!lex.relatives.has(norms[end] ?? '')) return false;
  for (let j = end + 1; j < Math.min(norms.length, end + 1 + RELATIVE_REACH); j++) {
    if (/^[,;.:()]$/.test(norms[j]!)) return false;
    if (blockerAt.has(j)) return true;
  }
  return false;
}
