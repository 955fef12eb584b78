// Ranking: chooses, for every name found by recognize.ts, the gazetteer entry it refers to, in
// the context of the whole document, and drops the names that are not places after all. In
// order:
//   1. gate      rules/gate.ts: mentions that are no place at all (people, storms, streets)
//   2. context   the document's countries and states, from the names that passed the gate
//   3. rank      every candidate scored (score.ts): containment ("Green Bay, Wisconsin"), the
//                document's states and countries, closeness to the other places, then the prior
//                (kind, feature code, population); three passes, each with the choices of the
//                one before as context
//   4. accept    rules/accept.ts: look-alikes of the chosen entry without support
// One sense per document: every mention of a name gets the same entry.
import type { Gazetteer, GazetteerEntry } from './gazetteer.js';
import type { Mention } from './recognize.js';
import {
  contains,
  cosLat,
  describeScore,
  kmCos,
  prior,
  type ScoreParts,
  type ScoredCandidate,
} from './score.js';
import { normalise, Votes } from './votes.js';
import { GATE_RULES } from './rules/gate.js';
import { ACCEPT_RULES } from './rules/accept.js';
import { stormSenses } from './rules/stormName.js';
import { personSenses } from './rules/personName.js';
import type { Choice, DocumentMentions } from './rules/types.js';

export { describeScore, type ScoreParts, type ScoredCandidate } from './score.js';

export interface Resolution {
  mention: Mention;
  /** The chosen entry, when the mention is accepted as a place. */
  entry: GazetteerEntry | null;
  /** Why the mention was accepted or dropped. */
  reason: string;
  /** Candidates ranked best first (debug). */
  ranked: ScoredCandidate[];
}

export interface ResolveResult {
  resolutions: Resolution[];
  /** ISO2 → weight (sums to 1 when non-empty), the document's country context. */
  countries: Map<string, number>;
}

const MAX_CANDIDATES = 40;
const MAX_NEARBY = 60;

/** The evidence for one candidate that is the same in every pass. */
interface FixedEvidence {
  entry: GazetteerEntry;
  /** prior, alternate and seat. */
  parts: ScoreParts;
  /** Their sum, added in that order. */
  score: number;
  /** Containment: 6 inside the next name, 4 containing the previous one, else 0. */
  containment: number;
  /** "country.admin1", the state key of the entry. */
  area: string;
}

/**
 * A ranked candidate. Its parts are written out only when asked for (the chosen entry's, or
 * with debug): ranking itself needs only the score, and most candidates are never chosen.
 */
class RankedCandidate implements ScoredCandidate {
  private written: ScoreParts | undefined;
  constructor(
    readonly entry: GazetteerEntry,
    readonly score: number,
    private readonly fixed: FixedEvidence,
    private readonly country: number | undefined,
    private readonly state: number | undefined,
    private readonly near: number | undefined,
    private readonly nearKm: number | undefined,
  ) {}

  get parts(): ScoreParts {
    if (this.written) return this.written;
    const fixed = this.fixed.parts;
    const parts: ScoreParts = { prior: fixed.prior };
    if (fixed.alternate !== undefined) parts.alternate = fixed.alternate;
    if (fixed.seat !== undefined) parts.seat = fixed.seat;
    if (this.country !== undefined) parts.country = this.country;
    if (this.state !== undefined) parts.state = this.state;
    if (this.fixed.containment === 6) parts.inside = 6;
    else if (this.fixed.containment === 4) parts.contains = 4;
    if (this.near !== undefined) {
      parts.near = this.near;
      parts.nearKm = this.nearKm;
    }
    this.written = parts;
    return parts;
  }
}

