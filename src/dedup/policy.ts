// The dedup policy of the ingest path in one place: what fingerprint a text gets, which
// stored texts are candidates, and when two texts are the same report. A copy is an exact
// content-hash match, or a near duplicate: a SimHash within SIMHASH_CANDIDATE_MAX_DISTANCE,
// confirmed by word-pair Jaccard, and stating the same figures (bulletins that differ only in
// their numbers are different reports).
import { hashOfNormalised, normaliseForHash, popcount32, simhashOfNormalised } from './hash.js';
import { isNearDuplicate, SIMHASH_CANDIDATE_MAX_DISTANCE } from './nearDuplicate.js';

/** Below this many words, only exact copies (same content hash) count as duplicates. */
export const MIN_WORDS_FOR_NEAR_DUPLICATE = 20;
/**
 * Near-duplicate lookup. Any stored original whose SimHash shares one of four 16-bit bands is
 * a candidate (by pigeonhole, that finds every copy within 3 bits, at any age); the most
 * recent RECENT_WINDOW originals are all candidates (so copies within the full distance are
 * found among recent articles, which is where syndicated copies land).
 */
export const MAX_SIMHASH_CANDIDATES = 200;
export const RECENT_WINDOW = 2000;
/** Texts compared per new document, closest SimHash first (templated bulletins can all be "close"). */
export const MAX_TEXT_COMPARISONS = 8;

export type SimhashBands = [number, number, number, number];

export interface Fingerprint {
  hash: string;
  /** 64-bit SimHash as 16 hex digits, or null when the text is too short to compare. */
  simhash: string | null;
  bands: SimhashBands | null;
}

/** A stored original's SimHash; `halves` (its two 32-bit halves) when the index keeps them parsed. */
export interface SimhashRow {
  id: number;
  simhash: string;
  halves?: [number, number];
}

/** The two 32-bit halves of a 16-digit hex SimHash. */
export function simhashHalves(hex: string): [number, number] {
  return [parseInt(hex.slice(0, 8), 16), parseInt(hex.slice(8), 16)];
}

/** What the policy needs from the store of originals. */
export interface OriginalsIndex {
  findByHash(hash: string): Promise<{ id: number } | null>;
  simhashCandidates(bands: SimhashBands, limit: number): Promise<SimhashRow[]>;
  recentSimhashes(limit: number): Promise<SimhashRow[]>;
  texts(ids: number[]): Promise<Map<number, string>>;
  /** figuresOf(text).join(' '), kept for texts met again (optional). */
  figuresOf?(text: string): string;
  /** figuresOf(text).join(' ') of a stored original's text, when the index knows it without
   * reading the text (optional). */
  figuresOfId?(id: number): string | undefined;
}

/** The numbers a text states, in order ("1,200" and "1200" alike). */
export function figuresOf(text: string): string[] {
  return (text.match(/\d[\d,.]*/g) ?? []).map((n) => n.replace(/[,.](?=\d{3}\b)/g, '').replace(/[,.]$/, ''));
}

export function simhashBands(h: bigint): SimhashBands {
  return [0, 1, 2, 3].map((i) => Number((h >> BigInt(48 - 16 * i)) & 0xffffn)) as SimhashBands;
}

export function fingerprint(text: string): Fingerprint {
  // The text normalised once for its hash, its word count and its SimHash.
  const normalised = normaliseForHash(text);
  const hash = hashOfNormalised(normalised);
  const words = normalised === '' ? 0 : normalised.split(' ').length;
  if (words < MIN_WORDS_FOR_NEAR_DUPLICATE) return { hash, simhash: null, bands: null };
  const sim = simhashOfNormalised(normalised);
  return { hash, simhash: sim.toString(16).padStart(16, '0'), bands: simhashBands(sim) };
}

/** A fingerprint as the article row stores it: the hash, the SimHash and its four indexed bands. */
export function fingerprintColumns(fp: Fingerprint) {
  return {
    content_hash: fp.hash,
    simhash: fp.simhash,
    sh0: fp.bands?.[0] ?? null,
    sh1: fp.bands?.[1] ?? null,
    sh2: fp.bands?.[2] ?? null,
    sh3: fp.bands?.[3] ?? null,
  };
}

/** The exact test on two texts: the same article give or take small edits, with the same figures. */
export function isSameReport(a: string, b: string): boolean {
  return figuresOf(a).join(' ') === figuresOf(b).join(' ') && isNearDuplicate(a, b);
}

/** The stored original this text copies, or null when it is new. */
export async function findOriginal(
  index: OriginalsIndex,
  text: string,
  fp: Fingerprint,
): Promise<number | null> {
  const exact = await index.findByHash(fp.hash);
  if (exact) return exact.id;
  if (fp.simhash === null || fp.bands === null) return null;
  // Thousands of stored 16-digit hex SimHashes per document: compared 32 bits at a time, each
  // within the distance put in its distance's bucket (a row in both lists lands there twice).
  const [hi, lo] = simhashHalves(fp.simhash);
  const byDistance: number[][] = Array.from({ length: SIMHASH_CANDIDATE_MAX_DISTANCE + 1 }, () => []);
  let found = false;
  const near = (rows: SimhashRow[]) => {
    for (const c of rows) {
      const [chi, clo] = c.halves ?? simhashHalves(c.simhash);
      const d = popcount32((hi ^ chi) >>> 0) + popcount32((lo ^ clo) >>> 0);
      if (d <= SIMHASH_CANDIDATE_MAX_DISTANCE) {
        byDistance[d]!.push(c.id);
        found = true;
      }
    }
  };
  near(await index.simhashCandidates(fp.bands, MAX_SIMHASH_CANDIDATES));
  near(await index.recentSimhashes(RECENT_WINDOW));
  if (!found) return null;
  // The closest few, by distance then id: by distance first, so only the nearest ones are sorted.
  const closest: number[] = [];
  for (const ids of byDistance) {
    if (closest.length >= MAX_TEXT_COMPARISONS) break;
    ids.sort((a, b) => a - b);
    for (let k = 0; k < ids.length && closest.length < MAX_TEXT_COMPARISONS; k++)
      if (k === 0 || ids[k] !== ids[k - 1]) closest.push(ids[k]!);
  }
  // A text whose figures the index knows is read only when they are this text's: the others
  // cannot be the same report (isSameReport compares the figures first).
  let figures: string | undefined;
  const toRead = index.figuresOfId
    ? closest.filter((id) => {
        const known = index.figuresOfId!(id);
        if (known === undefined) return true;
        figures ??= figuresOf(text).join(' ');
        return known === figures;
      })
    : closest;
  const texts = await index.texts(toRead);
  for (const id of closest) {
    const other = texts.get(id);
    if (other === undefined) continue;
    // isSameReport(text, other), with this text's figures read once (and the other's once per
    // index, when it keeps them).
    figures ??= figuresOf(text).join(' ');
    const otherFigures = index.figuresOf ? index.figuresOf(other) : figuresOf(other).join(' ');
    if (otherFigures === figures && isNearDuplicate(text, other)) return id;
  }
  return null;
}
