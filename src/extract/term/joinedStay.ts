// "17,000 people remain displaced … and are staying in relief centres", "1.85 million remain
// displaced, living in roadside camps", "displaced in Government established relief camps",
// "evacuated to a local school": a stay the gap scores too far from the figure, joined to the
// leaving verb as a second predicate of the same subject. The linker adds its term (link.ts).
import { type GapContext, sameClause } from '../gap.js';
import type { Trigger } from './triggers.js';

/** The most words between a leaving verb and a stay joined to it by "and". */
export const SHARED_SUBJECT_REACH = 10;

/**
 * A stay trigger after leaving verb `left` that is a second predicate of the same subject: joined
 * by "and" (a stay phrase or verb), opened by a participle of staying (`stay_links`: "living",
 * "alojados", "hébergés"), or right after a place preposition ("displaced in relief camps").
 */
export function joinedStay(gap: GapContext, left: Trigger, triggers: readonly Trigger[]): Trigger | undefined {
  const { lex, norms } = gap;
  return triggers.find((r) => {
    if (!lex.stayingTerms.has(r.entry.term) || r.first < left.next || r.first - left.next > SHARED_SUBJECT_REACH)
      return false;
    const taken = lex.movedTo.has(norms[left.next - 1] ?? '');
    // "evacuated [to a local school]": the destination phrase right after a verb of being taken.
    // "autoevacuados [en casa de familiares]": or a stay phrase opened by its own place preposition.
    if (r.first === left.next)
      return (taken && lex.destinationOpeners.has(norms[r.first] ?? '')) || lex.refuge.prepositions.has(norms[r.first] ?? '');
    const between = norms.slice(left.next, r.first);
    // "displaced in 30 active shelters", "déplacées dans 92 sites d'hébergement": the count of the
    // sites right after the stay's own preposition is part of its phrase.
    if (
      between.length <= JOINED_PREPOSITION_REACH &&
      lex.refuge.prepositions.has(between[0] ?? '') &&
      /^\d/.test(between[1] ?? '') &&
      between.slice(2).every((w) => /^\p{L}/u.test(w) && !lex.coordinators.has(w)) &&
      sameClause(gap, left.next, left.next + 1)
    )
      return true;
    if (!sameClause(gap, left.next, r.first) || countedSites(gap, r)) return false;
    const phrase = r.next - r.first > 1 || r.entry.reason.includes(':verb:');
    if (phrase && between.some((w) => lex.coordinators.has(w))) return true;
    // "… displaced by the fire are [staying in covered courts]": or the participle opens the stay's phrase.
    if (between.some((w) => lex.stayLinks.has(w)) || (r.next - r.first > 1 && lex.stayLinks.has(norms[r.first] ?? ''))) return true;
    // "evacuated to Antigua, where they are living in shelters", "evacuadas a Colón, donde
    // permanecen en albergues": a relative of the place reached, its subject the people who left.
    const where = between.findIndex((w) => lex.siteHosts.where.openers.has(w));
    if (
      where >= 0 &&
      between.length - where - 1 <= WHERE_REACH &&
      between.slice(where + 1).every((w) => /^\p{L}/u.test(w) && !lex.coordinators.has(w))
    )
      return true;
    // "evacuated to [a local] school": a destination opened right after a verb of being taken.
    if (
      taken &&
      lex.destinationOpeners.has(between[0] ?? '') &&
      between.length <= JOINED_PREPOSITION_REACH &&
      !between.some((w) => w === ',' || lex.coordinators.has(w))
    )
      return true;
    // "displaced in Government established relief camps": the preposition opens the stay's own phrase.
    return (
      between.length <= JOINED_PREPOSITION_REACH &&
      lex.refuge.prepositions.has(between[0] ?? '') &&
      !between.some((w) => w === ',' || lex.coordinators.has(w))
    );
  });
}

/** The most words from a relative of place to the stay it opens ("where [they are] living in shelters"). */
const WHERE_REACH = 3;

/** The most words from a place preposition to the stay it opens ("in [Government established] relief camps"). */
const JOINED_PREPOSITION_REACH = 4;

/** The most words from a place preposition back to the count of sites after it ("in [more than] 30 shelters"). */
const SITE_COUNT_OPENER_REACH = 3;

/**
 * "with 1,000 people evacuated, and more than 500 emergency shelters have been opened": a stay
 * trigger counted by its own number names sites, the subject of its own clause; only opened by a
 * place preposition ("displaced in more than 30 shelters") is it where the figure stays.
 */
export function countedSites(gap: GapContext, r: Trigger): boolean {
  const k = r.first - 1;
  if (gap.tokens[k]?.kind !== 'number') return false;
  for (let p = k - 1; p >= Math.max(0, k - SITE_COUNT_OPENER_REACH); p--) {
    const w = gap.norms[p]!;
    if (gap.lex.refuge.prepositions.has(w) || gap.lex.destinationOpeners.has(w)) return false;
  }
  return true;
}
