// Links each figure in a sentence to the trigger that governs it. Every trigger, including
// the competing non-displacement ones ("killed", "affected", "in need"), proposes itself to
// the figures around it; the nearest well-placed one wins, so "3 dead and 4,000 displaced"
// gives 4,000 to "displaced" and 3 to "dead". A figure whose best trigger is a blocker, or
// that is too far from any trigger, yields nothing.
import type { Term } from '../types.js';
import { profilesNamedGroup } from './term/profile.js';
import { HOUSING_TERMS } from '../types.js';
import { type Lexicon, matchesAt } from './lexicon.js';
import type { Token } from './segment/tokens.js';
import type { Quantity } from './quantity/find.js';
import type { Noun } from './quantity/noun.js';
import type { Trigger } from './term/triggers.js';
import {
  modalityOf,
  negatedFigure,
  cancelledAfter,
  leavesBuilding,
  hypotheticalPredicate,
  capacityBefore,
  hypotheticalBefore,
  headlinePlan,
  isRate,
  plannedAfter,
  futureAfter,
  coordinatedFigure,
  passiveAid,
  sharedModalStart,
} from './term/modality.js';
import { BLOCKED, type GapContext, gapCost, includedGroup, sameClause } from './gap.js';
import { countedSites, joinedStay, SHARED_SUBJECT_REACH } from './term/joinedStay.js';
import { countFrame, headAfter } from './countFrame.js';
import { agentNamesSites, countsOwnSites, hostsInBracket, sitesLevel } from './siteCounts.js';
import { movedBefore, movedObject } from './term/movedToShelter.js';
import { FLIGHT_TERMS } from './term/crossing.js';
import { isLabel, labelCost } from './labelList.js';
import { borrowedLinks } from './borrowedLinks.js';
import { parallelLinks } from './parallelLinks.js';
import { gappedLinks } from './gappedLinks.js';
import { housingLabelLinks } from './housingLabels.js';
import { isTransientPeople } from './learned/cues.js';
import { namesOtherGroup } from './term/distributed.js';
import { LEFT_COUNTRY } from './refine/leftHost.js';

/** The least score of a return before the figure that outranks its status noun (one filler word between: "repatrió a"). */
const RETURN_BEFORE_MIN_SCORE = 0.9;
/** The reason of the camping phrase (families.json). */
const CAMPING = 'sheltered:camping';
/** The reason of a lodging phrase ("stayed at a hotel", "se alojan", "se hospedan"): what travellers do as well. */
const LODGING = 'sheltered:lodging';
/** The reason of a stay in counted shelters: "in 40 evacuation centres", "at 12 schools". */
const IN_COUNTED_SHELTERS = 'sheltered:in-counted-shelters';
/** A verb of finding lodging: "received accommodation", "han recibido alojamiento". */
const FOUND_LODGING = 'sheltered:found-lodging';
/** An adverb by its ending, in English, French or Spanish: "partly", "totalement", "parcialmente". */
const ADVERB = /(ly|ment|mente)$/;

export interface Figure {
  quantity: Quantity;
  noun: Noun | null;
  /** What the figure counts, as stated ("families") or implied ("the homes of 480 families"). */
  countKind: Exclude<Noun['kind'], 'elided' | 'other'> | null;
  countStated: boolean;
  /** What a parallel figure before it counted ("31 houses destroyed and 300 damaged"). */
  elidedKind: Figure['countKind'];
  /** Token indices of a figure restating this one ("1,314 families (8,710 people)"). */
  restatement: Set<number>;
  /** The total of a share before it ("2,500 of the [9,000] evacuated have returned"). */
  shareTotal?: boolean;
  /** For a share, the tokens of its whole and the trigger naming it ("77,000 of [the 500,000 people
   * who have left their homes] are staying in shelters"): the share's own verb comes after. */
  whole?: [number, number];
  /** It counts buildings many households share ("48 immeubles"): homes lost, but no household evacuated. */
  building?: boolean;
}

export interface Link {
  figure: Figure;
  trigger: Trigger;
  term: Term;
  score: number;
  direction: 'after' | 'before' | 'adjacent';
  /** Set when a coordinated trigger adds a second term to the same figure. */
  coordinated?: boolean;
}

interface Candidate {
  trigger: Trigger;
  score: number;
  direction: Link['direction'];
  /** A count frame counting families hands its bare figure the households unit (countFrame.ts). */
  countsFamilies?: boolean;
}

const MIN_SCORE = 0.3;
/** Present participles of English, French and Spanish: "fleeing", "fuyant", "huyendo". */
const PARTICIPLE = /^\p{L}{3,}(ing|ant|ando|iendo|yendo)$/u;
/** Blockers that count people killed or hurt: a displaced group as their subject counts casualties. */
export const CASUALTIES: ReadonlySet<string> = new Set(['block:death', 'block:injury']);
/** The words that open what a noun in apposition is of: "victimes de la crise". */
const APPOSED_OF: ReadonlySet<string> = new Set(['of', 'de', 'del', 'du', 'des', 'd']);
/** How closely such a verb must follow the counted noun to govern it ("six refugees were killed"). */
const CASUALTY_MIN_SCORE = 0.8;
/** A host verb after a shelter ("centres … accommodating"): term/siteHosts.ts. */
const SITE_HOST = 'sheltered:site-host';
/** "the site, where 432 displaced people lived": a relative clause of place after a camp or shelter (siteHosts.ts). */
const SITE_WHERE = ':site-where';
/** How many coordinated terms after the chosen one a figure takes ("evacuated or displaced and housed"). */
const COORDINATED_TERMS = 2;
/** How closely it must govern the figure, as the object right after it. */
const HOSTED_MIN_SCORE = 0.9;
/** The verb "to shelter" itself; "hosting" alone is also said of countries hosting refugees. */
const SHELTER_VERB = 'sheltered:verb:shelter';
/** The blocker of aid received ("received assistance", families.json). */
export const AID_RECEIVED = 'block:aid-received';
/** The most tokens between a counted noun and the aid its people received ("IDPs (in Marib) received"). */
const AID_RECEIVED_REACH = 6;
/** The moves a building's evacuation reads as ("were evacuated from the terminal"). */
const BUILDING_EXIT_TERMS = new Set(['evacuated', 'relocated']);
/** How well a stay phrase must govern the figure to add its term ("IDPs residing with host families"). */
const STAY_MIN_SCORE = 0.6;
/** How closely a leaving verb must govern a figure, as its object, to add its term to a stay phrase's. */
const LEFT_OBJECT_MIN_SCORE = 0.9;
/** The reason of a destination that is a public building ("to a nearby school"): a shelter only after a verb of being taken. */
const PUBLIC_BUILDING = 'sheltered:destination:public-building';
/** The reason of a stay in a public building ("staying in a gymnasium", named or not: term/namedStay.ts), a shelter for all but its occupants. */
const STAYING_IN_BUILDING = 'sheltered:staying-in-building';
/** The blocker of people counted as a survey's sample ("interviewed", "encuestados", "entretiens avec"). */
export const SAMPLE = 'block:sample';
/** How closely such a word must govern the figure to make it a sample. */
const SAMPLE_MIN_SCORE = 0.8;
/** Terms of a stay, which a supply verb before the figure turns into things given. */
const SHELTER_TERMS: ReadonlySet<string> = new Set(['sheltered', 'in_relief_camp']);
/** The furthest, in tokens, a trigger may stand from its figure. */
const LINK_REACH = 30;

