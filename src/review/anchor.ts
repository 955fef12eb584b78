// Naming a reviewed figure so the review finds it again after the article is extracted anew
// (fact ids change; the article, the quantity's place and words do not), and in syndicated
// copies (the same sentence with the same figure in another article).
import { sentenceKey } from '../claims/independence.js';
import { stableId } from '../claims/stableId.js';
import type { FactAnchor } from './types.js';

/** The fields of a stored fact the anchor is made from. */
export interface AnchorSource {
  id: number;
  article_id: number;
  term: string;
  figure: number | null;
  vague: string | null;
  span_start: number;
  quantity_start: number;
  quantity_end: number;
  evidence: string;
}

/** The sentence (case, punctuation and spacing folded) and the figure: equal in a copy. */
export function quoteKey(evidence: string, figure: number | null, vague: string | null): string {
  return stableId('q', `${sentenceKey(evidence)}|${figure ?? vague ?? ''}`);
}

export function anchorOf(f: AnchorSource): FactAnchor {
  const from = f.quantity_start - f.span_start;
  const quantity =
    from >= 0 && f.quantity_end - f.span_start <= f.evidence.length
      ? f.evidence.slice(from, f.quantity_end - f.span_start)
      : '';
  return {
    articleId: f.article_id,
    quantityStart: f.quantity_start,
    quantityEnd: f.quantity_end,
    quantity,
    term: f.term,
    figure: f.figure,
    vague: f.vague,
    quoteKey: quoteKey(f.evidence, f.figure, f.vague),
  };
}

/** Where a fact's quantity is: what anchors are matched against. */
export interface QuantityAt {
  id: number;
  articleId: number;
  quantityStart: number;
  quantityEnd: number;
  /** The term the extractor gave (before any correction). */
  term: string;
}

const overlap = (a: FactAnchor, f: QuantityAt) =>
  Math.min(a.quantityEnd, f.quantityEnd) - Math.max(a.quantityStart, f.quantityStart);

/**
 * The fact of the anchor's article that the anchor names, or null: its quantity must overlap
 * the anchored one (a newer extractor may read "up to 40,000" where the old one read
 * "40,000"); among several (one quantity, two terms) the same term wins, then the largest
 * overlap, then the same start.
 */
export function matchAnchor(anchor: FactAnchor, facts: readonly QuantityAt[]): number | null {
  let best: QuantityAt | null = null;
  let bestScore: [number, number, number] = [-1, -1, -1];
  for (const f of facts) {
    if (f.articleId !== anchor.articleId) continue;
    const o = overlap(anchor, f);
    if (o <= 0) continue;
    const score: [number, number, number] = [
      f.term === anchor.term ? 1 : 0,
      o,
      f.quantityStart === anchor.quantityStart ? 1 : 0,
    ];
    if (
      score[0] > bestScore[0] ||
      (score[0] === bestScore[0] && score[1] > bestScore[1]) ||
      (score[0] === bestScore[0] && score[1] === bestScore[1] && score[2] > bestScore[2])
    ) {
      best = f;
      bestScore = score;
    }
  }
  return best?.id ?? null;
}
