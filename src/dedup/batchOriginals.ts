// The originals index of one batch of documents stored in one transaction (`dmon import`, 100
// documents at a time). findOriginal asks, for every document, for the originals sharing one of
// its four SimHash bands and for the most recent RECENT_WINDOW originals: one query each per
// document. Here the band candidates of the whole batch come in one query, the recent window is
// read once, and each original the batch stores is added as it is stored, so every document
// sees exactly the rows its own queries would have returned inside the transaction (on SQLite
// the transaction holds the write lock, so nobody else adds originals meanwhile). The store
// stays the truth: the exact content hash is still looked up per document, and band values the
// batch did not load are asked of the store.
import {
  figuresOf,
  MAX_SIMHASH_CANDIDATES,
  simhashHalves,
  type Fingerprint,
  type OriginalsIndex,
  type SimhashBands,
  type SimhashRow,
} from './policy.js';

/** A stored original with its four SimHash bands. */
export interface BandedSimhashRow {
  id: number;
  simhash: string;
  bands: SimhashBands;
}

/** What the batch index reads from the store. */
export interface OriginalsSource extends OriginalsIndex {
  /**
   * Every original (not a duplicate, with a SimHash) whose band `i` is one of `values[i]`, for
   * any i, by id.
   */
  originalsSharingBands(values: number[][]): Promise<BandedSimhashRow[]>;
  /** For each content hash, the first original (lowest id) that has it. */
  firstOriginalsByHash(hashes: string[]): Promise<Map<string, number>>;
}

/** Documents whose bands one query loads (4 parameters each). */
const LOAD_CHUNK = 250;

/** Inserts `id` into the ascending list, unless it is there. */
function insertSorted(list: number[], id: number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo] !== id) list.splice(lo, 0, id);
}

export class BatchOriginals implements OriginalsIndex {
  /** Per band, for each loaded band value, the ids of the originals that have it, ascending. */
  private readonly byBand: Map<number, number[]>[] = [new Map(), new Map(), new Map(), new Map()];
  private readonly rows = new Map<number, SimhashRow>();
  private loaded = false;
  private recent: { limit: number; rows: SimhashRow[] } | null = null;
  private readonly textCache = new Map<number, string>();
  /** The figures of the texts compared, by text (a text met by several documents is read once). */
  private readonly figureCache = new Map<string, string>();
  /** The first original of each loaded content hash (null: none), the batch's own included. */
  private byHash: Map<string, number | null> | null = null;
  /** The figures of originals met in this batch (stored by it, or their text read), by id. */
  private readonly learned = new Map<number, string>();

  /**
   * `upcoming` gives the fingerprints of the documents still to be stored in the batch; it is
   * called once, at the first band lookup (a batch of documents already stored needs none).
   */
  constructor(
    private readonly source: OriginalsSource,
    private readonly upcoming: () => Fingerprint[],
    /** The figures of originals committed before this batch, by id (an article's text does not
     * change once it has a SimHash), as earlier batches of one import learned them. */
    private readonly known?: ReadonlyMap<number, string>,
  ) {}

  async findByHash(hash: string): Promise<{ id: number } | null> {
    if (!this.byHash) {
      const hashes = this.upcoming().map((fp) => fp.hash);
      const found = await this.source.firstOriginalsByHash(hashes);
      this.byHash = new Map(hashes.map((h) => [h, found.get(h) ?? null]));
    }
    const id = this.byHash.get(hash);
    if (id === undefined) return this.source.findByHash(hash);
    return id === null ? null : { id };
  }

  private async load(): Promise<void> {
    this.loaded = true;
    const bands = this.upcoming().flatMap((fp) => (fp.bands ? [fp.bands] : []));
    for (let i = 0; i < bands.length; i += LOAD_CHUNK) {
      const chunk = bands.slice(i, i + LOAD_CHUNK);
      const values = [0, 1, 2, 3].map((b) => [...new Set(chunk.map((v) => v[b]!))]);
      for (const [b, vs] of values.entries()) for (const v of vs) this.byBand[b]!.set(v, []);
      for (const r of await this.source.originalsSharingBands(values)) {
        if (this.rows.has(r.id)) continue;
        this.rows.set(r.id, { id: r.id, simhash: r.simhash, halves: simhashHalves(r.simhash) });
        for (let b = 0; b < 4; b++) this.byBand[b]!.get(r.bands[b]!)?.push(r.id);
      }
    }
    // Rows come by id, so each list is ascending already; a later chunk may add to a list.
    for (const m of this.byBand) for (const list of m.values()) list.sort((a, b) => a - b);
  }

