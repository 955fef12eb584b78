// The relevance model's features: a few dozen numbers, each one readable on its own, that tell
// a report of displacement happening or newly counted from a text that mentions displacement
// in passing. How much displacement wording there is and where it stands (spread over the text,
// in the lead), whether the extractor linked figures to terms, whether the displacement words
// are framed as events (past or perfect auxiliaries, recent time words), and
// how much of the text is about something else (policy, elections, courts, history, money,
// opinion, business, sport, culture, chronic homelessness, evacuations of ships and venues).
// Counts are log-scaled so that one long article does not dominate; the model standardises them.
// Articles get their own copy of the main features (long*…): a paragraph that names displacement
// is usually about it, an article that names it once often is not.
import type { ContextCue, RelevanceCue } from './lexicon.js';
import type { Hit } from './matcher.js';
import type { Word } from './words.js';

/** Tags of displacement cues that mark where displacement is talked about. */
export const ANCHOR_TAGS: ReadonlySet<string> = new Set([
  'displace',
  'flee',
  'evacuate',
  'shelter',
  'homeless',
  'refugee',
]);
/** Context tags that speak of something other than a displacement event. */
export const BACKGROUND_TAGS = [
  'policy',
  'politics',
  'court',
  'history',
  'funding',
  'opinion',
  'business',
  'sport',
  'culture',
  'chronic-homeless',
] as const;

/** Words from which a text counts as an article rather than a paragraph (log2(words/400) > -1). */
const LONG_WORDS = 200;
/** Features that weigh differently in articles, where displacement is often mentioned in passing. */
const LONG_INTERACTIONS = ['cues', 'facts', 'spread', 'cueBlocks', 'background'] as const;

/** Each feature's name and what it measures (shown by `explain` and kept in the model file). */
export const FEATURES: Readonly<Record<string, string>> = {
  cues: 'displacement wording: log(1 + lexicon points), length-scaled',
  anchors: 'log(1 + displacement cues), not length-scaled',
  facts: 'log2(1 + figures the extractor linked to displacement terms)',
  vague: 'log2(1 + vague quantities the extractor linked to displacement terms: "hundreds of families")',
  spread: 'share of 50-word blocks that hold a displacement cue',
  cueBlocks: 'log(1 + 50-word blocks that hold a displacement cue)',
  lead: 'a displacement cue within the first 60 words',
  length: 'log2(words / 400), clipped to ±4',
  event: 'log(1 + displacement cues right after a past or perfect auxiliary: "were evacuated", "have fled")',
  recent: 'log(1 + recent time words: today, on Monday, overnight, so far)',
  venueEvacuation: 'log(1 + evacuations of ships, planes, airports and venues)',
  negated:
    'displacement said not to have happened, or a sense that is not displacement (negative lexicon points)',
  summary: 'log(1 + situation-report points from the type classifier)',
  background:
    'share of background words (policy, politics, courts, history, money, opinion, business, sport, culture, chronic homelessness) among them and the displacement cues',
  long: `an article of ${LONG_WORDS} words or more`,
  ...Object.fromEntries(LONG_INTERACTIONS.map((f) => [`long*${f}`, `${f} in an article (0 in a paragraph)`])),
};
export const FEATURE_NAMES: readonly string[] = Object.keys(FEATURES);

export interface FeatureInput {
  ws: readonly Word[];
  hits: readonly Hit<RelevanceCue>[];
  context: readonly Hit<ContextCue>[];
  /** Lexicon relevance points (length-scaled, without the facts signal) and anchor word indices. */
  points: number;
  anchors: readonly number[];
  summaryPoints: number;
  facts: number;
  vague: number;
}

const BLOCK = 50;
const LEAD = 60;