export function linkFigures(
  tokens: readonly Token[],
  figures: Figure[],
  triggers: Trigger[],
  lex: Lexicon,
  listItems: ReadonlySet<number> = new Set(),
): Link[] {
  const norms = tokens.map((t) => t.norm);
  const figureAt = new Set<number>();
  for (const f of figures) for (let k = f.quantity.lead; k < f.quantity.next; k++) figureAt.add(k);
  const gap: GapContext = { tokens, norms, lex, figureAt, listItems };
  const links: Link[] = [];
  // Number tokens of figures dropped as forecasts: a figure coordinated with one is a forecast too.
  const forecastAt = new Set<number>();
  const forecast = (q: Quantity) => {
    for (let k = q.lead; k < q.next; k++) forecastAt.add(k);
  };
  // "12 in Buzi (hosting 4,464 individuals)": counts of sites, each with its people in brackets.
  const hostSites = new Set(figures.filter((f) => !f.noun && hostsInBracket(tokens, norms, f.quantity.next, lex)));
  for (const f of figures) {
    const q = f.quantity;
    const all = triggers
      .map((r) => candidate(gap, f, r))
      .filter((c): c is Candidate => c !== null)
      .sort((a, b) => b.score - a.score);
    // A share takes the verb after its whole, not the trigger naming the whole, when it has one.
    // In a run of labelled figures ("New Displacements: 17,000 Returns: 235,000"), a figure after a
    // label's colon takes no label after it that has a colon and a figure of its own.
    const labelled = norms[q.lead - 1] === ':';
    const labelsNext = (c: Candidate) =>
      labelled && c.direction !== 'before' && norms[c.trigger.next] === ':' && figureAt.has(c.trigger.next + 1);
    const own = all.filter(
      (c) => !labelsNext(c) && (!f.whole || c.trigger.first < f.whole[0] || c.trigger.first > f.whole[1]),
    );
    const candidates = own.length ? own : all;
    let best = candidates[0];
    if (!best || best.score < MIN_SCORE) continue;
    // "interviews with 200 Rohingya who have newly arrived", "1,200 IDP households surveyed": people
    // counted as a survey's sample, whatever else the sentence says of them.
    if (candidates.some((c) => c.trigger.entry.term === SAMPLE && c.score >= SAMPLE_MIN_SCORE)) continue;
    // "120,000 displaced people have returned home", "who had fled … returned": the return is the news.
    // Not for the total of a share: the return is the share's ("2,500 of the 9,000 evacuated returned").
    // Nor for a whole after a partitive: "most of the 44,500 people who had been evacuated have
    // returned" counts the evacuated; how many of them returned is not told.
    if (lex.leftTerms.has(best.trigger.entry.term) && !f.shareTotal && !wholeOfPart(norms, q.lead, lex)) {
      // After a noun of the displaced, the return is weighed from that noun's end: "191 937 personnes
      // déplacées internes à cause de l'insécurité sont retournées".
      const fromAgent = (c: Candidate) =>
        best!.direction === 'adjacent' &&
        c.trigger.first > best!.trigger.next &&
        0.95 - 0.12 * gapCost(gap, best!.trigger.next, c.trigger.first, 'after', f.restatement) >= 0.5;
      const back = candidates.find(
        (c) =>
          c.trigger.entry.term === 'returns' &&
          c.trigger.entry.form !== 'agent' &&
          ((c.direction === 'after' && (c.score >= 0.5 || fromAgent(c))) ||
            (c.direction === 'before' && c.score >= RETURN_BEFORE_MIN_SCORE)),
      );
      // "the return of 1,500 refugees", "repatrió a 1.200 refugiados": a return governing the figure
      // (past one function word) also wins.
      // Not when the return is still to come: "1,200 evacuees could return home" stay evacuees.
      const comes =
        back?.direction === 'after' &&
        modalityOf(tokens, norms, q.lead, back.trigger.first, lex) !== 'asserted';
      // Not a return after a figure that is the object of its verb: "the ship, which evacuated
      // 1,100 people from Mallacoota, has returned" is said of the ship.
      // (A relative clause of the figure's own noun still tells of them: "displaced 3,000 people
      // who have since returned".)
      const object =
        best.direction === 'before' &&
        back?.direction !== 'before' &&
        !norms.slice(q.next, back?.trigger.first ?? q.next).some((w) => lex.relatives.has(w));
      if (back && !comes && !object && (back.direction === 'before' || back.trigger.first > best.trigger.first))
        best = back;
    }
    // "the return of 172 IDP households (860 individuals)": a figure restating the one before it
    // counts what that one counts; a noun between the two is the first one's own, and yields to
    // the trigger the first one took.
    if (!f.whole && f.restatement.has(best.trigger.first)) {
      const mate = links.find((l) => !l.coordinated && f.restatement.has(l.figure.quantity.lead));
      // Its own gap may not reach that trigger past the first figure ("el retorno de 64 familias
      // desplazadas (230 personas)"): it takes the first one's link, a little less sure.
      if (mate && mate.trigger !== best.trigger)
        best = candidates.find((c) => c.trigger === mate.trigger) ?? {
          trigger: mate.trigger,
          score: mate.score - 0.05,
          direction: mate.direction,
        };
    }
    // "Of the total displaced population, 2,467,547 are refugees": the noun the figure is, after
    // "be", says what it counts, over a group named before it.
    if (best.direction === 'before') {
      const is = candidates.find(
        (c) =>
          c.direction === 'after' &&
          c.trigger.entry.form === 'agent' &&
          !isBlocker(c.trigger) &&
          lex.predicateCopulas.has(norms[q.next] ?? '') &&
          // An article may stand before the noun: "4 200 sont des réfugiés".
          (c.trigger.first === q.next + 1 ||
            (c.trigger.first === q.next + 2 && lex.functionWords.has(norms[q.next + 1] ?? ''))),
      );
      if (is) best = is;
    }
    // "290,000 people have been housed in emergency shelters and 8,345 others have been transferred
    // to safe areas": a figure after "and" whose own finite verb follows is that verb's subject,
    // not a second subject of the clause before, whose verb has its figure already.
    if (best.direction === 'before' && lex.coordinators.has(norms[q.lead - 1] ?? '')) {
      const before = best.trigger;
      const own = candidates.find(
        (c) =>
          c.direction === 'after' &&
          c.score >= 0.5 &&
          !isBlocker(c.trigger) &&
          norms.slice(q.next, c.trigger.first).some((w) => lex.auxiliaries.has(w)) &&
          // Not a verb denied: "20.000 Camerounais avaient trouvé refuge au Tchad et 8.500 ne
          // sont toujours pas rentrés" are still refugees.
          modalityOf(tokens, norms, q.lead, c.trigger.first, lex) === 'asserted',
      );
      if (own && figures.some((g) => g !== f && g.quantity.next <= before.first)) best = own;
    }
    if (best.direction === 'before' && sitesLevel(norms, best.trigger, q.lead, lex)) continue;
    // "45 are designated shelters and 19 are not": the elided predicate denies what the figure before it is.
    const denied = lex.predicateCopulas.has(norms[q.next] ?? '') && lex.negation.has(norms[q.next + 1] ?? '');
    if (denied && /^[.,;]?$/.test(norms[q.next + 2] ?? '')) continue;
    // "relocated to 11 informal IDP sites": the figure's own noun names sites, whatever verb governs it.
    if (candidates.some((c) => c.direction === 'after' && countsOwnSites(norms, c.trigger, q.next, lex))) continue;
    // "19 IDPs (…) hosting sites": the figure counts sites, for the learned second chance too.
    if (best.direction === 'adjacent' && agentNamesSites(norms, best.trigger, q.next, lex)) {
      f.countKind = 'shelter';
      continue;
    }
    if (hostSites.has(f)) continue;
    // "300 tourists were camping in the park", "2.300 peregrinos se alojaron": holiday-makers camp
    // and lodge, the displaced shelter.
    // Without a noun of its own, the noun it shares with a figure after it: "600 et près de 900 élèves".
    const counted = f.noun ? tokens.slice(f.noun.first, f.noun.next) : sharedWords(tokens, q.next);
    // Nor do pupils a school "accueille", nor pilgrims a town hosts.
    const hosting = best.direction === 'before' && lex.stayingTerms.has(best.trigger.entry.term);
    const lodging = best.trigger.entry.reason === CAMPING || best.trigger.entry.reason === LODGING;
    if ((lodging || hosting) && counted.some((t) => isTransientPeople(t.norm))) continue;
    // "14,000 students in 110 schools received the training": pupils, worshippers or patients
    // counted across schools, churches or hospitals are where they belong, not sheltered there.
    if (best.trigger.entry.reason === IN_COUNTED_SHELTERS && counted.some((t) => lex.buildingExits.occupants.has(t.norm)))
      continue;
    // "47,000 civilians who had been living in camps returned to their villages": a stay inside a
    // relative clause of the counted noun tells where they were; the clause's own return is the news.
    // So does a stay in a phrase of place on the noun: "100,000 Syrians in border camps return home".
    if (
      lex.stayingTerms.has(best.trigger.entry.term) &&
      best.direction === 'after' &&
      norms.slice(q.next, best.trigger.first).some((w) => lex.relatives.has(w) || lex.refuge.prepositions.has(w))
    ) {
      const back = candidates.find(
        (c) =>
          c.trigger.entry.term === 'returns' &&
          c.direction === 'after' &&
          c.trigger.first >= best!.trigger.next &&
          c.score >= 0.35 &&
          modalityOf(tokens, norms, q.lead, c.trigger.first, lex) === 'asserted',
      );
      if (back) best = back;
    }
    // "3,000 people fleeing the flare-up crossed into Uganda", "800 Burundians fleeing unrest have
    // sought asylum in Rwanda": a flight that ends across a border, told by a later verb of the same
    // subject, counts refugees.
    // So does a noun of the displaced with a crossing right after it: "1.2 million people displaced in
    // neighbouring countries", "desplazadas en ese país vecino".
    if (FLIGHT_TERMS.has(best.trigger.entry.term as Term) && (best.direction === 'after' || best.direction === 'adjacent')) {
      const from = best.trigger;
      const crossing = candidates.find(
        (c) =>
          c.trigger.entry.term === 'refugees' &&
          c.direction === 'after' &&
          c.trigger.first >= from.next &&
          c.trigger.first - from.next <= CROSSING_AFTER_FLIGHT &&
          sameClause(gap, from.next, c.trigger.first) &&
          // "2.6 million people are displaced or living as refugees": one total of both.
          !norms.slice(from.next, c.trigger.first).some((w) => lex.disjunctions.has(w)) &&
          // After a noun of the displaced, a verb or phrase of crossing, not a second group ("IDPs and refugees").
          (best!.direction !== 'adjacent' || c.trigger.entry.form !== 'agent'),
      );
      if (crossing) best = crossing;
    }
    // "Evacuees fleeing Mayon's wrath reach 38,000", "Refugees fleeing the fighting now number
    // 120,000": a participle right after a noun of people before the figure modifies that noun,
    // which is the subject the figure counts.
    // (A flight only: "displaced families returning home total 3,000" counts returns.)
    if (
      best.direction === 'before' &&
      FLIGHT_TERMS.has(best.trigger.entry.term as Term) &&
      PARTICIPLE.test(norms[best.trigger.first] ?? '')
    ) {
      const head = best.trigger;
      const noun = candidates.find(
        (c) => c.direction === 'before' && c.trigger.entry.form === 'agent' && c.trigger.next === head.first,
      );
      if (noun) best = noun;
    }
    // "evacuated 300 affected families", "5,000 affected people were evacuated": a blocking
    // adjective on the counted noun yields to a verb that governs the figure. So does a
    // homeless status ("800 damnificados fueron albergados", "400 sinistrés sont hébergés").
    // The blocker may be the counted noun itself, touching the figure: "8.500 afectados en refugios".
    const touching = best.direction === 'after' && best.trigger.first === (f.noun ? f.noun.next : q.next);
    // "1,000 people stranded at Mallacoota have been evacuated": so does a participle of being held
    // somewhere, touching the noun and followed by its place.
    const heldAt =
      touching && best.trigger.entry.term === 'block:missing' && lex.itemPrepositions.has(norms[best.trigger.next] ?? '');
    // So does any other blocking participle touching the noun that opens an agent phrase, but
    // for casualties: "1 500 personnes menacées par les flammes ont été évacuées".
    const modifiedBy =
      touching &&
      (best.trigger.entry.term === 'block:affected' ||
        (!CASUALTIES.has(best.trigger.entry.term) && lex.agentPrepositions.has(norms[best.trigger.next] ?? '')));
    if (
      (isBlocker(best.trigger) || best.trigger.entry.term === 'homeless') &&
      (best.direction === 'adjacent' || modifiedBy || heldAt)
    ) {
      // "210 people affected by the floods remain in evacuation centres": a blocker opening an agent
      // phrase modifies the noun, and the verb after the phrase, scored lower for the distance, is
      // the clause's own.
      const blockerEnd = best.trigger.next;
      // "300 asylum seekers were deported to Eritrea": a blocking noun that is the counted noun
      // itself is the subject of the verb after it, as a counted noun of displaced people is.
      const countedNoun = best.direction === 'adjacent' && best.trigger.entry.form === 'agent';
      const modifier = heldAt || (touching && lex.agentPrepositions.has(norms[blockerEnd] ?? ''));
      const governs = (c: Candidate) => modifier || (countedNoun && c.direction === 'after');
      // Not the counted noun of another figure in a list: "7301 evacuados, 3426 damnificados".
      const fits = (c: Candidate) =>
        !isBlocker(c.trigger) &&
        c.direction !== 'adjacent' &&
        !countsAnotherFigure(gap, f, c.trigger) &&
        // "la cifra es de 5.000 damnificados": an anaphor names the count, it governs nothing.
        !c.trigger.entry.reason.endsWith(':anaphor');
      const verb =
        candidates.find(
          (c) =>
            fits(c) &&
            // After a touching blocker, only what follows it says where they are ("en refugios").
            (!touching || c.direction === 'after') &&
            c.score >= (governs(c) ? MODIFIED_VERB_MIN_SCORE : 0.8) &&
            (!governs(c) || sameClause(gap, blockerEnd, c.trigger.first)),
        ) ??
        // Failing that, a verb right before the figure that takes it as its object: "shelters are
        // housing 341 persons affected by the storm", "evacuated 300 people affected by the floods"
        // (not a blocker lent a noun's term: "displaced households, IOM has supported 37,142").
        (touching
          ? candidates.find(
              (c) =>
                fits(c) &&
                c.direction === 'before' &&
                c.trigger.next === q.lead &&
                c.score >= 0.8 &&
                !c.trigger.entry.reason.endsWith(':affecting'),
            )
          : undefined);
      if (verb) best = verb;
    }
    // "1,000 people had to be rescued by boat and taken to relief camps", "3,000 families were
    // affected by the floods and moved to camps": a second predicate of the same subject, joined
    // by "and", says what became of those rescued or affected (not of those killed or hurt).
    if (isBlocker(best.trigger) && best.direction === 'after' && !CASUALTIES.has(best.trigger.entry.term)) {
      const from = best.trigger;
      // Not a clause with a subject of its own: "dos de ellas … y sus habitantes tuvieron que reubicarse".
      const ownSubject = (c: Candidate) =>
        norms
          .slice(from.next, c.trigger.first)
          .some((w) => lex.nouns.people.has(w) || lex.nouns.households.has(w) || lex.nouns.pronouns.has(w));
      const joinedTo = candidates.find(
        (c) =>
          !isBlocker(c.trigger) &&
          c.direction === 'after' &&
          sharesSubject(gap, from, c.trigger, 'after') &&
          !ownSubject(c),
      );
      if (joinedTo) best = joinedTo;
    }
    // "WFP reached 3,500 IDPs", "5,200 IDPs were reached with food", "27,391 IDPs received
    // assistance": a verb of aid governing a figure of displaced people counts who got help, not
    // who was displaced. (Aid given "to 82,000 IDPs" is not: analysts record those figures.)
    // So does a stay after the figure: "ont assisté 15 852 personnes soit 1 560 ménages en abris"
    // counts shelter aid given.
    // (After the figure only as a passive: "3 060 ménages ont été assistés", not "have reached the camp".)
    const aided = (passiveAfter = false) =>
      candidates.some(
        (c) =>
          isBlocker(c.trigger) &&
          lex.aidVerbs.has(norms[c.trigger.next - 1]!) &&
          c.direction !== 'adjacent' &&
          c.score >= 0.8 &&
          (!passiveAfter || c.direction === 'before' || passiveAid(norms, c.trigger.next - 1, lex)),
      );
    if (best.direction === 'after' && lex.stayingTerms.has(best.trigger.entry.term) && aided(true)) continue;
    if (best.direction === 'adjacent' && !isBlocker(best.trigger)) {
      if (aided()) continue;
      // The aid phrase's own verb follows the counted noun, whose brackets it may cross: "(IDPs) received".
      const received = triggers.find(
        (r) =>
          r.entry.reason === AID_RECEIVED &&
          r.first >= best.trigger.next &&
          r.first - best.trigger.next <= AID_RECEIVED_REACH &&
          sameClause(gap, best.trigger.next, r.first),
      );
      if (received) continue;
      // "six refugees were killed", "20 IDPs were injured": displaced people counted as casualties.
      // ("180 000 déplacés, victimes de la crise, vivent …": a casualty noun set off by a comma and
      // opening "of" renames the displaced, it does not count them.)
      const casualty = candidates.find(
        (c) =>
          CASUALTIES.has(c.trigger.entry.term) &&
          c.direction === 'after' &&
          c.score >= CASUALTY_MIN_SCORE &&
          !(
            c.trigger.first === best.trigger.next + 1 &&
            norms[best.trigger.next] === ',' &&
            APPOSED_OF.has(norms[c.trigger.next] ?? '')
          ),
      );
      if (casualty) continue;
    }
    let chosen = best.trigger;
    // "5,000 Syrian refugees have left Lebanon": the noun says who they are, the verb after it that
    // they left a country (a host country left counts returns: refine/leftHost.ts).
    if (best.direction === 'adjacent' && chosen.entry.term === 'refugees' && chosen.entry.form === 'agent') {
      const left = candidates.find(
        (c) =>
          c.direction === 'after' &&
          c.trigger.entry.reason === LEFT_COUNTRY &&
          c.score >= MOVED_STATUS_MIN_SCORE &&
          sameClause(gap, chosen.next, c.trigger.first) &&
          !norms.slice(chosen.next, c.trigger.first).some((w) => lex.relatives.has(w)),
      );
      if (left) chosen = left.trigger;
    }
    // "affected and evacuated": a blocker coordinated with a displacement trigger yields to it.
    if (isBlocker(chosen)) {
      // "another 260 are being attended to in shelters": people helped where they stay are
      // counted there; the stay phrase follows the verb of aid with at most one word between.
      const stay =
        best.direction === 'after' && chosen.entry.term === 'block:affected'
          ? candidates.find(
              (c) =>
                c.direction === 'after' &&
                lex.stayingTerms.has(c.trigger.entry.term) &&
                // A place they are in ("in shelters", "résidant sur des sites"), not one they need
                // ("in need of temporary shelters").
                (lex.namedStays.prepositions.has(norms[c.trigger.first]!) || lex.namedStays.verbs.has(norms[c.trigger.first]!)) &&
                c.trigger.first > chosen.first &&
                c.trigger.first - chosen.next <= 1,
            )
          : undefined;
      const partner = stay?.trigger ?? coordinatedTrigger(tokens, triggers, chosen, lex);
      // Not a trigger with a figure of its own: "left four people missing and prompted the evacuation
      // of 28,000", "causó 300.000 heridos y dejó sin hogar a otro millón y medio".
      if (!partner || isBlocker(partner) || !compatible(f, partner) || objectFigureAfter(gap, partner)) continue;
      chosen = partner;
    }
    const modality =
      best.direction === 'after'
        ? hypotheticalBefore(tokens, norms, q.lead, chosen.first, lex)
          ? 'hypothetical'
          : modalityOf(tokens, norms, q.lead, chosen.first, lex)
        : modalityOf(
            tokens,
            norms,
            // (From the clause of a verb joined by "and" whose modal it shares: "could swamp … and displace".)
            sharedModalStart(tokens, norms, chosen.first, Math.max(0, Math.min(chosen.first, q.lead) - 4), lex),
            best.direction === 'before' ? q.lead : chosen.first,
            lex,
          );
    // "forecasts put it at up to 90,000 new refugees and 7,500 returnees": the second figure shares
    // the first one's forecast.
    const earlier = coordinatedFigure(tokens, norms, q.lead, lex);
    if (
      modality === 'hypothetical' ||
      (best.direction === 'before' && headlinePlan(tokens, chosen.first, lex)) ||
      (earlier >= 0 && forecastAt.has(earlier)) ||
      futureAfter(tokens, norms, Math.max(chosen.next, q.next), lex)
    ) {
      forecast(q);
      continue;
    }
    if (modality !== 'asserted') continue;
    // "Displaced people include 1,200 unaccompanied minors": a subgroup of a group named without a figure.
    if (profilesNamedGroup(tokens, q.next, chosen, best.direction, lex)) continue;
    // "plan to move 3,000 residents to shelters": the figure is the object of a verb of moving,
    // whose own plan or modal stands before it.
    if (
      best.direction === 'after' &&
      movedObject(norms, q.lead, lex) >= 0 &&
      modalityOf(tokens, norms, Math.max(0, q.lead - 4), q.lead, lex) !== 'asserted'
    )
      continue;
    if (best.direction === 'adjacent' && hypotheticalPredicate(norms, chosen.next, lex)) {
      forecast(q);
      continue;
    }
    // "provided 3,000 families with food and tents", "gave 2,000 families food, shelter": the
    // shelter is what they were given, not where they stay.
    if (best.direction === 'after' && SHELTER_TERMS.has(chosen.entry.term) && lex.supplyVerbs.has(norms[q.lead - 1] ?? ''))
      continue;
    // "the statement predicted that 250,000 refugees …": a forecast governs the noun it counts too.
    if (
      best.direction === 'adjacent' &&
      (hypotheticalBefore(tokens, norms, q.lead, chosen.first, lex) || capacityBefore(norms, q.lead, lex))
    ) {
      forecast(q);
      continue;
    }
    // "the camp is big enough to accommodate 900 families", "designed to house 400 people, so
    // most of the refugees sleep outside": a capacity before the figure in its clause counts
    // places, not people, whichever side its term is on.
    if (best.direction !== 'adjacent' && capacityBefore(norms, q.lead, lex)) {
      forecast(q);
      continue;
    }
    if (negatedFigure(norms, q.lead, lex) || cancelledAfter(norms, Math.max(chosen.next, q.next), lex))
      continue;
    if (isRate(norms, q.next, Math.max(chosen.next, q.next), lex)) continue;
    if (best.direction === 'before' && chosen.entry.form === 'noun' && plannedAfter(norms, f.noun ? f.noun.next : q.next, lex))
      continue;
    // (Families evacuated from a building lived in it: "30 familias fueron desalojadas de un edificio".)
    const exitsBuilding = leavesBuilding(norms, chosen.next, lex) && f.countKind !== 'households';
    if (BUILDING_EXIT_TERMS.has(chosen.entry.term) && (exitsBuilding || occupants(norms, f, lex))) continue;
    // "250 students stayed at the school": a building's own occupants staying in it shelter nowhere.
    if (chosen.entry.reason.startsWith(STAYING_IN_BUILDING) && occupants(norms, f, lex)) continue;
    // A bare figure at the end of a frame counting families counts families: "the number of
    // families forced from their homes … now stands at 2,300".
    if (best.countsFamilies && f.countKind === null) f.elidedKind = 'households';
    links.push({
      figure: f,
      trigger: chosen,
      term: chosen.entry.term as Term,
      score: best.score,
      direction: best.direction,
    });
    // "evacuated and sheltered", "Evacuated / Displaced": one figure, two terms.
    const second =
      coordinatedTrigger(tokens, triggers, chosen, lex) ??
      (best.direction === 'before' ? coordinatedBefore(tokens, triggers, chosen, lex) : null) ??
      leavingBeforeReturn(tokens, triggers, chosen, lex) ??
      (best.direction === 'adjacent' ? movedStatus(gap, chosen, candidates) : null);
    // "213,179 Nigerian refugees displaced by the insurgency": a participle right after the
    // refugees says how they came to be refugees; they are counted as refugees only.
    if (
      second &&
      chosen.entry.term === 'refugees' &&
      second.entry.term === 'displaced' &&
      second.first === chosen.next &&
      !lex.auxiliaries.has(norms[second.first]!) &&
      !lex.passiveAuxiliaries.has(norms[second.first]!)
    )
      continue;
    // "14 millones de personas refugiadas y desplazadas internas": one total of both, displaced.
    if (second && mixesRefugeesAndDisplaced(chosen, second)) {
      links[links.length - 1]!.term = 'displaced';
      continue;
    }
    if (second && !isBlocker(second) && compatible(f, second) && second.entry.term !== chosen.entry.term) {
      // And a third term down the chain: "evacuated or displaced and housed in 224 temporary shelters".
      const terms = [chosen.entry.term];
      for (let t: Trigger | null = second, k = 1; t && k <= COORDINATED_TERMS; t = coordinatedTrigger(tokens, triggers, t, lex), k++) {
        if (isBlocker(t) || !compatible(f, t) || terms.includes(t.entry.term)) break;
        terms.push(t.entry.term);
        links.push({
          figure: f,
          trigger: t,
          term: t.entry.term as Term,
          score: best.score - 0.05 - 0.05 * k,
          direction: best.direction,
          coordinated: true,
        });
      }
    } else if (!f.shareTotal && !wholeOfPart(norms, q.lead, lex)) {
      // "269,149 IDPs residing with host families", "evacuated 300 families who are now staying
      // in schools": people who left are also counted where they stay. (Not the whole of a part:
      // "most of the 100,000 displaced are living in camps" tells where most of them stay.)
      const stay = candidates.find(
        (c) =>
          c !== best &&
          lex.stayingTerms.has(c.trigger.entry.term) &&
          !lex.stayingTerms.has(chosen.entry.term) &&
          // People whose homes were destroyed are counted where they stay too.
          (lex.leftTerms.has(chosen.entry.term) || chosen.owned === true) &&
          c.direction === 'after' &&
          (c.score >= STAY_MIN_SCORE ||
            sharesSubject(gap, chosen, c.trigger, best.direction) ||
            participleSubject(gap, f, chosen, c.trigger, best.direction) ||
            afterAgentPhrase(gap, chosen, c.trigger, best.direction)) &&
          // A stay phrase or verb, not a bare destination ("evacuated to shelters", "left the camp").
          (c.trigger.next - c.trigger.first > 1 || c.trigger.entry.reason.includes(':verb:')) &&
          !countedSites(gap, c.trigger) &&
          // "half a million displaced people, most in displacement sites": a part of unknown size
          // stays there ("all in camps" is the whole).
          !norms.slice(Math.max(q.next, chosen.next), c.trigger.first).some((w) => w !== 'all' && lex.vagueParts.has(w)) &&
          modalityOf(tokens, norms, q.lead, c.trigger.first, lex) === 'asserted',
      );
      // "evacuaron a 8 personas que se refugiaron con familiares": the stay phrase won, and the
      // verb right before the figure is its object's move too.
      const left =
        !stay && lex.stayingTerms.has(chosen.entry.term) && best.direction === 'after'
          ? candidates.find(
              (c) =>
                lex.leftTerms.has(c.trigger.entry.term) &&
                c.direction === 'before' &&
                c.score >= LEFT_OBJECT_MIN_SCORE &&
                modalityOf(tokens, norms, Math.max(0, c.trigger.first - 4), q.lead, lex) === 'asserted',
            )
          : undefined;
      // "centres were accommodating 1,283 families, or 3,660 individuals, that were preemptively
      // evacuated": a relative clause of the counted noun tells how the people housed came there.
      const since =
        !stay && !left && lex.stayingTerms.has(chosen.entry.term)
          ? candidates.find(
              (c) =>
                lex.leftTerms.has(c.trigger.entry.term) &&
                c.direction === 'after' &&
                relativeBefore(norms, c.trigger.first, lex) &&
                modalityOf(tokens, norms, q.lead, c.trigger.first, lex) === 'asserted',
            )
          : undefined;
      // "17,000 people remain displaced … and are staying in relief centres", "1.85 million remain
      // displaced, living in roadside camps", "displaced in Government established relief camps":
      // a stay the gap scores too far, joined to the leaving verb as its subject's second predicate.
      const joined =
        !stay && !left && best.direction === 'after' && lex.leftTerms.has(chosen.entry.term)
          ? joinedStay(gap, chosen, triggers)
          : undefined;
      // "evacuation centres … accommodating 4,553 evacuees", "sheltering 340 evacuees": a host
      // verb before a noun of people who left counts them where they stay too; so do a relative
      // clause of place after a camp ("the transit camp, where 4,000 displaced people are living")
      // and a verb of finding lodging before its subject, as Spanish and French put it ("han
      // recibido alojamiento unas 10.967 personas desplazadas").
      const hosted =
        best.direction === 'adjacent' && lex.leftTerms.has(chosen.entry.term)
          ? candidates.find(
              (c) =>
                (c.trigger.entry.reason === SITE_HOST ||
                  c.trigger.entry.reason.endsWith(SITE_WHERE) ||
                  c.trigger.entry.reason === FOUND_LODGING ||
                  hostVerb(c.trigger, q.lead, tokens)) &&
                c.direction === 'before' &&
                c.score >= HOSTED_MIN_SCORE,
            )
          : undefined;
      const extra =
        stay ??
        left ??
        since ??
        hosted ??
        (joined && modalityOf(tokens, norms, q.lead, joined.first, lex) === 'asserted'
          ? { trigger: joined, score: best.score, direction: 'after' as const }
          : undefined);
      // "7,384 IDPs live in camps", "20,720 displaced people sheltering in accommodation centres":
      // a noun naming displaced people, subject of a stay verb, counts them both as displaced and
      // where they stay (analysts record either, often both); the stay is the likelier reading.
      if (
        stay &&
        !f.shareTotal &&
        best.direction === 'adjacent' &&
        chosen.entry.term === 'displaced' &&
        /:(phrase|verb:)/.test(stay.trigger.entry.reason)
      ) {
        const noun = links[links.length - 1]!;
        links[links.length - 1] = {
          figure: f,
          trigger: stay.trigger,
          term: stay.trigger.entry.term as Term,
          score: Math.min(best.score, stay.score),
          direction: stay.direction,
        };
        links.push({ ...noun, score: noun.score - 0.1, coordinated: true });
      } else if (extra)
        links.push({
          figure: f,
          trigger: extra.trigger,
          term: extra.trigger.entry.term as Term,
          score: Math.min(best.score, extra.score) - 0.1,
          direction: extra.direction,
          coordinated: true,
        });
    }
  }
  return [
    ...links,
    ...[
      ...borrowedLinks(figures, links, triggers, tokens, lex),
      ...parallelLinks(figures, links, triggers, tokens, lex),
      ...gappedLinks(figures, links, triggers, tokens, lex),
      ...housingLabelLinks(figures, links, tokens, lex),
    ].filter(
      (l) => !hostSites.has(l.figure),
    ),
  ];
}

