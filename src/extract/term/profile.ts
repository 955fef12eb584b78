// "Displaced people include about 1,200 unaccompanied minors", "some 640 persons with disabilities
// among the IDP population", "entre los desplazados hay 61 menores de edad": a count of a subgroup
// (by age, sex or need) of people a trigger names without a figure describes who they are; it is no
// displacement figure of its own. A trigger acting on the figure stays a fact: "the fighting
// displaced 1,200 children", "1,200 children were evacuated".
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../segment/tokens.js';
import type { Figure } from '../link.js';
import type { Trigger } from './triggers.js';

/** How many modifiers may stand between a figure and its subgroup ("1,200 [unaccompanied] minors"). */
const MODIFIERS = 2;
/** The longest subgroup phrase, in words ("persons with disabilities"). */
const LONGEST = 4;

export function profilesNamedGroup(
  tokens: readonly Token[],
  next: number,
  trigger: Trigger,
  direction: 'after' | 'before' | 'adjacent',
  lex: Lexicon,
): boolean {
  if (direction === 'adjacent' || !countsSubgroup(tokens, next, lex)) return false;
  const norms = tokens.map((t) => t.norm);
  // The group before the figure is named by a noun: an agent ("IDPs", "evacuees") or a participle
  // after an article ("the displaced", "los desplazados").
  if (direction === 'before')
    return trigger.entry.form === 'agent' || lex.groupArticles.has(norms[trigger.first - 1] ?? '');
  // After it, a preposition of membership joins the figure to the group: "among the IDP population".
  for (let k = next; k < trigger.first; k++) if (lex.profileOf.has(norms[k]!)) return true;
  return false;
}

/** Whether a subgroup's noun ("children", "pregnant women", "persons with disabilities") follows a figure ending before `next`. */
export function countsSubgroup(tokens: readonly Token[], next: number, lex: Lexicon): boolean {
  for (let p = next; p <= next + MODIFIERS && p < tokens.length; p++) {
    const words: string[] = [];
    for (let k = p; k < p + LONGEST && k < tokens.length; k++) {
      // "d'un million d'enfants": the subgroup's noun may carry an elided "de".
      words.push(k === p ? tokens[k]!.norm.replace(/^d'/, '') : tokens[k]!.norm);
      if (lex.subgroups.has(words.join(' '))) return true;
    }
    if (tokens[p]!.kind !== 'word') return false;
  }
  return false;
}

/** Whether any trigger of the sentence names the group `f` profiles (for the learned linker's second chance). */
export function profilesAnyGroup(tokens: readonly Token[], f: Figure, triggers: readonly Trigger[], lex: Lexicon): boolean {
  const q = f.quantity;
  if (!countsSubgroup(tokens, q.next, lex)) return false;
  return triggers.some(
    (t) =>
      !t.entry.term.startsWith('block:') &&
      profilesNamedGroup(tokens, q.next, t, t.next <= q.lead ? 'before' : t.first >= q.next ? 'after' : 'adjacent', lex),
  );
}
