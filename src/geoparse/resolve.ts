// Ranking: chooses, for every name found by recognize.ts, the gazetteer entry it refers to, in
// the context of the whole document, and drops the names that are not places after all.
// Evidence, strongest first: containment ("Green Bay, Wisconsin"), the document's states and
// countries (from places and demonyms), closeness to the other places, then the prior (kind,
// feature code, population). One sense per document: every mention of a name gets the same
// entry.
import type { Gazetteer, GazetteerEntry } from './gazetteer.js';
import type { Mention } from './recognize.js';
import { normalizeName } from './normalize.js';
import { secondLevelArea } from './rules/secondLevelArea.js';
import { commonWord } from './rules/commonWord.js';
import { stormSenses } from './rules/stormName.js';

/** The evidence that made a candidate's score, by kind. */
export interface ScoreParts {
  prior: number;
  alternate?: number;
  seat?: number;
  country?: number;
  state?: number;
  inside?: number;
  contains?: number;
  near?: number;
  nearKm?: number;
}

export interface ScoredCandidate {
  entry: GazetteerEntry;
  score: number;
  parts: ScoreParts;
}

/** The evidence in words, e.g. ["prior 4.20", "state +2.5", "near 27 km +1.67"]. */
export function describeScore(p: ScoreParts): string[] {
  const out = [`prior ${p.prior.toFixed(2)}`];
  if (p.alternate) out.push(`alternate name ${p.alternate}`);
  if (p.seat) out.push(`seat of the same-named area +${p.seat}`);
  if (p.country) out.push(`country +${p.country.toFixed(2)}`);
  if (p.state) out.push(`state +${p.state.toFixed(1)}`);
  if (p.inside) out.push(`inside the next name +${p.inside}`);
  if (p.contains) out.push(`contains the previous name +${p.contains}`);
  if (p.near) out.push(`near ${Math.round(p.nearKm ?? 0)} km +${p.near.toFixed(2)}`);
  return out;
}

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

const KIND_PRIOR: Record<string, number> = { country: 9, continent: 9, admin1: 7.5, region: 7, admin2: 6 };
const CODE_BONUS: Record<string, number> = { PPLC: 2.5, PPLA: 0.8, PPLA2: 0.3 };

const MAX_CANDIDATES = 40;
const MAX_NEARBY = 60;

function prior(e: GazetteerEntry): number {
  const k = KIND_PRIOR[e.kind];
  // A first-level area where hardly anyone lives (an island parish) is no stronger than a town.
  if (e.kind === 'admin1' && e.population < 20_000) return 5 + Math.log10(Math.max(e.population, 1)) / 10;
  if (k !== undefined) return k + Math.log10(Math.max(e.population, 1)) / 10;
  return Math.log10(Math.max(e.population, 100)) + (CODE_BONUS[e.featureCode] ?? 0);
}

/**
 * Is `a` another spelling of `b` ("dhubri" / "dhuburi", "sibsagar" / "sivasagar"), not a
 * translation or an old name: same first letter, five letters or more, at most two edits apart
 * (banded edit distance, so linear in the names' length).
 */
export function spellingVariant(a: string, b: string): boolean {
  if (a.length < 5 || b.length < 5 || a[0] !== b[0] || Math.abs(a.length - b.length) > 2) return false;
  const band = 2;
  let prev = new Array<number>(b.length + 1).fill(band + 1);
  for (let j = 0; j <= Math.min(b.length, band); j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(band + 1);
    if (i <= band) cur[0] = i;
    let best = cur[0] as number;
    for (let j = Math.max(1, i - band); j <= Math.min(b.length, i + band); j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j - 1] as number) + cost, (prev[j] as number) + 1, (cur[j - 1] as number) + 1);
      if ((cur[j] as number) < best) best = cur[j] as number;
    }
    if (best > band) return false;
    prev = cur;
  }
  return (prev[b.length] as number) <= band;
}