/**
 * "the agency was sheltering 73,538 internally displaced people", "schools are sheltering 7,000
 * IDPs": an active verb of sheltering right before the figure, whoever its subject, houses them.
 */
function hostVerb(t: Trigger, lead: number, tokens: readonly Token[]): boolean {
  if (t.entry.term !== 'sheltered' || t.next !== lead) return false;
  // "schools are sheltering" (families.json's host verbs), or the verb alone in "-ing".
  return t.entry.reason.includes(':host-verb') || (t.entry.reason === SHELTER_VERB && /ing$/.test(tokens[t.next - 1]!.norm));
}

/** The words after a figure without a noun, up to its clause's next punctuation (at most five). */
function sharedWords(tokens: readonly Token[], from: number): Token[] {
  const out: Token[] = [];
  for (let k = from; k < Math.min(tokens.length, from + 5) && tokens[k]!.kind !== 'punct'; k++) out.push(tokens[k]!);
  return out;
}

/**
 * Whether the figure at `lead` is the whole of a part of unknown size: "most of the 3,000", "la
 * plupart des 3 000"; not "the return of 5,500 IDPs".
 */
function wholeOfPart(norms: readonly string[], lead: number, lex: Lexicon): boolean {
  const part = partBefore(norms, lead, lex);
  return part !== null && (lex.vagueParts.has(part) || isMeasure(norms, lead, lex));
}