export function resolveMentions(mentions: readonly Mention[], gaz: Gazetteer): ResolveResult {
  // Senses: one per normalised name.
  const senses = new Map<string, number[]>();
  mentions.forEach((m, i) => {
    const list = senses.get(m.key);
    if (list) list.push(i);
    else senses.set(m.key, [i]);
  });
  const containerOf = new Map<number, number>(); // contained mention → container mention
  mentions.forEach((m, i) => {
    if (m.containerOf !== undefined) containerOf.set(m.containerOf, i);
  });
  const doc: DocumentMentions = {
    mentions,
    containerOf,
    storms: stormSenses(mentions),
    persons: personSenses(mentions, senses),
  };
  const gate = mentions.map((m, i) => {
    for (const rule of GATE_RULES) {
      const reason = rule.gate(m, i, doc);
      if (reason) return reason;
    }
    return '';
  });

  // Country and state context from the names that are not in doubt. Votes are kept per sense
  // so that a name is never its own evidence.
  let countryVotes = new Votes();
  let stateVotes = new Votes();
  mentions.forEach((m, i) => {
    // A compass word ("Sud", "Ouest") is a direction as often as an area: it is no evidence for
    // its country, nor for the places near it (rules/compassArea.ts).
    if (gate[i] || m.compass) return;
    if (m.demonym) return countryVotes.add(m.key, m.demonym, 1);
    const kinds = new Set(m.candidates.map((c) => c.kind));
    const big = m.candidates.filter(
      (c) =>
        c.kind === 'country' ||
        c.kind === 'admin1' ||
        c.kind === 'admin2' ||
        (c.kind === 'region' && c.country),
    );
    if (big.length && (!kinds.has('city') || m.candidates.length <= 3)) {
      for (const c of big) {
        countryVotes.add(m.key, c.country, (c.kind === 'country' ? 1.5 : 1) / big.length);
        if (c.kind !== 'country' && c.kind !== 'region')
          stateVotes.add(m.key, `${c.country}.${c.admin1}`, 1 / big.length);
      }
      return;
    }
    // City-only names vote softly, by population share.
    let total = 0;
    for (const c of m.candidates) total += c.population + 1;
    for (const c of m.candidates) countryVotes.add(m.key, c.country, (0.5 * (c.population + 1)) / total);
  });

  const chosen = new Map<string, GazetteerEntry>();
  const compassKeys = new Set<string>();
  for (const [key, idxs] of senses) if (idxs.every((i) => mentions[i]!.compass)) compassKeys.add(key);
  // The places proximity is measured against: the most mentioned names (their current
  // choice), capped so that a document naming thousands of places stays linear. `anchors`
  // mirrors `chosen` for them, in this order.
  const nearbyKeys = [...senses.keys()]
    .sort((a, b) => (senses.get(b)?.length ?? 0) - (senses.get(a)?.length ?? 0))
    .slice(0, MAX_NEARBY);
  const nearbyIndex = new Map(nearbyKeys.map((k, n) => [k, n]));
  const anchors: (GazetteerEntry | undefined)[] = nearbyKeys.map(() => undefined);
  /** cosLat of each anchor (0 where there is none). */
  const anchorCos: number[] = nearbyKeys.map(() => 0);
  /** Whether some choice differed from the one before it since the last reset. */
  let changed = false;
  const choose = (key: string, e: GazetteerEntry | undefined): void => {
    if (chosen.get(key) !== e) changed = true;
    if (e) chosen.set(key, e);
    else chosen.delete(key);
    const n = nearbyIndex.get(key);
    if (n !== undefined) {
      const anchor = compassKeys.has(key) ? undefined : e;
      anchors[n] = anchor;
      anchorCos[n] = anchor ? cosLat(anchor) : 0;
    }
  };

  // The evidence that does not change between passes, worked out once per name.
  const fixedEvidence = (key: string, idxs: number[]): FixedEvidence[] => {
    const m = mentions[idxs[0] as number] as Mention;
    const ownNamed = m.candidates.some((c) => gaz.isPrimaryName(c, key));
    // Names like "Springfield" have dozens of candidates: rank the likeliest few dozen.
    const pool =
      m.candidates.length > MAX_CANDIDATES
        ? [...m.candidates].sort((a, b) => prior(b) - prior(a)).slice(0, MAX_CANDIDATES)
        : m.candidates;
    const areas = new Map<string, number>();
    for (const o of pool) if (o.kind === 'admin1') areas.set(`${o.country}.${o.admin1}`, o.population);
    const containers: Mention[] = [];
    const inners: Mention[] = [];
    for (const i of idxs) {
      const container = containerOf.get(i);
      if (container !== undefined) containers.push(mentions[container] as Mention);
      const inner = mentions[i]?.containerOf;
      if (inner !== undefined) inners.push(mentions[inner] as Mention);
    }
    return pool.map((c) => {
      const area = `${c.country}.${c.admin1}`;
      const parts: ScoreParts = { prior: prior(c) };
      let s = parts.prior;
      if (c.kind === 'city' && !m.demonym && !m.abbreviation && !gaz.isPrimaryName(c, key)) {
        // Alternate names hold old names and translations: weaker evidence than a place's own
        // name, and much weaker when another candidate bears the name as its own.
        parts.alternate = -(ownNamed ? 1.5 : c.population < 5000 ? 1 : 0.3);
        s += parts.alternate;
      }
      // "Aleppo", "Baghdad": the seat of a same-named area that it dominates is what news means
      // by the name, unless a word such as "governorate" was written ("Quebec" stays the
      // province: most of its people live outside Quebec City).
      if (!m.feature && (c.featureCode === 'PPLA' || c.featureCode === 'PPLC')) {
        const areaPop = areas.get(area);
        if (areaPop !== undefined && c.population >= 0.3 * areaPop) {
          parts.seat = 1.5;
          s += 1.5;
        }
      }
      // Containment: "Green Bay, Wisconsin" (this is the contained) or "…, Wisconsin" (container).
      let containment = 0;
      if (containers.some((o) => o.candidates.some((x) => contains(x, c)))) containment = 6;
      else if (inners.some((o) => o.candidates.some((x) => contains(c, x)))) containment = 4;
      return { entry: c, parts, score: s, containment, area };
    });
  };

  const rank = (key: string, fixed: readonly FixedEvidence[], withProximity: boolean): ScoredCandidate[] => {
    const out: RankedCandidate[] = [];
    for (const f of fixed) {
      const c = f.entry;
      let s = f.score;
      let country: number | undefined;
      let state: number | undefined;
      let near: number | undefined;
      let nearKm: number | undefined;
      const share = countryVotes.share(key, c.country);
      if (share > 0) {
        country = 4 * share;
        s += country;
      }
      if (c.kind === 'city' || c.kind === 'admin2') {
        const st = stateVotes.weight(key, f.area);
        if (st > 0) {
          state = 2.5 * Math.min(st, 1) + 0.25 * Math.min(Math.max(st - 1, 0), 4);
          s += state;
        }
      }
      if (f.containment === 6) s += 6;
      else if (f.containment === 4) s += 4;
      if (withProximity && c.kind !== 'country' && c.kind !== 'continent') {
        // Closeness to the other places chosen in the previous pass; a country's or state's
        // point is coarse, so it counts at a longer range.
        let bonus = 0;
        let nearest = Infinity;
        let cosC: number | undefined;
        for (let n = 0; n < anchors.length; n++) {
          const e = anchors[n];
          if (!e || e.kind === 'continent' || nearbyKeys[n] === key) continue;
          const scale = e.kind === 'country' || e.kind === 'admin1' || e.kind === 'region' ? 400 : 150;
          // Beyond ~3.7 scales the bonus is negligible: skip the trigonometry.
          if (Math.abs(e.lat - c.lat) * 111 > 3.7 * scale) continue;
          if (contains(e, c) && e.kind !== 'admin2') continue;
          const d = kmCos(c, e, (cosC ??= cosLat(c)), anchorCos[n] as number);
          const b = 2 * Math.exp(-d / scale);
          if (b > bonus) {
            bonus = b;
            nearest = d;
          }
        }
        if (bonus > 0.05) {
          near = bonus;
          nearKm = nearest;
          s += bonus;
        }
      }
      out.push(new RankedCandidate(c, s, f, country, state, near, nearKm));
    }
    out.sort((a, b) => b.score - a.score || b.entry.population - a.entry.population);
    return out;
  };

  // Choices too doubtful to be context for others: tiny places, words that also occur in lower
  // case, single words known only as some place's alternate name.
  const weak = (key: string, idxs: number[], e: GazetteerEntry): boolean => {
    if (e.kind !== 'city') return false;
    const m = mentions[idxs[0] as number] as Mention;
    if (e.population < 1000 || idxs.some((k) => mentions[k]?.lowercaseElsewhere)) return true;
    return m.words === 1 && !m.abbreviation && !m.candidates.some((c) => gaz.isPrimaryName(c, key));
  };

  // The names to rank: those with a mention past the gate.
  const open: { key: string; idxs: number[]; fixed: FixedEvidence[] }[] = [];
  for (const [key, idxs] of senses)
    if (!idxs.every((i) => gate[i])) open.push({ key, idxs, fixed: fixedEvidence(key, idxs) });

  // Pass 1 without proximity; passes 2 and 3 with the context of the previous pass's choices.
  let ranked = new Map<string, ScoredCandidate[]>();
  for (const pass of [1, 2, 3]) {
    ranked = new Map();
    if (pass === 2) changed = false;
    for (const { key, idxs, fixed } of open) {
      const r = rank(key, fixed, pass > 1);
      ranked.set(key, r);
      choose(key, r[0] && !weak(key, idxs, r[0].entry) ? r[0].entry : undefined);
    }
    if (pass < 3) {
      // This pass's choices are the context of the next.
      countryVotes = new Votes();
      stateVotes = new Votes();
      for (const [key, e] of chosen) {
        if (compassKeys.has(key)) continue;
        const n = Math.min(senses.get(key)?.length ?? 1, 3);
        countryVotes.add(key, e.country, (e.kind === 'city' ? 0.7 : 1) * n);
        if (e.kind === 'admin1') stateVotes.add(key, `${e.country}.${e.admin1}`, 1);
        else if (e.kind === 'admin2') stateVotes.add(key, `${e.country}.${e.admin1}`, 0.7);
        else if (e.kind === 'city') stateVotes.add(key, `${e.country}.${e.admin1}`, 0.3);
      }
      mentions.forEach((m) => m.demonym && countryVotes.add(m.key, m.demonym, 1));
      // When pass 2 chose as pass 1 did, pass 3 would start from the same votes (built from
      // the same map in the same order) and the same anchors, and so repeat pass 2 exactly.
      if (pass === 2 && !changed) break;
    }
  }

  // What the accept rules are told that is the same for every mention of a name, once per name.
  const senseChoices = new Map<string, Omit<Choice, 'mention' | 'ownName'>>();
  const senseChoice = (
    m: Mention,
    i: number,
    e: GazetteerEntry,
    p: ScoreParts,
  ): Omit<Choice, 'mention' | 'ownName'> => {
    const idxs = senses.get(m.key) ?? [i];
    const countryShare = countryVotes.share(m.key, e.country);
    const shared = {
      mentions: idxs.map((k) => mentions[k] as Mention),
      entry: e,
      parts: p,
      supported: !!(p.state || p.inside || p.contains || p.near) || countryShare >= 0.3,
      countryShare,
      leadingCountry: countryVotes.leader(m.key),
      contained: idxs.some((k) => containerOf.has(k)),
      containers: idxs.flatMap((k) => {
        const o = containerOf.get(k);
        const entry = o === undefined ? undefined : ranked.get((mentions[o] as Mention).key)?.[0]?.entry;
        return entry ? [entry] : [];
      }),
    };
    senseChoices.set(m.key, shared);
    return shared;
  };

  const resolutions: Resolution[] = mentions.map((m, i) => {
    const r = ranked.get(m.key) ?? [];
    const best = r[0];
    if (gate[i] || !best) return { mention: m, entry: null, reason: gate[i] || 'no candidate', ranked: r };
    if (m.demonym)
      return {
        mention: m,
        entry: best.entry,
        reason: m.organisation ? 'demonym in an organisation name' : 'demonym',
        ranked: r,
      };
    const e = best.entry;
    const p = best.parts;
    // Object.assign, not an object spread (a slow run-time copy in V8): the same keys in the same order.
    const choice: Choice = Object.assign({ mention: m }, senseChoices.get(m.key) ?? senseChoice(m, i, e, p), {
      // Mentions of one name may keep different candidates ("the province of X" keeps areas).
      ownName: m.candidates.some((c) => gaz.isPrimaryName(c, m.key)),
    });
    for (const rule of ACCEPT_RULES) {
      const reason = rule.reject(choice);
      if (reason) return { mention: m, entry: null, reason, ranked: r };
    }
    // The evidence in words is read only with debug: written out when asked for.
    return {
      mention: m,
      entry: e,
      get reason() {
        return describeScore(p).join(', ');
      },
      ranked: r,
    };
  });

  // The document's countries, from what was accepted.
  const final = new Map<string, number>();
  for (const res of resolutions) {
    if (!res.entry) continue;
    const e = res.entry;
    const w = res.mention.demonym ? 1 : e.kind === 'country' ? 1.5 : e.kind === 'continent' ? 0 : 1;
    if (e.country) final.set(e.country, (final.get(e.country) ?? 0) + w);
  }
  return { resolutions, countries: normalise(final) };
}