function km(a: GazetteerEntry, b: GazetteerEntry): number {
  const r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r;
  const dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Does `outer` contain `inner` (country, admin1 or county level)? */
function contains(outer: GazetteerEntry, inner: GazetteerEntry): boolean {
  if (outer === inner || !outer.country || outer.country !== inner.country) return false;
  if (outer.kind === 'country') return inner.kind !== 'country';
  if (outer.kind === 'admin1') return inner.admin1 === outer.admin1 && inner.kind !== 'admin1';
  if (outer.kind === 'admin2')
    return inner.kind === 'city' && inner.admin1 === outer.admin1 && km(outer, inner) < 60;
  return false;
}

/** Votes for countries or states, kept per sense so that a sense can be left out of its own context. */
class Votes {
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

function normalise(m: Map<string, number>): Map<string, number> {
  let total = 0;
  for (const v of m.values()) total += v;
  const out = new Map<string, number>();
  if (total <= 0) return out;
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1])) out.set(k, v / total);
  return out;
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

  // Names that only cities (or nothing bigger) bear take the person reading of any of their
  // mentions: "Kristina Jones … Jones said" makes every "Jones" a person.
  const personSense = new Set<string>();
  for (const [key, idxs] of senses) {
    const m0 = mentions[idxs[0] as number] as Mention;
    if (m0.demonym) continue;
    // A given name before a family name ("Georgia Stevens") makes a person of any name.
    if (idxs.some((i) => mentions[i]?.givenName) && !idxs.some((i) => mentions[i]?.placeCue)) {
      personSense.add(key);
      continue;
    }
    const onlyCities = m0.candidates.every((c) => c.kind === 'city');
    if (!onlyCities) continue;
    const strong = idxs.some((i) => mentions[i]?.person || mentions[i]?.givenName);
    const weak = idxs.some((i) => mentions[i]?.surname || mentions[i]?.personVerb);
    if (strong || (weak && !idxs.some((i) => mentions[i]?.placeCue))) personSense.add(key);
  }
  const storms = stormSenses(mentions);
  const gate = mentions.map((m, i) => {
    if (m.candidates.length === 0) return 'no candidate';
    if (m.inName) return m.inName;
    if (storms.has(m.key)) return "a storm's name elsewhere in the text";
    if (m.person) return 'person (title or given name before)';
    if (m.givenName) return 'given name of a person';
    if (personSense.has(m.key)) return 'a person elsewhere in the text';
    if (m.notPlace && (m.generic || !containerOf.has(i))) return 'common word';
    if (m.street && !m.demonym && m.candidates.every((c) => c.kind === 'city'))
      return 'street or building name';
    if (m.holiday && !m.candidates.some((c) => c.kind === 'country')) return "someone's day";
    return '';
  });

  // Country and state context from the names that are not in doubt. Votes are kept per sense
  // so that a name is never its own evidence ("Alexandria" must not vote for Egypt and then
  // win because Egypt is in the document).
  let countryVotes = new Votes();
  let stateVotes = new Votes();
  mentions.forEach((m, i) => {
    if (gate[i]) return;
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
  // The places proximity is measured against: the most mentioned names (their current
  // choice), capped so that a document naming thousands of places stays linear.
  const nearbyKeys = [...senses.keys()]
    .sort((a, b) => (senses.get(b)?.length ?? 0) - (senses.get(a)?.length ?? 0))
    .slice(0, MAX_NEARBY);
  const rank = (key: string, idxs: number[], withProximity: boolean): ScoredCandidate[] => {
    const m = mentions[idxs[0] as number] as Mention;
    const out: ScoredCandidate[] = [];
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
    for (const c of pool) {
      const parts: ScoreParts = { prior: prior(c) };
      let s = parts.prior;
      if (c.kind === 'city' && !m.demonym && !m.abbreviation && !gaz.isPrimaryName(c, key)) {
        // Alternate names hold old names and translations: weaker evidence than a place's own
        // name, and much weaker when another candidate bears the name as its own.
        parts.alternate = -(ownNamed ? 1.5 : c.population < 5000 ? 1 : 0.3);
        s += parts.alternate;
      }
      const area = `${c.country}.${c.admin1}`;
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
      const share = countryVotes.share(key, c.country);
      if (share > 0) {
        parts.country = 4 * share;
        s += parts.country;
      }
      if (c.kind === 'city' || c.kind === 'admin2') {
        const st = stateVotes.weight(key, area);
        if (st > 0) {
          parts.state = 2.5 * Math.min(st, 1) + 0.25 * Math.min(Math.max(st - 1, 0), 4);
          s += parts.state;
        }
      }
      // Containment: "Green Bay, Wisconsin" (this is the contained) or "…, Wisconsin" (container).
      if (containers.some((o) => o.candidates.some((x) => contains(x, c)))) {
        parts.inside = 6;
        s += 6;
      } else if (inners.some((o) => o.candidates.some((x) => contains(c, x)))) {
        parts.contains = 4;
        s += 4;
      }
      if (withProximity && c.kind !== 'country' && c.kind !== 'continent') {
        // Closeness to the other places chosen in the previous pass; a country's or state's
        // point is coarse, so it counts at a longer range.
        let bonus = 0;
        let nearest = Infinity;
        for (const k of nearbyKeys) {
          const e = chosen.get(k);
          if (!e || k === key || e.kind === 'continent') continue;
          const scale = e.kind === 'country' || e.kind === 'admin1' || e.kind === 'region' ? 400 : 150;
          // Beyond ~3.7 scales the bonus is negligible: skip the trigonometry.
          if (Math.abs(e.lat - c.lat) * 111 > 3.7 * scale) continue;
          if (contains(e, c) && e.kind !== 'admin2') continue;
          const d = km(c, e);
          const b = 2 * Math.exp(-d / scale);
          if (b > bonus) {
            bonus = b;
            nearest = d;
          }
        }
        if (bonus > 0.05) {
          parts.near = bonus;
          parts.nearKm = nearest;
          s += bonus;
        }
      }
      out.push({ entry: c, score: s, parts });
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

  // Pass 1 without proximity; passes 2 and 3 with the context of the previous pass's choices.
  let ranked = new Map<string, ScoredCandidate[]>();
  for (const pass of [1, 2, 3]) {
    ranked = new Map();
    for (const [key, idxs] of senses) {
      if (idxs.every((i) => gate[i])) continue;
      const r = rank(key, idxs, pass > 1);
      ranked.set(key, r);
      if (r[0] && !weak(key, idxs, r[0].entry)) chosen.set(key, r[0].entry);
      else chosen.delete(key);
    }
    if (pass < 3) {
      // This pass's choices are the context of the next.
      countryVotes = new Votes();
      stateVotes = new Votes();
      for (const [key, e] of chosen) {
        const n = Math.min(senses.get(key)?.length ?? 1, 3);
        countryVotes.add(key, e.country, (e.kind === 'city' ? 0.7 : 1) * n);
        if (e.kind === 'admin1') stateVotes.add(key, `${e.country}.${e.admin1}`, 1);
        else if (e.kind === 'admin2') stateVotes.add(key, `${e.country}.${e.admin1}`, 0.7);
        else if (e.kind === 'city') stateVotes.add(key, `${e.country}.${e.admin1}`, 0.3);
      }
      mentions.forEach((m) => m.demonym && countryVotes.add(m.key, m.demonym, 1));
    }
  }

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
    const idxs = senses.get(m.key) ?? [i];
    // A name found under another spelling must be a sizeable place or an area.
    if (m.respelled && e.kind === 'city' && e.population < 5000)
      return { mention: m, entry: null, reason: 'another spelling of a small place', ranked: r };
    const supported =
      !!(best.parts.state || best.parts.inside || best.parts.contains || best.parts.near) ||
      countryVotes.share(m.key, e.country) >= 0.3;
    const areaRule = secondLevelArea(
      e,
      idxs.map((k) => mentions[k] as Mention),
      supported,
    );
    if (areaRule) return { mention: m, entry: null, reason: areaRule, ranked: r };
    const wordRule = commonWord(e, idxs.map((k) => mentions[k] as Mention), {
      area: !!(best.parts.state || best.parts.inside || best.parts.contains),
      nearKm: best.parts.near ? best.parts.nearKm : undefined,
      countryShare: countryVotes.share(m.key, e.country),
    });
    if (wordRule) return { mention: m, entry: null, reason: wordRule, ranked: r };
    // "Karbi Anglong", "Porto Amboim": a name followed by a word of no known kind is trusted only
    // when the rest of the document points to it.
    // Known only as some place's other name, it never is ("Human Rights Watch" and Uman).
    const otherName = !m.candidates.some((c) => gaz.isPrimaryName(c, m.key));
    if (e.kind !== 'country' && (!supported || otherName) && idxs.every((k) => mentions[k]?.continued))
      return { mention: m, entry: null, reason: 'first word of a longer name, without support', ranked: r };
    // "Nelson said", "Chu's widow": a person's name that a small area also bears.
    if (
      e.kind !== 'city' &&
      e.kind !== 'country' &&
      !supported &&
      m.words === 1 &&
      !m.demonym &&
      !m.abbreviation &&
      !m.feature &&
      idxs.some((k) => mentions[k]?.personVerb || mentions[k]?.surname) &&
      !idxs.some((k) => mentions[k]?.placeCue)
    )
      return { mention: m, entry: null, reason: "a person's name without support", ranked: r };
    if (e.kind !== 'city')
      return { mention: m, entry: e, reason: describeScore(best.parts).join(', '), ranked: r };
    const contained = idxs.some((k) => containerOf.has(k));
    if (!contained && idxs.some((k) => mentions[k]?.lowercaseElsewhere))
      return { mention: m, entry: null, reason: 'also a common word in this text', ranked: r };
    const closeBy = !!(best.parts.state || best.parts.inside || best.parts.contains);
    if (
      m.familyName &&
      !closeBy &&
      !contained &&
      e.population < 200_000 &&
      !idxs.some((k) => mentions[k]?.placeCue)
    )
      return { mention: m, entry: null, reason: 'a common family name without support', ranked: r };
    // "in Kalaigaon": a small place that is the name's only bearer, every time right after "in",
    // "near"…, never looking like a person's name, and not said to lie elsewhere ("Taji, Iraq").
    const soleAfterCue =
      m.candidates.length === 1 &&
      !contained &&
      idxs.every((k) => {
        const x = mentions[k];
        return !!x && x.placeCue && !x.surname && !x.personVerb && !x.familyName && !x.lowercaseElsewhere;
      });
    if (e.population < 1000 && !supported && !soleAfterCue)
      return { mention: m, entry: null, reason: 'small place without support', ranked: r };
    if (
      m.words === 1 &&
      idxs.every((k) => mentions[k]?.sentenceInitial) &&
      e.population < 20000 &&
      !supported
    )
      return { mention: m, entry: null, reason: 'sentence-initial word without support', ranked: r };
    // A single word that is no place's own name, only an alternate one ("Part" for Perth):
    // needs support, or a big place outside sentence-initial position.
    if (m.words === 1 && !m.abbreviation && !m.candidates.some((c) => gaz.isPrimaryName(c, m.key))) {
      const initialOnly = idxs.every((k) => mentions[k]?.sentenceInitial);
      // "in Dhubri" for Dhuburi: a spelling of the town's own name after "in", "near"…
      const variant =
        e.population >= 5000 &&
        idxs.some((k) => mentions[k]?.placeCue) &&
        spellingVariant(m.key, normalizeName(e.name));
      if (!supported && !variant && (initialOnly || e.population < 100_000))
        return { mention: m, entry: null, reason: 'alternate name only, without support', ranked: r };
    }
    return { mention: m, entry: e, reason: describeScore(best.parts).join(', '), ranked: r };
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