/**
 * Whether the figure at `lead` is the whole a percentage is taken from: "8% of the 2.2 million
 * IDPs", "al 11% de los casi 12 millones de habitantes".
 */
export function wholeOfPercentage(norms: readonly string[], lead: number, lex: Lexicon): boolean {
  return partBefore(norms, lead, lex) !== null && isMeasure(norms, lead, lex);
}

/** The word before the partitive ahead of the figure at `lead` ("most [of] the 3,000"), or null. */
function partBefore(norms: readonly string[], lead: number, lex: Lexicon): string | null {
  // An article of the group may stand between: "most of [the] 3,000", "la mayoría de [los] 3.000".
  const before = partitiveAt(norms, lead, lex);
  return lex.partitives.has(norms[before] ?? '') ? (norms[before - 1] ?? '') : null;
}

function partitiveAt(norms: readonly string[], lead: number, lex: Lexicon): number {
  return lex.groupArticles.has(norms[lead - 1] ?? '') ? lead - 2 : lead - 1;
}

/** A percentage before the partitive: "8% of the", "8 por ciento de los". */
function isMeasure(norms: readonly string[], lead: number, lex: Lexicon): boolean {
  const before = partitiveAt(norms, lead, lex);
  return lex.measureAfter.has(norms[before - 1] ?? '') || lex.measureAfter.has(norms.slice(before - 2, before).join(' '));
}

