// Content fingerprints. contentHash is exact identity of the text once layout is ignored;
// simhash (Charikar 2002, as used for web pages by Manku, Jain & Das Sarma 2007) is a 64-bit
// fingerprint whose Hamming distance tracks how much two texts share, so a syndicated copy with
// a different headline, byline or footer lands a few bits away from the original.
import { createHash } from 'node:crypto';

/**
 * The text as compared: Unicode NFKC, lower case, every run of characters that are not letters
 * or digits replaced by one space. Layout, punctuation and case do not change the hash.
 */
export function normaliseForHash(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** SHA-256 (hex) of the normalised text. */
export function contentHash(text: string): string {
  return hashOfNormalised(normaliseForHash(text));
}

/** contentHash of a text already normalised (normaliseForHash). */
export function hashOfNormalised(normalised: string): string {
  return createHash('sha256').update(normalised, 'utf8').digest('hex');
}

/**
 * Words per shingle. Two-word windows: single words make different articles about one event
 * look alike (they share the vocabulary), three-word windows make a short article look new
 * after small edits (one changed word breaks three shingles).
 */
export const SHINGLE_WORDS = 2;

/** The distinct word shingles of a text (after normaliseForHash). */
export function shingles(text: string): Set<string> {
  const words = normaliseForHash(text)
    .split(' ')
    .filter((w) => w !== '');
  const out = new Set<string>();
  const n = Math.max(words.length > 0 ? 1 : 0, words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < n; i++) out.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return out;
}

/** FNV-1a over UTF-16 code units: a fast 32-bit hash for words (not for security). */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: spreads every input bit over the whole 32-bit word. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * 64-bit simhash of the text's two-word shingles, each weighted by how often it occurs.
 * A one-word text hashes its word. Returns 0n for a text without letters or digits.
 */
export function simhash(text: string): bigint {
  return simhashOfNormalised(normaliseForHash(text));
}

/** simhash of a text already normalised (normaliseForHash). */
export function simhashOfNormalised(normalised: string): bigint {
  const words = normalised.split(' ').filter((w) => w !== '');
  if (words.length === 0) return 0n;
  // Each word is hashed once; a shingle's two 32-bit halves mix its words' hashes with
  // different constants, so the 64 bits behave as independent coin flips.
  const wordHash = new Map<string, number>();
  const hashes = words.map((w) => {
    let h = wordHash.get(w);
    if (h === undefined) wordHash.set(w, (h = fnv1a(w)));
    return h;
  });
  // A shingle met k times adds its bits k times: counted per occurrence, no table of shingles.
  // ones[b]: the occurrences whose bit b is set; the bit is kept when more than half have it.
  const ones = new Int32Array(64);
  const n = Math.max(1, words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < n; i++) {
    let lo = 0x9e3779b9;
    let hi = 0x7f4a7c15;
    for (let k = i; k < Math.min(i + SHINGLE_WORDS, words.length); k++) {
      lo = fmix32(Math.imul(lo ^ hashes[k]!, 0xcc9e2d51) + 0xe6546b64);
      hi = fmix32(Math.imul(hi + hashes[k]!, 0x1b873593) ^ 0x85ebca6b);
    }
    for (let bit = 0; bit < 32; bit++) {
      ones[bit] = ones[bit]! + ((lo >>> bit) & 1);
      ones[bit + 32] = ones[bit + 32]! + ((hi >>> bit) & 1);
    }
  }
  let low = 0;
  let high = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (2 * ones[bit]! > n) low |= 1 << bit;
    if (2 * ones[bit + 32]! > n) high |= 1 << bit;
  }
  return (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
}

/** simhash as 16 lower-case hex digits (for storage in a text column). */
export function simhashHex(text: string): string {
  return simhash(text).toString(16).padStart(16, '0');
}

/** Set bits in a 32-bit integer. */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

const HEX16 = /^[0-9a-f]{16}$/i;

/** Number of differing bits between two 64-bit fingerprints (bigint or 16-digit hex). */
export function hammingDistance(a: bigint | string, b: bigint | string): number {
  // Two stored hex fingerprints (the dedup lookup compares thousands): 32 bits at a time.
  if (typeof a === 'string' && typeof b === 'string' && HEX16.test(a) && HEX16.test(b))
    return (
      popcount32((parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) >>> 0) +
      popcount32((parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16)) >>> 0)
    );
  let x = BigInt.asUintN(
    64,
    (typeof a === 'string' ? BigInt(`0x${a}`) : a) ^ (typeof b === 'string' ? BigInt(`0x${b}`) : b),
  );
  let n = 0;
  while (x !== 0n) {
    x &= x - 1n;
    n++;
  }
  return n;
}
