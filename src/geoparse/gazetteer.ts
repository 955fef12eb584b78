// The gazetteer behind an interface: the geoparser asks it for the entries a normalised name
// may refer to (candidate retrieval) and never sees how they are stored. The default one is
// the index built by scripts/build-gazetteer.mjs from GeoNames cities500 and friends; tests use a
// tiny TSV of their own (see fixtures/).
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { DmonError } from '../errors.js';
import { normalizeName } from './normalize.js';

export type PlaceKind = 'country' | 'admin1' | 'admin2' | 'city' | 'region' | 'continent';

export interface GazetteerEntry {
  /** GeoNames id; negative for entries that GeoNames does not have (hand-written regions, US counties). */
  id: number;
  kind: PlaceKind;
  /** GeoNames feature code (PPL, PPLA, PPLC, ADM1, ADM2, PCLI, CONT, RGN). */
  featureCode: string;
  name: string;
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2, '' when the entry spans several countries. */
  country: string;
  /** GeoNames admin1 code within the country ('' when none). */
  admin1: string;
  population: number;
}

export interface Gazetteer {
  readonly size: number;
  /** Every entry one of whose names normalises to `key` (see normalizeName). */
  lookup(key: string): readonly GazetteerEntry[];
  /** Whether some name begins with this normalised word: prunes span enumeration. */
  startsName(word: string): boolean;
  /** The longest name, in words. */
  readonly maxWords: number;
  /** Whether `key` is the entry's own name (not one of its alternates). */
  isPrimaryName(entry: GazetteerEntry, key: string): boolean;
  admin1(country: string, code: string): GazetteerEntry | undefined;
  country(iso2: string): GazetteerEntry | undefined;
}

const KINDS: Record<string, PlaceKind> = {
  C: 'country',
  A: 'admin1',
  B: 'admin2',
  P: 'city',
  R: 'region',
  K: 'continent',
};

/** Builds an in-memory gazetteer from entries and their alternate names (for tests and tools). */
export function createGazetteer(
  items: Iterable<{ entry: GazetteerEntry; alternates?: readonly string[] }>,
): Gazetteer {
  const keyed: { entry: GazetteerEntry; keys: string[] }[] = [];
  for (const { entry, alternates } of items)
    keyed.push({ entry, keys: [normalizeName(entry.name), ...(alternates ?? []).map(normalizeName)] });
  return fromKeys(keyed);
}

/** Builds the gazetteer from entries whose names are already normalised (keys[0] = own name). */
function fromKeys(items: readonly { entry: GazetteerEntry; keys: readonly string[] }[]): Gazetteer {
  const entries: GazetteerEntry[] = [];
  const primary: string[] = [];
  const indexOf = new Map<GazetteerEntry, number>();
  const byName = new Map<string, number | number[]>();
  const firstWords = new Set<string>();
  const admin1 = new Map<string, GazetteerEntry>();
  const country = new Map<string, GazetteerEntry>();
  let maxWords = 1;
  const add = (key: string, idx: number): void => {
    if (!key) return;
    const cur = byName.get(key);
    if (cur === undefined) byName.set(key, idx);
    else if (typeof cur === 'number') {
      if (cur !== idx) byName.set(key, [cur, idx]);
    } else if (cur[cur.length - 1] !== idx) cur.push(idx);
    const sp = key.indexOf(' ');
    firstWords.add(sp < 0 ? key : key.slice(0, sp));
    let words = 1;
    for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) words++;
    if (words > maxWords) maxWords = words;
  };
  for (const { entry, keys } of items) {
    const idx = entries.length;
    entries.push(entry);
    indexOf.set(entry, idx);
    primary.push(keys[0] ?? '');
    for (const key of keys) add(key, idx);
    if (entry.kind === 'admin1') admin1.set(`${entry.country}.${entry.admin1}`, entry);
    if (entry.kind === 'country') country.set(entry.country, entry);
  }
  const none: readonly GazetteerEntry[] = [];
  return {
    size: entries.length,
    maxWords,
    lookup(key) {
      const hit = byName.get(key);
      if (hit === undefined) return none;
      if (typeof hit === 'number') return [entries[hit] as GazetteerEntry];
      return hit.map((i) => entries[i] as GazetteerEntry);
    },
    startsName: (word) => firstWords.has(word),
    isPrimaryName(entry, key) {
      const idx = indexOf.get(entry);
      return idx !== undefined && primary[idx] === key;
    },
    admin1: (cc, code) => admin1.get(`${cc}.${code}`),
    country: (cc) => country.get(cc),
  };
}