/** The most words of the place a noun of moving leads to ("to [Central African Republic] of"). */
const DESTINATION_NAME = 4;
/** The words after "of" that may open the figure ("of [a total of] 159"). */
const OF_OPENERS = 3;

/** A noun trigger, or a verb's form after an article: "the return", "le retour". */
function nounUse(gap: GapContext, r: Trigger): boolean {
  if (r.entry.form === 'noun') return true;
  const before = gap.norms[r.first - 1] ?? '';
  return r.entry.form === 'both' && (before === 'the' || gap.lex.groupArticles.has(before));
}

/** Whether [from, lead) is a destination and a partitive: "to Afghanistan of", "au Burundi de", "a Colombia de un total de". */
function destinationThenOf(gap: GapContext, from: number, lead: number): boolean {
  const { tokens, norms, lex } = gap;
  if (!lex.destinationOpeners.has(norms[from] ?? '')) return false;
  let k = from + 1;
  if (lex.groupArticles.has(norms[k] ?? '') || norms[k] === 'the') k++;
  const name = k;
  while (k < lead && k - name < DESTINATION_NAME && /^\p{Lu}/u.test(tokens[k]!.text)) k++;
  if (k === name || !lex.partitives.has(norms[k] ?? '')) return false;
  k++;
  return lead - k <= OF_OPENERS && tokens.slice(k, lead).every((t) => /^\p{Ll}+$/u.test(t.text));
}

/** The most words between a flight and the crossing that ends it ("fleeing the latest flare-up in South Sudan crossed"). */
const CROSSING_AFTER_FLIGHT = 10;



/**
 * A stay in a clause joined by "and" to the leaving verb of a subject figure: "62,000 Kenyans have
 * been displaced by the floods and are currently living in camps", "were displaced from their homes
 * and sought safety in evacuation centres". The stay has the same subject, however far the
 * figure: no figure, clause break or sentence end between, and a coordinator.
 */
