// Refiners over the links of one sentence, each for one construction reporters use:
// - cause:   "households were displaced due to destroyed housing" also counts destroyed homes;
// - orders:  "officials ordered 3,000 people to leave their homes" is an evacuation, not a flight;
//            so is a leaving "as a precaution" ("400 residents left their homes as a precaution");
// - result:  "leaving 12,000 refugees homeless" counts them homeless (leftHomeless.ts);
// - totals:  "2,000 were evacuated, bringing the total to 9,500" counts the second figure too;
// - lists:   "displaced 2,000 people in A, 3,500 in B" gives every item the term (distributed.ts);
// - returns: "10,000 people displaced by the floods have returned home" counts returns: the
//            participle says who they are, the verb after it what they did;
// - borders: "se han desplazado de Venezuela hacia Colombia" counts refugees (crossing.ts), and
//            "fled to neighbouring provinces" does not (neighbouringAreas.ts);
// - shelter: "175,000 people had been transferred to shelters" were evacuated too (movedToShelter.ts),
//            and "75 evacuation centres are open with 2,530 evacuees" counts them sheltered (evacueesSheltered.ts);
// - refuge:  "sought refuge since the fighting began" names no shelter: displaced (refugeWhere.ts);
// - sites:   "displaced families arrived at El Salam camp", "camps are sheltering 60,000 IDPs":
//            in a camp too (campDestination.ts);
// - items:   a breakdown's items take every term of its total ("…, including in Pemba (8,208)");
// - parts:   "244,000 refugees, of whom 139,000 have fled since December" are refugees too;
// - degree:  "destroyed 730 houses totally and 931 partially": homes named with their degree right
//            after them were damaged or destroyed as it says (distributed.ts byDegree);
// - home:    "el traslado a su país de 33.819 personas" counts returns (homeward.ts), and
//            "60,000 returning to UNRWA shelters" counts them sheltered again (backToShelter.ts).
import { HOUSING_TERMS, type Term } from '../../types.js';
import { type Lexicon, endingWith, endsAt, matchesAt, startingWith } from '../lexicon.js';
import type { Figure, Link } from '../link.js';
import type { Token } from '../segment/tokens.js';
import type { Trigger } from './triggers.js';
import { byDegree, distributedCounts, otherTerms } from './distributed.js';
import { crossedBorder } from './crossing.js';
import { neighbouringAreas } from './neighbouringAreas.js';
import { movedToShelter } from './movedToShelter.js';
import { evacueesSheltered } from './evacueesSheltered.js';
import { refugeWhere } from './refugeWhere.js';
import { homeward } from './homeward.js';
import { backToShelter } from './backToShelter.js';
import { leftHomeless } from './leftHomeless.js';
import { campDestinations, siteHosted } from './campDestination.js';
import { beforePeak } from '../countFrame.js';
import { opensPart } from '../partLinks.js';

const CAUSE_WINDOW = 3;
/** The score of a total carried on from a trigger with no figure of its own ("evacuations …, bringing the total to"). */
const CONTINUED_SCORE = 0.8;
const ORDER_WINDOW = 3;

export function refineLinks(
  tokens: readonly Token[],
  links: Link[],
  triggers: Trigger[],
  figures: Figure[],
  lex: Lexicon,
): Link[] {
  const norms = tokens.map((t) => t.norm);
  const out: Link[] = [];
  for (const link of links) {
    // Each refiner sees what the one before it made of the link, in this order.
    let refined = fledPart(norms, link, links, figures, lex);
    refined = orderedToLeave(norms, refined, lex);
    refined = leftAsPrecaution(norms, refined, lex);
    refined = leftHomeless(norms, refined, triggers, lex);
    refined = returnedAfter(norms, refined, triggers, figures, lex);
    refined = crossedBorder(norms, refined, figures, lex);
    refined = neighbouringAreas(norms, refined, lex);
    refined = refugeWhere(tokens, refined, lex);
    out.push(backToShelter(norms, homeward(norms, refined, lex), triggers, lex));
    const housing = causedByHousingLoss(norms, link, triggers, lex);
    if (housing && !links.some((l) => l.figure === link.figure && l.term === housing.term)) out.push(housing);
  }
  const moved = [
    ...evacueesSheltered(tokens, norms, movedToShelter(norms, out, lex), figures, lex),
    ...campDestinations(tokens, out, lex),
    ...siteHosted(out, triggers),
  ];
  const continued = [...moved, ...continuedCounts(norms, moved, figures, triggers, lex)];
  const linked = [...continued, ...itemTerms(continued)];
  return [...linked, ...distributedCounts(tokens, linked, triggers, figures, lex)].map((l) => byDegree(tokens, l, lex));
}