/**
 * A gazetteer over the built index (scripts/build-gazetteer.mjs, format v2): a header, one line per
 * entry, '#keys', then one line per normalised name with the indexes of the entries it names,
 * sorted by UTF-16 code units. The index stays as the UTF-8 bytes it was read as (off the
 * JavaScript heap, half the size of a string of it), with the offset of every line in typed
 * arrays: loading only finds line ends; names are found by binary search and entry lines are
 * decoded when first looked up, so start-up stays fast and memory small.
 */
export function parseGazetteerIndex(data: string | Uint8Array, source = 'gazetteer'): Gazetteer {
  const bad = (what: string): DmonError =>
    new DmonError(
      'CONFIG_INVALID',
      `${source}: ${what}; rebuild the index with node scripts/build-gazetteer.mjs.`,
    );
  const buf =
    typeof data === 'string'
      ? Buffer.from(data, 'utf8')
      : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const NL = 10;
  const TAB = 9;
  const headerEnd = buf.indexOf(NL);
  const header = buf.toString('utf8', 0, headerEnd < 0 ? Math.min(buf.length, 200) : headerEnd);
  const m = /^# dmon-gazetteer v2 entries=(\d+) keys=(\d+) maxWords=(\d+)/.exec(header);
  if (!m) throw bad('not a dmon gazetteer index (v2)');
  const nEntries = Number(m[1]);
  const nKeys = Number(m[2]);
  /** Start offsets of `count` lines from `pos`, and the end of the last (its newline, or the end). */
  const lineStarts = (pos: number, count: number): { starts: Int32Array; next: number } | null => {
    const starts = new Int32Array(count + 1);
    for (let i = 0; i < count; i++) {
      if (pos >= buf.length) return null;
      starts[i] = pos;
      const nl = buf.indexOf(NL, pos);
      pos = nl < 0 ? buf.length + 1 : nl + 1;
    }
    starts[count] = pos;
    return { starts, next: pos };
  };
  const afterComment = buf.indexOf(NL, headerEnd + 1) + 1;
  const entryLines = afterComment > 0 ? lineStarts(afterComment, nEntries) : null;
  const marker = entryLines ? entryLines.next : -1;
  if (!entryLines || buf.toString('latin1', marker, marker + 6).replace(/\n$/, '') !== '#keys')
    throw bad('the entry count does not match the header');
  const keyLines = lineStarts(buf.indexOf(NL, marker) + 1, nKeys);
  if (!keyLines || buf.indexOf(NL, marker) < 0) throw bad('the key count does not match the header');
  /** The text of line i of a table, without its newline. */
  const lineOf = (starts: Int32Array, i: number): string =>
    buf.toString('utf8', starts[i] as number, (starts[i + 1] as number) - 1);
  const parsed = new Map<number, { entry: GazetteerEntry; key: string }>();
  const entryAt = (i: number): { entry: GazetteerEntry; key: string } => {
    let e = parsed.get(i);
    if (e) return e;
    const f = (i < nEntries ? lineOf(entryLines.starts, i) : '').split('\t');
    const kind = KINDS[f[1] ?? ''];
    const lat = Number(f[4]);
    const lon = Number(f[5]);
    if (f.length < 10 || !kind || !Number.isFinite(lat) || !Number.isFinite(lon))
      throw bad(`malformed entry line ${3 + i}`);
    e = {
      entry: {
        id: Number(f[0]),
        kind,
        featureCode: f[2] ?? '',
        name: f[3] ?? '',
        lat,
        lon,
        country: f[6] ?? '',
        admin1: f[7] ?? '',
        population: Number(f[8]) || 0,
      },
      key: f[9] ?? '',
    };
    parsed.set(i, e);
    primaryKey.set(e.entry, e.key);
    return e;
  };
  /** Each decoded entry's own normalised name. */
  const primaryKey = new Map<GazetteerEntry, string>();
  const keyStarts = keyLines.starts;
  /** Where key line i's tab is (the line's end when it has none). */
  const tabOf = (i: number): number => {
    const end = (keyStarts[i + 1] as number) - 1;
    const t = buf.indexOf(TAB, keyStarts[i] as number);
    return t < 0 || t > end ? end : t;
  };
  // Keys are compared as strings, in UTF-16 order like the file; past the end there is ''.
  const keyOf = (i: number): string =>
    i < nKeys ? buf.toString('utf8', keyStarts[i] as number, tabOf(i)) : '';
  /** The first key index whose key is >= k. */
  const lowerBound = (k: string): number => {
    let lo = 0;
    let hi = nKeys;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keyOf(mid) < k) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const byName = new Map<string, readonly GazetteerEntry[]>();
  const none: readonly GazetteerEntry[] = [];
  const lookup = (key: string): readonly GazetteerEntry[] => {
    const cached = byName.get(key);
    if (cached) return cached;
    const i = lowerBound(key);
    let result = none;
    if (i < nKeys && keyOf(i) === key) {
      result = buf
        .toString('latin1', tabOf(i) + 1, (keyStarts[i + 1] as number) - 1)
        .split(',')
        .map((x) => entryAt(Number(x)).entry);
    }
    if (byName.size > 50_000) byName.clear();
    byName.set(key, result);
    return result;
  };
  const starts = new Map<string, boolean>();
  // Countries and admin1 areas are few: index them up front.
  const admin1 = new Map<string, GazetteerEntry>();
  const country = new Map<string, GazetteerEntry>();
  for (let i = 0; i < nEntries; i++) {
    const k = buf[buf.indexOf(TAB, entryLines.starts[i] as number) + 1];
    if (k === 65 /* A */ || k === 67 /* C */) {
      const { entry } = entryAt(i);
      if (entry.kind === 'admin1') admin1.set(`${entry.country}.${entry.admin1}`, entry);
      else country.set(entry.country, entry);
    }
  }
  return {
    size: nEntries,
    maxWords: Number(m[3]),
    lookup,
    startsName(word) {
      let r = starts.get(word);
      if (r === undefined) {
        const prefix = word + ' ';
        const j = lowerBound(prefix);
        r = keyOf(lowerBound(word)) === word || (j < nKeys && keyOf(j).startsWith(prefix));
        if (starts.size > 50_000) starts.clear();
        starts.set(word, r);
      }
      return r;
    },
    isPrimaryName: (entry, key) => primaryKey.get(entry) === key,
    admin1: (cc, code) => admin1.get(`${cc}.${code}`),
    country: (cc) => country.get(cc),
  };
}

export const DEFAULT_GAZETTEER_PATH = fileURLToPath(
  new URL('../../data/gazetteer/gazetteer.tsv.gz', import.meta.url),
);

/** Reads a gazetteer index file (.tsv.gz, or .tsv). */
export function readGazetteer(path: string = DEFAULT_GAZETTEER_PATH): Gazetteer {
  if (!existsSync(path))
    throw new DmonError(
      'CONFIG_INVALID',
      `The gazetteer index ${path} is missing; build it with node scripts/build-gazetteer.mjs.`,
    );
  const raw = readFileSync(path);
  return parseGazetteerIndex(path.endsWith('.gz') ? gunzipSync(raw) : raw, path);
}

let cached: Gazetteer | null = null;

/** The default gazetteer, loaded once and cached for the life of the process. */
export function loadGazetteer(): Gazetteer {
  cached ??= readGazetteer();
  return cached;
}