function sharesSubject(gap: GapContext, left: Trigger, stay: Trigger, direction: Link['direction']): boolean {
  if (direction !== 'after' || stay.first <= left.next || stay.first - left.next > SHARED_SUBJECT_REACH) return false;
  if (!sameClause(gap, left.next, stay.first)) return false;
  for (let k = left.next; k < stay.first; k++) if (gap.lex.coordinators.has(gap.tokens[k]!.norm)) return true;
  return false;
}

/** Present participles of leaving ("fleeing", "fuyant", "huyendo"). */
const PRESENT_PARTICIPLE = /(ing|ant|ando|iendo)$/u;
/** The most words of such a participle's object ("les attaques des groupes armés dans le territoire de Rutshuru"). */
const OBJECT_PHRASE_REACH = 14;

/**
 * "35,000 people fleeing violence in Masisi have found refuge in sites": a present participle of
 * leaving right after the counted noun modifies it; the stay after its object is the noun's own verb.
 */
function participleSubject(gap: GapContext, f: Figure, left: Trigger, stay: Trigger, direction: Link['direction']): boolean {
  if (direction !== 'after' || left.first !== (f.noun ? f.noun.next : f.quantity.next)) return false;
  if (!PRESENT_PARTICIPLE.test(gap.norms[left.first] ?? '')) return false;
  return stay.first > left.next && stay.first - left.next <= OBJECT_PHRASE_REACH && sameClause(gap, left.next, stay.first);
}

/** The most words of a participle's agent phrase before the verb of its noun ("by the ethnic violence are currently"). */
const AGENT_PHRASE_REACH = 8;

/**
 * "50,698 people displaced by the ethnic violence are currently sheltered in relief camps": the
 * noun's participle and its agent, then the noun's own verb of stay.
 */
function afterAgentPhrase(gap: GapContext, left: Trigger, stay: Trigger, direction: Link['direction']): boolean {
  if (direction !== 'adjacent' || !gap.lex.agentPrepositions.has(gap.norms[left.next] ?? '')) return false;
  return stay.first > left.next && stay.first - left.next <= AGENT_PHRASE_REACH && sameClause(gap, left.next, stay.first);
}

/**
 * "1,200 students were evacuated", "350 voyageurs évacués": people counted by their place in a
 * building or vehicle (pupils, passengers, staff) leave that building, not their homes.
 */
function occupants(norms: readonly string[], f: Figure, lex: Lexicon): boolean {
  // From the figure to the end of its counted noun, or the word after it when no list names it
  // ("600 shoppers", "350 voyageurs évacués").
  const next = Math.max(f.noun?.next ?? 0, f.quantity.next + 1);
  for (let k = f.quantity.next; k < next; k++) if (lex.buildingExits.occupants.has(norms[k] ?? '')) return true;
  return false;
}

/** How well trigger `r` governs figure `f`, or null when it cannot. */
function candidate(gap: GapContext, f: Figure, r: Trigger): Candidate | null {
  const q = f.quantity;
  // "1,200 people in villages near the landslide-hit area were evacuated": a blocker that
  // describes a place says where, not what the figure counts.
  if (isBlocker(r) && describesPlace(gap, r)) return null;
  // "were shifted to a nearby school": a public building is a shelter only where people were taken
  // to it ("walked to a nearby school" is no stay).
  if (
    r.entry.reason === PUBLIC_BUILDING &&
    movedBefore(gap.norms, r.first, gap.lex) < 0 &&
    movedObject(gap.norms, q.lead, gap.lex) < 0
  )
    return null;
  const countEnd = f.noun ? f.noun.next : q.next;
  // "Homes destroyed: 310 in the north, 95 on the coast": a label reaches across its list.
  if (r.next <= q.lead && isLabel(gap, r) && compatible(f, r)) {
    const cost = labelCost(gap, r, q.lead, f.restatement);
    const score = (cost === 0 ? 1.02 : 0.95 - 0.12 * cost) - (r.entry.weak ? 0.3 : 0);
    if (cost !== BLOCKED) return { trigger: r, score, direction: 'before' };
  }
  // A heading ("Displacement: 4,500 people") reaches only the figure right after its colon, or one
  // restating it: "displacement: its causes and 3 trends" is prose.
  if (r.entry.words[r.entry.words.length - 1] === ':' && q.lead !== r.next && !f.restatement.size)
    return null;
  // "The number of displaced people … has risen to 63,000": the frame links whatever the form,
  // within its own bound (countFrame.ts).
  // A figure naming people or families may take it too: "the number of displaced persons … is 16,732 persons".
  if (r.next <= q.lead && (f.countKind === null || f.countKind === 'people' || f.countKind === 'households')) {
    // The figure a restatement restates does not stand in its way: "the number of IDP families
    // served remains at 15,474 or 78,903 persons" hands both the frame.
    const blocked = (k: number) => gap.figureAt.has(k) && !f.restatement.has(k);
    const frame = countFrame(gap.tokens, gap.norms, r, q.lead, gap.lex, blocked, q.first);
    const housingOk = !HOUSING_TERMS.has(r.entry.term as Term) || frame?.housing;
    // It outranks the level verb itself when that is a blocker ("reached" as in "aid reached").
    if (frame && housingOk && !isBlocker(r))
      return { trigger: r, score: 1.1, direction: 'before', ...(frame.households ? { countsFamilies: true } : {}) };
  }
  // "estime à 2000 le nombre de maisons inondées": a bare figure right before the count head.
  if (r.first >= q.next && f.noun === null) {
    const frame = headAfter(gap.norms, r, q.lead, q.next, gap.lex);
    const housingOk = !HOUSING_TERMS.has(r.entry.term as Term) || frame?.housing;
    if (frame && housingOk && !isBlocker(r))
      return { trigger: r, score: 1.1, direction: 'after', ...(frame.households ? { countsFamilies: true } : {}) };
  }
  // Links never reach further than this; the bound keeps long sentences linear.
  if (r.next < q.lead - LINK_REACH || r.first > countEnd + LINK_REACH) return null;
  if (!compatible(f, r, r.first >= q.next) && !householdsHomes(f, r, countEnd, gap)) return null;
  let score: number;
  let direction: Link['direction'];
  // A noun phrase naming homes right after the figure is what it counts: "451 damaged houses".
  const namesCount = r.entry.form === 'agent' || (r.entry.form === 'noun' && r.namesHousing);
  // A label in brackets right after the figure names it as a noun would: "33,000 (refugees)",
  // "1,113 (returnees)" in tables of figures by country.
  const bracketed =
    r.entry.form === 'agent' &&
    r.first === countEnd + 1 &&
    gap.tokens[countEnd]?.text === '(' &&
    gap.tokens[r.next]?.text === ')';
  if (bracketed || (r.first >= q.next && (r.first < countEnd || (r.first === countEnd && namesCount)))) {
    // The trigger is the counted noun or sits among its modifiers: "5,000 displaced people", "300 IDPs".
    direction = 'adjacent';
    score = 1.05;
  } else if (r.first >= countEnd) {
    // "Of these, 127,351 were totally damaged houses": a noun phrase of homes right after the
    // figure's copula is what the figure is.
    const predicateHomes =
      r.entry.form === 'noun' &&
      r.namesHousing &&
      r.first === countEnd + 1 &&
      gap.lex.predicateCopulas.has(gap.norms[countEnd] ?? '');
    if (r.entry.form === 'active' || (r.entry.form === 'noun' && !predicateHomes)) return null;
    // "Two aid workers and several camp residents": a noun of people after "and" and a quantifier
    // of its own heads another group.
    // (Not a verb there: "and many were evacuated" may be said of both.)
    if (
      f.noun &&
      r.first === countEnd + 2 &&
      gap.lex.conjunctions.has(gap.norms[countEnd] ?? '') &&
      gap.lex.vagueFirst.has(gap.norms[countEnd + 1] ?? '') &&
      !gap.lex.fillers.has(gap.norms[r.first] ?? '')
    )
      return null;
    // "claimed the lives of 80 people and displaced entire communities": a verb joined by "and"
    // right after the counted noun shares the subject of the verb before, not the figure.
    if (r.first === countEnd + 1 && gap.lex.conjunctions.has(gap.norms[countEnd]!) && r.entry.form === 'both')
      return null;
    // "66,000 people, including IDPs, were affected": a group named after an inclusion marker is
    // part of the figure's people, not what the figure counts.
    if (r.entry.form === 'agent' && includedGroup(gap.norms, countEnd, r.first, gap.lex)) return null;
    const cost = gapCost(gap, countEnd, r.first, 'after', f.restatement);
    if (cost === BLOCKED) return null;
    direction = 'after';
    // A trigger touching the figure ("518,000 displaced") outranks a verb before it.
    score = (r.entry.form === 'agent' ? 0.85 : cost === 0 ? 1.03 : 1) - 0.12 * cost;
    // "destroyed 1,200 homes and damaged 3,400 more": a verb with its own object is not ours.
    if (gap.figureAt.has(r.next)) {
      // "a tué 55 personnes et en a déplacé 130 000": "en" stands for the people of the figure
      // after the verb, its object; the figure before belongs to another verb.
      if (partitiveObject(gap, r)) return null;
      score -= 0.2;
    }
  } else if (r.next <= q.lead || (r.first < q.lead && r.next <= q.first)) {
    if (r.entry.form === 'passive') {
      // A label's passive ends at its colon: "viviendas con daños: 1.045", "Houses partially damaged: 312".
      if (gap.norms[r.next] === ':' && q.lead === r.next + 1) return { trigger: r, score: LABEL_PASSIVE_SCORE, direction: 'before' };
      // Across the comma that closes the fronted phrase, whatever its length.
      if (!frontedStay(gap, r, q)) return null;
      return { trigger: r, score: FRONTED_STAY_SCORE - (r.entry.weak ? 0.3 : 0), direction: 'before' };
    }
    // "155,710 returnees and 9,052,583 residents": another figure's counted noun does not reach a
    // figure that names its own people ("… and 2,000 others" has none of its own).
    if (r.entry.form === 'agent' && countsAnotherFigure(gap, f, r) && namesOtherGroup(gap.tokens, f, gap.lex)) return null;
    // "displaced 11% of the 12 million people", "al 11% de los casi 12 millones de habitantes": the
    // verb's object is the part; the whole after it is the population the part is taken from.
    if (wholeOfPercentage(gap.norms, q.lead, gap.lex)) return null;
    // "la pérdida total de 21 viviendas": the trigger's last word opened a qualifier ("total de");
    // the figure starts after the trigger.
    const lead = Math.max(q.lead, r.next);
    if (opensOwnClause(gap.norms, gap.lex, f, r.next)) return null;
    // "the return to Afghanistan of a total of 159 refugees", "le retour au Burundi de 590 réfugiés":
    // a noun of moving governs its figure across the place it leads to.
    if (nounUse(gap, r) && destinationThenOf(gap, r.next, lead))
      return { trigger: r, score: 1.02 - (r.entry.weak ? 0.3 : 0), direction: 'before' };
    const cost = gapCost(gap, r.next, lead, 'before', f.restatement);
    if (cost === BLOCKED) return null;
    direction = 'before';
    // A figure right after its verb is its object: "displaced 5,000 people".
    // (Not when a scraper glued table cells together: "45 dead16,000 families".)
    const glued = gap.tokens[r.next - 1]!.end === gap.tokens[lead]!.start;
    score = cost === 0 && !glued ? 1.02 : 0.95 - 0.15 * cost;
  } else return null;
  if (r.entry.weak) score -= 0.3;
  return { trigger: r, score, direction };
}