export function relevanceFeatures(input: FeatureInput): Record<string, number> {
  const { ws, hits, context, anchors } = input;
  const n = ws.length;
  const ln = Math.log1p;
  const tagCount = new Map<string, number>();
  for (const h of context)
    for (const tag of new Set(h.values.map((v) => v.tag))) tagCount.set(tag, (tagCount.get(tag) ?? 0) + 1);
  const anchorHits = hits.filter((h) => h.values.some((v) => v.weight > 0 && ANCHOR_TAGS.has(v.tag)));

  const blocks = new Set(anchors.map((i) => Math.floor(i / BLOCK)));
  const nBlocks = Math.max(1, Math.ceil(n / BLOCK));
  const at = positions(context, n);
  const event = anchorHits.filter((h) => endsBefore(at, h.from, 'aux', 1)).length;

  let background = 0;
  for (const tag of BACKGROUND_TAGS) background += tagCount.get(tag) ?? 0;
  const long = n >= LONG_WORDS ? 1 : 0;
  const out: Record<string, number> = {
    cues: ln(Math.max(0, input.points)),
    anchors: ln(anchors.length),
    facts: Math.log2(1 + input.facts),
    vague: Math.log2(1 + input.vague),
    spread: blocks.size / nBlocks,
    cueBlocks: ln(blocks.size),
    lead: anchors.length > 0 && (anchors[0] as number) < LEAD ? 1 : 0,
    length: Math.max(-4, Math.min(4, Math.log2(Math.max(1, n) / 400))),
    event: ln(event),
    recent: ln(tagCount.get('recent') ?? 0),
    venueEvacuation: ln(venueEvacuations(hits, at)),
    negated: Math.max(0, -hits.reduce((s, h) => s + Math.min(0, ...h.values.map((v) => v.weight)), 0)),
    summary: ln(input.summaryPoints),
    background: background / (background + anchors.length + 1),
    long,
  };
  for (const f of LONG_INTERACTIONS) out[`long*${f}`] = long * (out[f] as number);
  return out;
}

/** Context hits by the word index they start at and the index one past their end. */
interface Positions {
  byStart: Array<Hit<ContextCue> | undefined>;
  byEnd: Array<Hit<ContextCue> | undefined>;
}

function positions(context: readonly Hit<ContextCue>[], n: number): Positions {
  const byStart = new Array<Hit<ContextCue> | undefined>(n + 1);
  const byEnd = new Array<Hit<ContextCue> | undefined>(n + 1);
  for (const c of context) {
    byStart[c.from] = c;
    byEnd[c.to] = c;
  }
  return { byStart, byEnd };
}

const tagged = (h: Hit<ContextCue> | undefined, tag: string) => h?.values.some((v) => v.tag === tag) ?? false;

/** A context hit of `tag` ending at most `gap` words before word `i`. */
function endsBefore(at: Positions, i: number, tag: string, gap: number): boolean {
  for (let g = 0; g <= gap && i - g >= 0; g++) if (tagged(at.byEnd[i - g], tag)) return true;
  return false;
}

/** Evacuation cues next to a vehicle, venue or its occupants ("passengers were evacuated",
 * "evacuation of the terminal"), unless the venue is the destination ("evacuated to a school"). */
function venueEvacuations(hits: readonly Hit<RelevanceCue>[], at: Positions): number {
  let k = 0;
  for (const h of hits) {
    if (!h.values.some((v) => v.tag === 'evacuate' && v.weight > 0)) continue;
    let venue = false;
    // Up to three words before: "passengers were evacuated", "the terminal was evacuated".
    for (let i = Math.max(0, h.from - 3); i <= h.from && !venue; i++) venue = tagged(at.byEnd[i], 'venue');
    // Up to three words after, unless a destination word comes first: "evacuated to a school".
    for (let i = h.to; i <= h.to + 3 && i < at.byStart.length && !venue; i++) {
      const c = at.byStart[i];
      if (tagged(c, 'toward')) break;
      venue = tagged(c, 'venue');
    }
    if (venue) k++;
  }
  return k;
}
