// A word trie over lexicon phrases. At each word it takes the longest phrase that matches and
// skips the words it covers, so "animal shelter" or "home games" hide the "shelter" and "home"
// inside them. A pattern word ending in "*" matches any word that starts with it.
import { fold, words, type Word } from './words.js';

export interface Hit<T> {
  /** The payloads of the matched phrase (one phrase can belong to several groups). */
  values: readonly T[];
  /** The lexicon phrase as written. */
  phrase: string;
  /** Index of the first and one past the last matched word. */
  from: number;
  to: number;
  start: number;
  end: number;
}

interface Node<T> {
  next: Map<string, Node<T>>;
  prefixes: Array<[string, Node<T>]>;
  values: T[] | null;
  phrase: string | null;
}

const node = <T>(): Node<T> => ({ next: new Map(), prefixes: [], values: null, phrase: null });

/**
 * Every word that opens a phrase of any matcher, numbered. A text's words are looked up here
 * once (`firstWordIds`) and each matcher reads its first step from an array by that number: the
 * classifier runs four matchers over the same words, and four string lookups a word cost more
 * than all the rest of matching. It holds lexicon words only, never a text's.
 */
const firstWords = new Map<string, number>();

/** Each word's number in `firstWords`, -1 for a word that opens no phrase. */
export function firstWordIds(ws: readonly Word[]): Int32Array {
  const ids = new Int32Array(ws.length);
  for (let i = 0; i < ws.length; i++) ids[i] = firstWords.get((ws[i] as Word).norm) ?? -1;
  return ids;
}

export class PhraseMatcher<T> {
  private readonly root: Node<T> = node<T>();
  /** The root's exact-word children by their number in `firstWords`. */
  private readonly rootById: Array<Node<T> | undefined> = [];
  private size = 0;

  /** Adds a phrase; a phrase added twice keeps every payload. */
  add(phrase: string, value: T): void {
    const parts = patternWords(phrase);
    if (parts.length === 0) return;
    let at = this.root;
    for (const part of parts) {
      if (part.endsWith('*')) {
        const prefix = part.slice(0, -1);
        let found = at.prefixes.find(([p]) => p === prefix)?.[1];
        if (!found) {
          found = node<T>();
          at.prefixes.push([prefix, found]);
        }
        at = found;
      } else {
        let found = at.next.get(part);
        if (!found) {
          found = node<T>();
          at.next.set(part, found);
          if (at === this.root) {
            let id = firstWords.get(part);
            if (id === undefined) firstWords.set(part, (id = firstWords.size));
            this.rootById[id] = found;
          }
        }
        at = found;
      }
    }
    if (!at.values) {
      at.values = [];
      at.phrase = phrase;
      this.size++;
    }
    at.values.push(value);
  }

  get phrases(): number {
    return this.size;
  }

  /** Longest-first, non-overlapping matches over pre-split words; `ids` from `firstWordIds(ws)`. */
  matchWords(ws: readonly Word[], ids: Int32Array = firstWordIds(ws)): Hit<T>[] {
    const hits: Hit<T>[] = [];
    let i = 0;
    while (i < ws.length) {
      const best = this.longestAt(ws, ids, i);
      if (best) {
        const first = ws[i] as Word;
        const last = ws[best.to - 1] as Word;
        hits.push({
          values: best.node.values as T[],
          phrase: best.node.phrase as string,
          from: i,
          to: best.to,
          start: first.start,
          end: last.end,
        });
        i = best.to;
      } else i++;
    }
    return hits;
  }

  match(text: string): Hit<T>[] {
    return this.matchWords(words(text));
  }

  // The best match found by the current walk (the walk is synchronous and not re-entrant).
  private bestNode: Node<T> | null = null;
  private bestTo = 0;

  private longestAt(ws: readonly Word[], ids: Int32Array, i: number): { node: Node<T>; to: number } | null {
    this.bestNode = null;
    this.bestTo = i;
    // The root's step of walk(), its exact child found by number.
    const id = ids[i] as number;
    const exact = id >= 0 ? this.rootById[id] : undefined;
    if (exact) this.reach(exact, ws, i + 1);
    const norm = (ws[i] as Word).norm;
    for (const [prefix, child] of this.root.prefixes) if (norm.startsWith(prefix)) this.reach(child, ws, i + 1);
    return this.bestNode ? { node: this.bestNode, to: this.bestTo } : null;
  }

  /** Depth-first over the branches that exact words and prefixes open; an exact word wins ties. */
  private walk(at: Node<T>, ws: readonly Word[], j: number): void {
    const w = ws[j];
    if (!w) return;
    const exact = at.next.get(w.norm);
    if (exact) this.reach(exact, ws, j + 1);
    for (const [prefix, child] of at.prefixes) if (w.norm.startsWith(prefix)) this.reach(child, ws, j + 1);
  }

  private reach(node: Node<T>, ws: readonly Word[], to: number): void {
    if (node.values && to > this.bestTo) {
      this.bestNode = node;
      this.bestTo = to;
    }
    if (node.next.size > 0 || node.prefixes.length > 0) this.walk(node, ws, to);
  }
}

/** The folded words of a lexicon pattern; a trailing "*" is kept on its word. */
export function patternWords(phrase: string): string[] {
  const out: string[] = [];
  for (const raw of phrase.trim().split(/[\s\-‐‑–—'’/]+/)) {
    if (raw === '') continue;
    const star = raw.endsWith('*');
    const body = words(star ? raw.slice(0, -1) : raw)
      .map((w) => w.norm)
      .join(' ');
    if (body === '') continue;
    const parts = body.split(' ');
    if (star) parts[parts.length - 1] += '*';
    out.push(...parts);
  }
  return out.map((p) => (p.endsWith('*') ? p : fold(p)));
}