  async simhashCandidates(bands: SimhashBands, limit: number): Promise<SimhashRow[]> {
    if (!this.loaded) await this.load();
    const lists = bands.map((v, b) => this.byBand[b]!.get(v));
    if (limit > MAX_SIMHASH_CANDIDATES || lists.some((l) => l === undefined))
      return this.source.simhashCandidates(bands, limit);
    // The first `limit` ids of the four ascending lists merged (each id once).
    const at = [0, 0, 0, 0];
    const out: SimhashRow[] = [];
    while (out.length < limit) {
      let next = Infinity;
      for (let b = 0; b < 4; b++) {
        const v = lists[b]![at[b]!];
        if (v !== undefined && v < next) next = v;
      }
      if (next === Infinity) break;
      for (let b = 0; b < 4; b++) if (lists[b]![at[b]!] === next) at[b]!++;
      out.push(this.rows.get(next)!);
    }
    return out;
  }

  async recentSimhashes(limit: number): Promise<SimhashRow[]> {
    if (!this.recent || this.recent.limit !== limit)
      this.recent = { limit, rows: await this.source.recentSimhashes(limit) };
    return this.recent.rows;
  }

  async texts(ids: number[]): Promise<Map<number, string>> {
    const missing = ids.filter((id) => !this.textCache.has(id));
    if (missing.length)
      for (const [id, text] of await this.source.texts(missing)) {
        this.textCache.set(id, text);
        this.learned.set(id, this.figuresOf(text));
      }
    const out = new Map<number, string>();
    for (const id of ids) {
      const t = this.textCache.get(id);
      if (t !== undefined) out.set(id, t);
    }
    return out;
  }

  figuresOf(text: string): string {
    let f = this.figureCache.get(text);
    if (f === undefined) this.figureCache.set(text, (f = figuresOf(text).join(' ')));
    return f;
  }

  figuresOfId(id: number): string | undefined {
    return this.learned.get(id) ?? this.known?.get(id);
  }

  /** The figures this batch learned, by id (real ids once the batch's writer renumbered them):
   * for the `known` of later batches, once this one has committed. */
  learnedFigures(): ReadonlyMap<number, string> {
    return this.learned;
  }

  /** An original the batch has just stored (not a duplicate): later documents compare with it. */
  added(id: number, text: string, fp: Fingerprint): void {
    // Loaded with none, or not loaded: the first original with this hash is now this one.
    if (this.byHash && (this.byHash.get(fp.hash) ?? null) === null) this.byHash.set(fp.hash, id);
    if (fp.simhash === null || fp.bands === null) return;
    const row: SimhashRow = { id, simhash: fp.simhash, halves: simhashHalves(fp.simhash) };
    this.rows.set(id, row);
    this.textCache.set(id, text);
    this.learned.set(id, this.figuresOf(text));
    for (let b = 0; b < 4; b++) {
      const list = this.byBand[b]!.get(fp.bands[b]!);
      if (list) insertSorted(list, id);
    }
    if (this.recent) {
      // Newest first: a new row goes in at its id (a failed URL's row refilled keeps its old id).
      const { rows, limit } = this.recent;
      if (rows.length === 0 || rows[0]!.id < id) {
        // The common case, a row newer than all: in front, the oldest dropped past the limit.
        rows.unshift(row);
        if (rows.length > limit) rows.length = limit;
      } else {
        const others = rows.filter((r) => r.id !== id);
        const at = others.findIndex((r) => r.id < id);
        others.splice(at < 0 ? others.length : at, 0, row);
        this.recent.rows = others.slice(0, limit);
      }
    }
  }

  /**
   * The batch's writer stored, under their real ids, originals it had added under provisional
   * ones. `ids` must keep their order (every provisional id above every real one, both
   * ascending in the order they were stored), so every list stays sorted.
   */
  renumber(ids: Map<number, number>): void {
    const to = (id: number) => ids.get(id) ?? id;
    for (const [from, id] of ids) {
      const row = this.rows.get(from);
      if (row) {
        this.rows.delete(from);
        this.rows.set(id, { ...row, id });
      }
      const text = this.textCache.get(from);
      if (text !== undefined) {
        this.textCache.delete(from);
        this.textCache.set(id, text);
      }
      const figures = this.learned.get(from);
      if (figures !== undefined) {
        this.learned.delete(from);
        this.learned.set(id, figures);
      }
    }
    for (const m of this.byBand) for (const [v, list] of m) m.set(v, list.map(to));
    if (this.recent)
      this.recent.rows = this.recent.rows.map((r) => (ids.has(r.id) ? this.rows.get(to(r.id))! : r));
    if (this.byHash)
      for (const [h, id] of this.byHash) if (id !== null && ids.has(id)) this.byHash.set(h, to(id));
  }
}