/** Figures that carry on the count before them: "bringing the total to 9,500", "up from 8,000". */
function continuedCounts(
  norms: string[],
  links: Link[],
  figures: Figure[],
  triggers: Trigger[],
  lex: Lexicon,
): Link[] {
  const out: Link[] = [];
  for (const f of figures) {
    if (links.some((l) => l.figure === f)) continue;
    // "down from [a peak of] 34,173": the peak is the count carried on at an earlier level.
    const lead = beforePeak(norms, f.quantity.lead, lex);
    if (!endingWith(lex.continuation, norms[lead - 1]).some((c) => endsAt(norms, lead, c))) continue;
    const before = links.filter((l) => l.figure.quantity.next <= lead).pop();
    if (!before) {
      // "Evacuations continued on Sunday, bringing the total to 5,600": the count carried on is the trigger's.
      // Only a noun names such a count ("Evacuations", "displacements"); a verb tells of people it moved.
      const named = triggers.filter((t) => t.next <= lead && !t.entry.term.startsWith('block:')).pop();
      const nominal = named && (named.entry.form === 'noun' || named.entry.form === 'agent');
      if (named && nominal && !links.some((l) => l.trigger === named))
        out.push({
          figure: f,
          trigger: named,
          term: named.entry.term as Term,
          score: CONTINUED_SCORE,
          direction: 'before',
        });
      continue;
    }
    if (before.figure.quantity.value === null) continue;
    out.push({ ...before, figure: f, score: before.score - 0.15, coordinated: true });
  }
  return out;
}

/** Words that open a participle's phrase after the counted noun ("people displaced by …"). */
const PARTICIPLE_PHRASE = new Set(['by', 'from', 'after', 'during', 'due', 'since', 'in', 'when']);
/** How far after the participle the verb of return may stand. */
const RETURN_REACH = 12;
const LEFT_HOME = new Set<Term>(['displaced', 'forced_to_flee', 'evacuated', 'relocated', 'homeless']);

/**
 * "More than 10,000 people displaced by floods in Italy have returned home": the figure's
 * participle names who they are, and a verb of return later in the clause says what they did.
 * No other figure and no full stop or semicolon stands between, and the figure is not the whole
 * of a part ("1,800 of the 7,500 people evacuated").
 */
/** Tokens from the total's figure to the marker ("74.000 réfugiés … ont franchi la frontière … selon les autorités, dont"). */
const FLED_PART_REACH = 24;

/**
 * "le Cameroun accueille plus de 244.000 réfugiés de la République centrafricaine, dont 139.000 qui
 * ont fui leur pays depuis décembre": a part of a count of refugees, opened by a subset marker, whose
 * own verb is their flight, counts refugees too: the flight is how they became refugees.
 */
function fledPart(
  norms: string[],
  link: Link,
  links: readonly Link[],
  figures: readonly Figure[],
  lex: Lexicon,
): Link {
  if (link.term !== 'forced_to_flee') return link;
  const total = figures[figures.indexOf(link.figure) - 1];
  if (!total || !links.some((l) => l.figure === total && l.term === 'refugees')) return link;
  return opensPart(norms, link.figure, total, lex, FLED_PART_REACH) ? { ...link, term: 'refugees' } : link;
}

