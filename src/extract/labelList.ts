// A label governs the list after its colon: "Homes destroyed: 310 in the north, 95 on the coast",
// "Evacuated: 1,200 families (5,400 persons) in A; 800 families (3,100 persons) in B". Report
// key-figure boxes and bulleted lists write the term once for several figures, in any verb form,
// so the label reaches across the list's separators and its other figures; only the words of
// the figure's own item cost anything. A full stop, a clause break or a new label ends the list.
import { BLOCKED, type GapContext, gapCost } from './gap.js';
import type { Trigger } from './term/triggers.js';

/** Label markers: a colon, a table bar, an equals sign. */
const MARKERS = new Set([':', '|', '=']);
/** How far, in tokens, a label reaches into its list. */
export const LABEL_REACH = 60;
/** What each item crossed costs. */
const ITEM_COST = 0.15;

/**
 * Dashes that mark a label only standing apart and with a figure at once after: "Inside 37 ECs -
 * 2,399 families"; a dash glued to the word before bullets the next item ("were affected- 51 people").
 */
const DASH_MARKERS = new Set(['-', '–', '—']);

export function isLabel(ctx: GapContext, r: Trigger): boolean {
  const t = ctx.tokens[r.next];
  const marker = t?.text ?? '';
  if (MARKERS.has(marker)) return true;
  const apart = !!t && t.start > (ctx.tokens[r.next - 1]?.end ?? t.start);
  return apart && DASH_MARKERS.has(marker) && ctx.tokens[r.next + 1]?.kind === 'number';
}

/** The cost of reaching the figure at `lead` from label `r`, or BLOCKED. */
export function labelCost(
  ctx: GapContext,
  r: Trigger,
  lead: number,
  restatement: ReadonlySet<number>,
): number {
  const { tokens, lex } = ctx;
  if (lead - r.next > LABEL_REACH) return BLOCKED;
  let itemStart = r.next + 1;
  let items = 0;
  let depth = 0;
  for (let k = r.next + 1; k < lead; k++) {
    const t = tokens[k]!;
    if (t.text === '(' || t.text === '[') depth++;
    else if (t.text === ')' || t.text === ']') depth = Math.max(0, depth - 1);
    else if (t.text === '.' || MARKERS.has(t.text)) return BLOCKED;
    else if (depth === 0 && (t.text === ';' || t.text === ',')) {
      items++;
      itemStart = k + 1;
    } else if (lex.clauseBreaks.has(t.norm)) return BLOCKED;
  }
  // Only the figure's own item is read word by word (its place, its restated figure).
  const own = gapCost(ctx, itemStart, lead, 'before', restatement);
  return own === BLOCKED ? BLOCKED : own + ITEM_COST * items;
}
