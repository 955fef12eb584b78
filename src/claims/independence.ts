// How many independent sources stand behind a set of facts. Two reports are one source when
// they come from the same article or a near-duplicate copy of it (the link the store keeps),
// from the same outlet, or carry the same sentence word for word (a wire story syndicated
// under another headline, too edited elsewhere to be a near-duplicate).
import { pushTo } from './groupBy.js';
import type { ClaimFact } from './types.js';

/** The evidence sentence with case, punctuation and spacing folded. */
export function sentenceKey(evidence: string): string {
  return evidence
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Groups facts into sources (union-find over shared article, outlet and sentence); returns
 * the groups, each in input order. */
export function sourceGroups(facts: readonly ClaimFact[]): ClaimFact[][] {
  // One report is one source (most claims of a store have a single fact).
  if (facts.length < 2) return facts.length ? [[facts[0]!]] : [];
  const parent = facts.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const firstByKey = new Map<string, number>();
  facts.forEach((f, i) => {
    const keys = [`a:${f.originalArticleId ?? f.articleId}`, `s:${sentenceKey(f.evidence)}`];
    if (f.outlet) keys.push(`o:${f.outlet.toLowerCase()}`);
    for (const k of keys) {
      const j = firstByKey.get(k);
      if (j === undefined) firstByKey.set(k, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, ClaimFact[]>();
  facts.forEach((f, i) => {
    const root = find(i);
    pushTo(groups, root, f);
  });
  return [...groups.values()];
}

export function independentSources(facts: readonly ClaimFact[]): number {
  return sourceGroups(facts).length;
}

/** Every report behind the facts: one per distinct article, plus its stored copies. */
export function reportCount(facts: readonly ClaimFact[]): number {
  const articles = new Map<number, number>();
  for (const f of facts) articles.set(f.articleId, f.copies);
  let n = 0;
  for (const copies of articles.values()) n += 1 + copies;
  return n;
}
