// "12 new mass displacements affecting 3,400 people", "desplazamientos masivos que afectaron a
// más de 101.000 personas": "affected" is no displacement on its own (a blocker), but after a
// displacement noun it counts the people that displacement moved. The noun lends the verb its term.
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../segment/tokens.js';
import type { Trigger } from './triggers.js';

/** How many words may stand between the noun and the verb ("masivos que", "in the east which"). */
const REACH = 4;
/** How far a verb right after a comma may stand from its noun: the clause it closes reports the
 * noun's event ("mouvements forcés de populations ont été signalés dans le département de Say,
 * affectant 1 863 personnes"; "displacements were recorded in three villages, affecting"). */
const AFTER_COMMA_REACH = 12;
const NOMINAL: ReadonlySet<string> = new Set(['noun', 'agent']);

export function affectedByDisplacement(
  triggers: Trigger[],
  tokens: readonly Token[],
  lex: Lexicon,
): Trigger[] {
  return triggers.map((t, k) => {
    const noun = triggers[k - 1];
    if (t.entry.term !== 'block:affected' || !noun || noun.entry.term.startsWith('block:')) return t;
    const gap = t.first - noun.next;
    const afterComma = tokens[t.first - 1]?.text === ',' && gap <= AFTER_COMMA_REACH;
    if (!NOMINAL.has(noun.entry.form) || noun.entry.housing || (gap > REACH && !afterComma)) return t;
    const between = tokens.slice(noun.next, gap > REACH ? t.first - 1 : t.first);
    if (between.some((w) => w.kind === 'number' || w.text === '.' || lex.clauseBreaks.has(w.norm))) return t;
    if (gap > REACH && between.some((w) => w.text === ',' || lex.coordinators.has(w.norm))) return t;
    // "The repatriation of Burundian refugees has reached 200,000": a noun of people completing an
    // event noun ("repatriation of", "retorno de") names whose event it is; the event lends its term.
    const lender = ofHead(triggers[k - 2], noun, tokens) ?? noun;
    return {
      ...t,
      entry: {
        ...t.entry,
        term: lender.entry.term,
        form: 'active',
        reason: `${lender.entry.term}:affecting`,
      },
    };
  });
}

/** Words between an event noun's "of" and the noun of people it governs: "repatriation of [Burundian] refugees". */
const OF_REACH = 2;

/** The event noun whose complement `noun` is ("the return of [the] IDPs"), or null. */
function ofHead(event: Trigger | undefined, noun: Trigger, tokens: readonly Token[]): Trigger | null {
  if (
    !event ||
    event.entry.form !== 'noun' ||
    event.entry.term.startsWith('block:') ||
    noun.entry.form !== 'agent'
  )
    return null;
  const gap = tokens.slice(event.next, noun.first);
  // The event's trigger ends on its "of" ("repatriation of", "retour des"): only words may follow it.
  if (gap.length > OF_REACH || gap.some((w) => w.kind !== 'word')) return null;
  return event.next <= noun.first && /^(?:of|de|des|du|del|d')$/u.test(tokens[event.next - 1]?.norm ?? '')
    ? event
    : null;
}
