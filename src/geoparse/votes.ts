// Votes for countries or states, kept per sense (one normalised name) so that a sense can be
// left out of its own context: "Alexandria" must not vote for Egypt and then win because Egypt
// is in the document.
export class Votes {
  private readonly total = new Map<string, number>();
  private readonly bySense = new Map<string, Map<string, number>>();
  private sum = 0;
  private readonly ownSums = new Map<string, number>();

  add(sense: string, k: string, w: number): void {
    if (!k || w <= 0) return;
    this.total.set(k, (this.total.get(k) ?? 0) + w);
    let own = this.bySense.get(sense);
    if (!own) this.bySense.set(sense, (own = new Map()));
    own.set(k, (own.get(k) ?? 0) + w);
    this.sum += w;
    this.ownSums.delete(sense);
  }

  /** The votes for k from every sense but `sense`. */
  weight(sense: string, k: string): number {
    return (this.total.get(k) ?? 0) - (this.bySense.get(sense)?.get(k) ?? 0);
  }

  /** The strongest key among the votes of every sense but `sense`: its share and the votes'
   * total weight (0 when no other sense votes). */
  leader(sense: string): { key: string; share: number; weight: number } | null {
    const own = this.bySense.get(sense);
    let best: string | null = null;
    let bestW = 0;
    let rest = 0;
    for (const [k, w] of this.total) {
      const v = w - (own?.get(k) ?? 0);
      rest += v;
      if (v > bestW + 1e-9) [best, bestW] = [k, v];
    }
    return best && rest > 1e-9 ? { key: best, share: bestW / rest, weight: rest } : null;
  }

  /** k's share of the votes of every sense but `sense`. */
  share(sense: string, k: string): number {
    let ownSum = this.ownSums.get(sense);
    if (ownSum === undefined) {
      ownSum = 0;
      for (const v of this.bySense.get(sense)?.values() ?? []) ownSum += v;
      this.ownSums.set(sense, ownSum);
    }
    const rest = this.sum - ownSum;
    return rest > 1e-9 ? this.weight(sense, k) / rest : 0;
  }
}

/** Weights scaled to sum to 1, strongest first (empty when there is no weight). */
export function normalise(m: Map<string, number>): Map<string, number> {
  let total = 0;
  for (const v of m.values()) total += v;
  const out = new Map<string, number>();
  if (total <= 0) return out;
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1])) out.set(k, v / total);
  return out;
}