function returnedAfter(
  norms: string[],
  link: Link,
  triggers: Trigger[],
  figures: Figure[],
  lex: Lexicon,
): Link {
  if (link.direction === 'before' || !LEFT_HOME.has(link.term)) return link;
  if (!PARTICIPLE_PHRASE.has(norms[link.trigger.next] ?? '')) return link;
  // "1,800 of the 7,500 people evacuated … have returned": the whole is no subject of the verb.
  const lead = link.figure.quantity.lead;
  if (norms[lead - 1] === 'of' || (norms[lead - 1] === 'the' && norms[lead - 2] === 'of')) return link;
  // A verb of return, not the noun: "22,000 people fled from their homes, while returns were also
  // documented" tells of other people's returns.
  const back = triggers.find(
    (t) =>
      t.entry.term === 'returns' &&
      t.entry.form !== 'agent' &&
      t.first > link.trigger.next &&
      t.first - link.trigger.next <= RETURN_REACH,
  );
  if (!back) return link;
  for (let k = link.trigger.next; k < back.first; k++) if (norms[k] === ';' || norms[k] === '.') return link;
  // "30,000 people had been evacuated from villages, but many were headed home": a part of unknown
  // size is the return's subject, not the figure.
  if (norms.slice(link.trigger.next, back.first).some((w) => lex.vagueParts.has(w))) return link;
  // "650,000 displaced people in the south will return to their homes": a return still to come
  // counts nobody back; the participle's people stay displaced.
  for (let k = link.trigger.next; k < back.first; k++)
    if (lex.modals.has(norms[k]!) || lex.hypothetical.some((h) => matchesAt(norms, k, h))) return link;
  if (
    figures.some(
      (f) => f !== link.figure && f.quantity.lead > link.trigger.next && f.quantity.lead < back.first,
    )
  )
    return link;
  // Nor when a count of things is the verb's subject: "200,000 residents were evacuated … and
  // more than 25,000 boats returned to harbor".
  for (let k = link.trigger.next; k < back.first; k++)
    if (/^\d/.test(norms[k]!) && lex.nouns.other.has(norms[k + 1] ?? '')) return link;
  return { ...link, trigger: back, term: 'returns' };
}

function orderedToLeave(norms: string[], link: Link, lex: Lexicon): Link {
  if (link.term !== 'forced_to_flee' || link.direction !== 'after') return link;
  const lead = link.figure.quantity.lead;
  for (let k = Math.max(0, lead - ORDER_WINDOW); k < lead; k++) {
    if (startingWith(lex.orders, norms[k]).some((o) => matchesAt(norms, k, o) && k + o.length <= lead))
      return { ...link, term: 'evacuated' };
  }
  return link;
}

/** How far from the figure and its trigger a word of precaution may stand. */
const PRECAUTION_WINDOW = 8;
/** How many words ("et regroupées") may stand between a verb of moving people and its precaution. */
const MOVED_PRECAUTION_GAP = 2;

/**
 * "Two households had already left their homes as a precaution", "As a precaution, 400 residents
 * fled", "abandonaron sus viviendas de manera preventiva", "ont quitté leur domicile par précaution":
 * people who leave before the danger reaches them are evacuated, whoever told them to go. The bare
 * adverb is not enough: "65 households preventively fled the village" after an armed attack is how
 * displacement reports word flight from a threat. Leaving ahead of a storm is a precaution too
 * ("ahead of the typhoon", "en prévision de l'arrivée", "ante la llegada del huracán").
 */