/** The score of a passive trigger ending a label, its figure right after the colon. */
const LABEL_PASSIVE_SCORE = 0.95;

/**
 * "Over 600,000 people are displaced, and 4.5 million children are out of school": a figure right
 * after a conjunction whose counted noun is followed by an auxiliary is the subject of a clause of
 * its own, not what the trigger before the conjunction counts. (A figure with no noun of its own may
 * be an ellipsis that shares the trigger: "765,162 are fully damaged and 1,135,829 are partially",
 * "y 19 más quedaron inservibles".)
 */
export function opensOwnClause(norms: readonly string[], lex: Lexicon, f: Figure, from: number): boolean {
  if (f.noun?.kind === 'elided') return false;
  // (Not French "a", which is also the Spanish preposition: "208 casas a nivel nacional".)
  const next = f.noun ? f.noun.next : f.quantity.next;
  const after = norms[next] ?? '';
  if (after === 'a' || !lex.auxiliaries.has(after)) return false;
  // A bare figure opens one when its own verb group holds a trigger: "3.9 million have become
  // refugees and at least 7.6 million have been internally displaced" (not "1.77 million have fled
  // the north and 1.46 million have left the Kyiv region", which shares the verb before).
  if (!f.noun && !triggerWithin(norms, lex, next + 1, OWN_VERB_REACH)) return false;
  const lead = f.quantity.lead;
  for (let k = Math.max(from, lead - OWN_CLAUSE_OPENS); k < lead; k++) if (lex.conjunctions.has(norms[k]!)) return true;
  return false;
}

/** How far past its auxiliary a bare figure's own trigger may start ("have been [internally] displaced"). */
const OWN_VERB_REACH = 3;

/** Whether a displacement trigger of the lexicon starts within `reach` words from `from`. */
function triggerWithin(norms: readonly string[], lex: Lexicon, from: number, reach: number): boolean {
  for (let k = from; k < Math.min(norms.length, from + reach); k++)
    if (lex.triggers.get(norms[k]!)?.some((e) => !e.term.startsWith('block:') && matchesAt(norms, k, e.words))) return true;
  return false;
}

/** The most words between the conjunction and the figure opening its clause ("and an estimated"). */
const OWN_CLAUSE_OPENS = 3;

/** How well a fronted stay governs the existential's figure: below a verb's object, above most gaps. */
const FRONTED_STAY_SCORE = 0.85;
/** How many words of any kind may open the sentence before a fronted stay (a bullet or a conjunction). */
const FRONTED_AT = 1;
/** The most words between an existential opener and its figure ("there are [around] 79,175"). */
const EXISTENTIAL_GAP = 2;

/**
 * "In at least 38 evacuation centres across the province, there are around 79,175 people": a stay
 * phrase that opens the sentence is where the people an existential then counts stay.
 */
function frontedStay(gap: GapContext, r: Trigger, q: Figure['quantity']): boolean {
  // Opening the sentence, past function words and a count of sites ("Dans les 12 [sites d'hébergement]").
  const opening = gap.norms.slice(0, r.first).every((w, k) => k < FRONTED_AT || gap.lex.functionWords.has(w) || /^\d/.test(w));
  if (!opening || !gap.lex.stayingTerms.has(r.entry.term)) return false;
  return gap.lex.existentials.some((e) => {
    for (let g = 0; g <= EXISTENTIAL_GAP; g++) if (matchesAt(gap.norms, q.lead - g - e.length, e)) return true;
    return false;
  });
}

/** A blocking adjective right before a noun of places: "the flood-hit [area]", "flood-affected [districts]". */
function describesPlace(gap: GapContext, r: Trigger): boolean {
  const next = gap.norms[r.next];
  if (next === undefined) return false;
  const places = gap.lex.population.places;
  return places.has(next) || (next.endsWith('s') && places.has(next.slice(0, -1)));
}

/** A trigger right after another figure is that figure's counted noun: "7301 [evacuados]". */
/** How far after a trigger its own object figure may start ("dejó sin hogar a [otro] millón"). */
const OBJECT_REACH = 3;

/** Whether a figure starts right after the trigger, as the object it governs. */
function objectFigureAfter(gap: GapContext, r: Trigger): boolean {
  for (let k = r.next; k < r.next + OBJECT_REACH; k++) if (gap.figureAt.has(k)) return true;
  return false;
}

function countsAnotherFigure(gap: GapContext, f: Figure, r: Trigger): boolean {
  const before = r.first - 1;
  return gap.figureAt.has(before) && (before < f.quantity.lead || before >= f.quantity.next);
}

function mixesRefugeesAndDisplaced(a: Trigger, b: Trigger): boolean {
  const terms = new Set([a.entry.term, b.entry.term]);
  return terms.has('refugees') && terms.has('displaced') && terms.size === 2;
}

function isBlocker(t: Trigger): boolean {
  return t.entry.term.startsWith('block:');
}

/** Housing triggers count homes (and shelters); people triggers count people or families (or homes evacuated). */
function compatible(f: Figure, r: Trigger, figureFirst = false): boolean {
  if (isBlocker(r)) return true;
  const term = r.entry.term as Term;
  const homes = (k: Figure['countKind']) => k === 'housing' || k === 'shelter';
  // Families may be counted by the home they lost, as the subject of a trigger that names it:
  // "420 families suffered total shelter damage".
  // "2,740 families whose houses were destroyed", "319 mil personas cuyas viviendas fueron destruidas":
  // the figure before a possessive relative owns the homes it names (not "400 tents for families whose …").
  if (r.owned) return figureFirst && (f.countKind === 'people' || f.countKind === 'households');
  if (HOUSING_TERMS.has(term))
    return (
      homes(f.countKind) ||
      (f.countKind === null && (r.namesHousing || homes(f.elidedKind))) ||
      (f.countKind === 'households' && r.namesHousing && figureFirst) ||
      // Families as the object of a verb of destruction right before them: "swept away 33 households".
      (f.countKind === 'households' && !!r.entry.housing && !figureFirst && r.next === f.quantity.lead)
    );
  // Shelters and tents people stay in are buildings, not people: "12 shelters host evacuees".
  if (f.countKind === 'shelter') return false;
  // Homes after a return are the homes people went back to: "evacuation orders were lifted for 1,200
  // homes", "allowed back into 300 houses" (not "1,200 homes returned").
  if (f.countKind === 'housing')
    return (term === 'evacuated' && !f.building) || term === 'evicted' || (term === 'returns' && !figureFirst && !f.building);
  return true;
}

