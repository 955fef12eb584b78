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
  return createHash('sha256').update(normaliseForHash(text), 'utf8').digest('hex');
}

/**
 * Words per shingle. Two-word windows separated near-duplicates from unrelated texts best on
 * our calibration texts (news-length, 150–300 words; see neardup.test.ts): one changed sentence,
 * an added dateline and footer, or a dropped last paragraph moved the hash 4–10 bits, unrelated
 * articles 30+ bits. Single words blurred the two (different articles on one event came within
 * 14 bits); three-word windows let a dateline and footer move a short article 12 bits.
 */
export const SHINGLE_WORDS = 2;

function hash64(s: string): bigint {
  return createHash('md5').update(s, 'utf8').digest().readBigUInt64BE(0);
}

/**
 * 64-bit simhash of the text's two-word shingles, each weighted by how often it occurs.
 * A one-word text hashes its word. Returns 0n for empty text.
 */
export function simhash(text: string): bigint {
  const words = normaliseForHash(text)
    .split(' ')
    .filter((w) => w !== '');
  if (words.length === 0) return 0n;
  const counts = new Map<string, number>();
  if (words.length < SHINGLE_WORDS) for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  else {
    for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
      const s = words.slice(i, i + SHINGLE_WORDS).join(' ');
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
  }
  const v = new Float64Array(64);
  for (const [shingle, weight] of counts) {
    const h = hash64(shingle);
    // Split into two 32-bit halves: Number bit operations are much faster than BigInt ones.
    const hi = Number(h >> 32n);
    const lo = Number(h & 0xffffffffn);
    for (let bit = 0; bit < 32; bit++) {
      v[bit] = v[bit]! + ((lo >>> bit) & 1 ? weight : -weight);
      v[bit + 32] = v[bit + 32]! + ((hi >>> bit) & 1 ? weight : -weight);
    }
  }
  let out = 0n;
  for (let bit = 63; bit >= 0; bit--) out = (out << 1n) | (v[bit]! > 0 ? 1n : 0n);
  return out;
}

/** simhash as 16 lower-case hex digits (for storage in a text column). */
export function simhashHex(text: string): string {
  return simhash(text).toString(16).padStart(16, '0');
}

/** Number of differing bits between two 64-bit fingerprints (bigint or 16-digit hex). */
export function hammingDistance(a: bigint | string, b: bigint | string): number {
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