function leftAsPrecaution(norms: string[], link: Link, lex: Lexicon): Link {
  // People moved out as a precaution ("déplacées par précaution", "desplazadas de manera preventiva")
  // were evacuated too. Only a precaution right after the verb says so ("déplacées [et regroupées]
  // à temps"), and right after a noun of the displaced ("personnes déplacées à temps"): further on
  // it may tell of another verb ("les 4 000 déplacés ont été recensés à temps").
  if (link.term === 'displaced') {
    const at = link.trigger.next;
    const gap = link.trigger.entry.form === 'agent' || link.trigger.entry.form === 'noun' ? 0 : MOVED_PRECAUTION_GAP;
    for (let k = at; k <= at + gap && k < norms.length; k++)
      if (startingWith(lex.precautions, norms[k]).some((p) => matchesAt(norms, k, p))) return { ...link, term: 'evacuated' };
    return link;
  }
  if (link.term !== 'forced_to_flee') return link;
  const from = Math.max(0, Math.min(link.figure.quantity.lead, link.trigger.first) - PRECAUTION_WINDOW);
  const to = Math.min(
    norms.length,
    Math.max(link.figure.quantity.next, link.trigger.next) + PRECAUTION_WINDOW,
  );
  // A precaution fronted at the sentence's start governs its whole clause ("En prévision de l'arrivée
  // du typhon, 10 641 habitants issus de 7 700 foyers ont quitté leur domicile").
  const fronted = startingWith(lex.precautions, norms[0]).some((p) => matchesAt(norms, 0, p));
  if (fronted && !norms.slice(0, link.figure.quantity.lead).some((w) => w === '.' || w === ';'))
    return { ...link, term: 'evacuated' };
  for (let k = from; k < to; k++)
    if (startingWith(lex.precautions, norms[k]).some((p) => matchesAt(norms, k, p)))
      return { ...link, term: 'evacuated' };
  return link;
}

function causedByHousingLoss(norms: string[], link: Link, triggers: Trigger[], lex: Lexicon): Link | null {
  // A stay is told after its cause too ("spent the night in the town hall after their homes
  // flooded"): the people staying are counted where they stay, not as homes.
  if (
    HOUSING_TERMS.has(link.term) ||
    ['returns', 'refugees', 'sheltered', 'in_relief_camp'].includes(link.term)
  )
    return null;
  const from = link.trigger.next;
  for (const c of lex.causal) {
    for (let k = from; k <= from + 1; k++) {
      if (!matchesAt(norms, k, c)) continue;
      const after = k + c.length;
      const housing = triggers.find(
        (t) => t.first >= after && t.first <= after + CAUSE_WINDOW && HOUSING_TERMS.has(t.entry.term as Term),
      );
      // "62 people were displaced after 11 houses were destroyed": the homes have a count of their own.
      const counted = housing && norms.slice(after, housing.first).some((w) => /^\d/.test(w));
      if (housing && !counted && (housing.namesHousing || housingNounNear(norms, after, lex)))
        return {
          ...link,
          trigger: housing,
          term: housing.entry.term as Term,
          score: link.score - 0.1,
          coordinated: true,
        };
    }
  }
  return null;
}

function housingNounNear(norms: string[], from: number, lex: Lexicon): boolean {
  for (let k = from; k < from + 4 && k < norms.length; k++) if (lex.nouns.housing.has(norms[k]!)) return true;
  return false;
}

/**
 * An item of a breakdown counts the same people as the total before it, under every term the total
 * has: a figure in brackets after a place (bracketed.ts: "20,720 displaced people sheltering in
 * accommodation centres, including in Pemba (8,208)") or a figure after the total's own trigger
 * ("5,000 IDPs are living in collective centres, 3,000 in Sana'a") is displaced as well as sheltered.
 */
function itemTerms(links: Link[]): Link[] {
  const out: Link[] = [];
  for (const item of links) {
    const bracketed = item.trigger.entry.reason.endsWith(':bracketed');
    if (item.coordinated || (!bracketed && item.direction !== 'before')) continue;
    const lead = item.figure.quantity.lead;
    const total = links
      .filter(
        (l) =>
          l.term === item.term &&
          l.figure.quantity.lead < lead &&
          (bracketed
            ? !l.trigger.entry.reason.endsWith(':bracketed')
            : l.trigger.first === item.trigger.first && l.direction !== 'before'),
      )
      .pop();
    if (!total) continue;
    for (const o of otherTerms(total, links))
      if (!links.some((l) => l.figure.quantity === item.figure.quantity && l.term === o.term))
        out.push({ ...item, term: o.term, score: item.score - 0.1, coordinated: true });
  }
  return out;
}