/**
 * "Over 63,000 households were moderately or heavily damaged", "272 ménages ont été partiellement
 * endommagés": families counted by the home they have, as the subject of a word of damage right
 * after them (auxiliaries and adverbs between) or a participle right after them, count damaged homes.
 */
function householdsHomes(f: Figure, r: Trigger, countEnd: number, gap: GapContext): boolean {
  if (f.countKind !== 'households' || !HOUSING_TERMS.has(r.entry.term as Term) || !r.entry.housing) return false;
  if (r.first < countEnd || r.first - countEnd > HOUSEHOLD_HOMES_GAP) return false;
  // A participle right after them and ending their phrase: "1.238 hogares dañados por", "300 foyers
  // détruits et", also after its degree adverbs ("55.600 hogares total o parcialmente arrasados");
  // not a verb with its object ("households lost power").
  if (r.first === countEnd && degreeWords(gap.norms, countEnd, r.next - 1, gap.lex))
    return gap.lex.householdHomes.has(gap.norms[countEnd - 1] ?? '') && participleEnds(gap, r.next);
  // A passive: an auxiliary first ("were", "ont été", "fueron"), not "households lost power".
  if (!gap.lex.auxiliaries.has(gap.norms[countEnd] ?? '')) return false;
  for (let k = countEnd; k < r.first; k++) {
    const w = gap.norms[k]!;
    if (!gap.lex.auxiliaries.has(w) && !gap.lex.levelAdverbs.has(w) && !gap.lex.coordinators.has(w) && !ADVERB.test(w))
      return false;
  }
  return true;
}

/** Whether a partitive clitic ("en") stands before the verb, or before its auxiliary: "en a déplacé". */
function partitiveObject(gap: GapContext, r: Trigger): boolean {
  const { norms, lex } = gap;
  if (lex.partitiveClitics.has(norms[r.first - 1] ?? '')) return true;
  return lex.auxiliaries.has(norms[r.first - 1] ?? '') && lex.partitiveClitics.has(norms[r.first - 2] ?? '');
}

/**
 * Whether the words in [from, to) are only adverbs of degree, joined or not: "parcialmente",
 * "total o parcialmente" (the first of two joined Spanish adverbs drops its "-mente").
 */
function degreeWords(norms: readonly string[], from: number, to: number, lex: Lexicon): boolean {
  const adverb = (w: string) => ADVERB.test(w);
  for (let k = from; k < to; k++) {
    const w = norms[k]!;
    if (adverb(w) || (lex.coordinators.has(w) && k > from && k + 1 < to)) continue;
    if (lex.coordinators.has(norms[k + 1] ?? '') && adverb(norms[k + 2] ?? '') && k + 2 < to) continue;
    return false;
  }
  return true;
}

/** Whether the token at `k` ends a participle's phrase: punctuation, a preposition, a coordinator or the end. */
function participleEnds(gap: GapContext, k: number): boolean {
  const t = gap.tokens[k];
  if (!t || t.kind === 'punct') return true;
  const { lex } = gap;
  return (
    lex.agentPrepositions.has(t.norm) ||
    lex.itemPrepositions.has(t.norm) ||
    lex.coordinators.has(t.norm) ||
    lex.causal.some((c) => c[0] === t.norm)
  );
}

/** Words between a count of families and the word of damage after it ("were moderately or heavily"). */
const HOUSEHOLD_HOMES_GAP = 5;

/**
 * "1,700 refugees were relocated to a new camp", "5,000 IDPs were evacuated from the camp": a
 * status noun counted by the figure, then its own verb of moving, which tells what happened to
 * them now; the figure counts both (not a flight that made them refugees: "refugees who fled").
 */
function movedStatus(gap: GapContext, status: Trigger, candidates: readonly Candidate[]): Trigger | null {
  if (!STATUS_TERMS.has(status.entry.term) || status.entry.form !== 'agent') return null;
  const moved = candidates.find(
    (c) =>
      c.direction === 'after' &&
      MOVED_TERMS.has(c.trigger.entry.term) &&
      c.trigger.entry.term !== status.entry.term &&
      c.trigger.entry.form !== 'agent' &&
      c.trigger.entry.form !== 'noun' &&
      c.score >= MOVED_STATUS_MIN_SCORE &&
      sameClause(gap, status.next, c.trigger.first) &&
      !gap.norms.slice(status.next, c.trigger.first).some((w) => gap.lex.relatives.has(w)),
  );
  return moved?.trigger ?? null;
}

const MOVED_STATUS_MIN_SCORE = 0.8;
/** The least score of a verb after a blocker's agent phrase ("affected by the floods remain in shelters"). */
const MODIFIED_VERB_MIN_SCORE = 0.5;

/** Terms of a status a noun gives the people it counts ("refugees", "IDPs"). */
const STATUS_TERMS: ReadonlySet<string> = new Set(['refugees', 'displaced']);
/** Terms of a move, or a loss of home, that happens to people of a status ("12,000 refugees were left without shelter"). */
const MOVED_TERMS: ReadonlySet<string> = new Set(['evacuated', 'relocated', 'displaced', 'homeless']);

/** The most words between a return and the phrase that opens the leaving before it ("returned home on Monday after being"). */
const RETURN_AFTER_REACH = 6;

/**
 * "6,000 people returned home on Monday after being evacuated", "volvían a sus hogares tras haber
 * sido evacuadas": a return followed by the leaving it ends; the figure counts both.
 */
function leavingBeforeReturn(tokens: readonly Token[], triggers: Trigger[], t: Trigger, lex: Lexicon): Trigger | null {
  if (t.entry.term !== 'returns') return null;
  for (let k = t.next; k <= t.next + RETURN_AFTER_REACH && k < tokens.length; k++) {
    if (tokens[k]!.kind === 'punct' && tokens[k]!.text !== ',') return null;
    const opener = lex.returnAfter.find((p) => p.every((w, n) => tokens[k + n]?.norm === w));
    if (!opener) continue;
    const at = k + opener.length;
    const r = triggers.find((x) => x.first === at && lex.leftTerms.has(x.entry.term));
    return r ?? null;
  }
  return null;
}

/** How many words (auxiliaries and adverbs) may stand between a relative and its verb: "that were preemptively". */
const RELATIVE_VERB_REACH = 3;

/** Whether a relative opens the clause of the trigger at `first`: "who were [evacuated]", "that had [fled]". */
function relativeBefore(norms: readonly string[], first: number, lex: Lexicon): boolean {
  for (let k = first - 1; k >= Math.max(0, first - 1 - RELATIVE_VERB_REACH); k--) {
    const w = norms[k]!;
    if (lex.relatives.has(w)) return true;
    if (!lex.auxiliaries.has(w) && !/ly$/.test(w)) return false;
  }
  return false;
}

/**
 * The verb joined to `t` before it, when both govern the figure after them: "had to evacuate and
 * relocate 1.6 million people", "évacué et relogé 300 familles".
 */
function coordinatedBefore(tokens: readonly Token[], triggers: Trigger[], t: Trigger, lex: Lexicon): Trigger | null {
  const k = t.first - 1;
  if (!lex.coordinators.has(tokens[k]?.norm ?? '')) return null;
  return triggers.find((x) => x.next === k && x.entry.form !== 'agent' && x.entry.form !== 'noun') ?? null;
}

/** The trigger joined to `t` by "and", "or", "/" or ", and": "affected and evacuated". */
function coordinatedTrigger(
  tokens: readonly Token[],
  triggers: Trigger[],
  t: Trigger,
  lex: Lexicon,
): Trigger | null {
  let k = t.next;
  if (tokens[k]?.text === ',') k++;
  if (!lex.coordinators.has(tokens[k]?.norm ?? '')) return null;
  k++;
  // allow one adverb: "and subsequently evacuated", but not a figure: "killed and thousands displaced"
  const r = triggers.find(
    (x) =>
      x.first === k ||
      (x.first === k + 1 &&
        tokens[k]?.kind === 'word' &&
        !lex.numberUnits.has(tokens[k]!.norm) &&
        !lex.vagueFirst.has(tokens[k]!.norm)),
  );
  return r ?? null;
}
