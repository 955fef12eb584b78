// The features of one (figure, cue, term) pair: what the learned linker weighs. Named features
// with values, so the weights file reads as a table ("stem:evacu|evacuated": 1.4) and a new stem
// needs no code. Only facts of the sentence are used: the words between, what the figure counts.
import type { Term } from '../../types.js';
import { HOUSING_TERMS } from '../../types.js';
import { COARSE } from '../refine/dedupe.js';
import type { Token } from '../segment/tokens.js';
import type { Figure } from '../link.js';
import type { Trigger } from '../term/triggers.js';
import type { Cue } from './cues.js';

export type Features = Map<string, number>;

export interface PairContext {
  tokens: readonly Token[];
  /** Token indices of every figure of the sentence. */
  figureAt: ReadonlySet<number>;
  cues: readonly Cue[];
  /** Per token: the cue there, a trigger starting there (1 for displacement, 2 for a blocker), the
   * bracket depth before it. Indexed once per sentence, so a pair's features cost only the
   * tokens near it, and a long sentence stays linear. */
  cueAt: readonly (Cue | undefined)[];
  triggerAt: Uint8Array;
  depth: Int32Array;
  /** Whether the rules linked some figure of this sentence. */
  sentenceHasFact: boolean;
  lang: string;
}

const BREAKS = new Set([';', ':', '(', ')', '[', ']', '—', '–', '|']);
const CONTRASTS = new Set([
  'but',
  'while',
  'whereas',
  'although',
  'pero',
  'mientras',
  'aunque',
  'mais',
  'alors',
  'tandis',
]);
const LANGS = new Set(['en', 'es', 'fr']);
const PURPOSES = new Set(['for', 'para', 'pour']);
/** Auxiliaries and fillers: a figure and a verb cue with only these between are subject and verb. */
const AUXILIARIES = new Set(
  (
    'have has had been being be were was are is will would reportedly also now already still ' +
    'han ha habian habrian sido fueron fue estan son se les ya tambien ' +
    'ont a avaient ete sont etaient se deja aussi encore'
  ).split(' '),
);

/** Tokens strictly between the figure (with its noun) and the cue, in order. */
function between(f: Figure, cue: Cue): [number, number] {
  const end = f.noun ? f.noun.next : f.quantity.next;
  return cue.at >= end ? [end, cue.at] : [cue.at + 1, f.quantity.lead];
}

function distance(f: Figure, at: number): number {
  const end = f.noun ? f.noun.next : f.quantity.next;
  if (at >= end) return at - end;
  if (at < f.quantity.lead) return f.quantity.lead - at - 1;
  return 0;
}

export function pairFeatures(ctx: PairContext, f: Figure, cue: Cue, term: Term): Features {
  const x: Features = new Map();
  const put = (k: string, v = 1) => {
    if (v !== 0) x.set(k, v);
  };
  const q = f.quantity;
  const [from, to] = between(f, cue);
  const dist = distance(f, cue.at);
  const after = cue.at >= q.next;
  put('bias');
  put(`stem:${cue.stem}|${term}`);
  put(`term:${COARSE[term]}`);
  put(after ? 'after' : 'before');
  put('dist', Math.min(dist, 20) / 10);
  put('touching', dist === 0 ? 1 : 0);
  put(after ? 'dist_after' : 'dist_before', Math.min(dist, 20) / 10);
  let figs = 0;
  let commas = 0;
  let breaks = 0;
  let blockers = 0;
  let triggers = 0;
  for (let k = from; k < to; k++) {
    const t = ctx.tokens[k]!;
    if (ctx.figureAt.has(k) && !ctx.figureAt.has(k - 1)) figs++;
    if (t.text === ',') commas++;
    if (BREAKS.has(t.text) || CONTRASTS.has(t.norm)) breaks++;
  }
  for (let k = from; k < to; k++) {
    if (ctx.triggerAt[k] === 2) blockers++;
    else if (ctx.triggerAt[k] === 1) triggers++;
  }
  let content = 0;
  for (let k = from; k < to; k++) {
    const w = ctx.tokens[k]!;
    if (w.kind === 'word' && !AUXILIARIES.has(w.norm.normalize('NFD').replace(/\p{M}/gu, ''))) content++;
  }
  put('aux_only_between', to > from && content === 0 ? 1 : 0);
  put('content_between', Math.min(content, 10) / 10);
  // What the figure's own noun says: "1147 réfugiés sont arrivés" (a cue of the same term).
  const nounCues: Cue[] = [];
  if (f.noun)
    for (let k = f.noun.first; k < f.noun.next; k++) {
      const c = ctx.cueAt[k];
      if (c) nounCues.push(c);
    }
  put('noun_same_term', nounCues.some((c) => c.terms.some((t) => COARSE[t] === COARSE[term])) ? 1 : 0);
  put(
    'noun_other_term',
    nounCues.some((c) => c !== cue && !c.terms.some((t) => COARSE[t] === COARSE[term])) ? 1 : 0,
  );
  // A cue inside a name ("Protection and Return Monitoring Network", "director de Albergues").
  const cueToken = ctx.tokens[cue.at]!;
  put('cue_capitalised', cue.at > 0 && /^\p{Lu}/u.test(cueToken.text) ? 1 : 0);
  // A figure in brackets is mostly a breakdown or a restatement ("37 personas (22 adultos y 15 …").
  put('in_brackets', (ctx.depth[q.lead] ?? 0) > 0 ? 1 : 0);
  put('figs_between', Math.min(figs, 3) / 3);
  put('commas_between', Math.min(commas, 3) / 3);
  put('break_between', breaks > 0 ? 1 : 0);
  put('blocker_between', blockers > 0 ? 1 : 0);
  put('trigger_between', triggers > 0 ? 1 : 0);
  // A blocker ("killed", "affected") nearer the figure than the cue competes for it.
  put('blocker_nearer', nearer(ctx, f, dist, (k) => ctx.triggerAt[k] === 2) ? 1 : 0);
  // No other cue nearer the figure.
  put('nearest_cue', nearer(ctx, f, dist, (k) => ctx.cueAt[k] !== undefined && k !== cue.at) ? 0 : 1);
  put(`kind:${f.countKind ?? (f.elidedKind ? `elided_${f.elidedKind}` : 'none')}`);
  put('stated', f.countStated ? 1 : 0);
  // What the figure counts, word by word ("families", "personas"): a weight per counted noun.
  if (f.noun) put(`noun:${ctx.tokens[f.noun.next - 1]!.norm}`);
  // "Tents for 10,000 people", "food for 5,000": a purpose, not a count of who moved.
  const before = ctx.tokens[q.lead - 1]?.norm ?? '';
  put('purpose_before', PURPOSES.has(before) ? 1 : 0);
  // A figure counting a word no list knows ("three attackers", "360-degree") is seldom people.
  const next = ctx.tokens[q.next];
  put(
    'unknown_noun',
    f.countKind === null && next?.kind === 'word' && ctx.cueAt[q.next] === undefined ? 1 : 0,
  );
  put(
    'glued_word',
    next !== undefined && next.start === ctx.tokens[q.next - 1]!.end && next.kind !== 'punct' ? 1 : 0,
  );
  put('housing_term', HOUSING_TERMS.has(term) ? 1 : 0);
  const v = q.value ?? 0;
  put('magnitude', Math.log10(v + 1) / 7);
  put('small', v < 10 ? 1 : 0);
  put('round', v >= 100 && v % 100 === 0 ? 1 : 0);
  put('words', q.written === 'words' ? 1 : 0);
  put('qualified', q.qualifier !== 'exact' ? 1 : 0);
  put('sentence_has_fact', ctx.sentenceHasFact ? 1 : 0);
  put('sentence_length', Math.min(ctx.tokens.length, 80) / 80);
  put('cues', Math.min(ctx.cues.length, 6) / 6);
  put(`lang:${LANGS.has(ctx.lang) ? ctx.lang : 'other'}`);
  return x;
}

/** Whether a token strictly nearer the figure than `dist` satisfies `is`: a scan of 2 × dist tokens. */
function nearer(ctx: PairContext, f: Figure, dist: number, is: (k: number) => boolean): boolean {
  const q = f.quantity;
  const end = f.noun ? f.noun.next : q.next;
  if (dist > 0) for (let k = q.next; k < end; k++) if (is(k)) return true;
  for (let d = 0; d < dist; d++) {
    if (q.lead - 1 - d >= 0 && is(q.lead - 1 - d)) return true;
    if (end + d < ctx.tokens.length && is(end + d)) return true;
  }
  return false;
}

/** The per-sentence index of PairContext: cues, triggers and bracket depth by token. */
export function indexSentence(
  tokens: readonly Token[],
  cues: readonly Cue[],
  triggers: readonly Trigger[],
): Pick<PairContext, 'cueAt' | 'triggerAt' | 'depth'> {
  const cueAt = new Array<Cue | undefined>(tokens.length);
  for (const c of cues) cueAt[c.at] = c;
  const triggerAt = new Uint8Array(tokens.length);
  for (const r of triggers) triggerAt[r.first] = r.entry.term.startsWith('block:') ? 2 : 1;
  const depth = new Int32Array(tokens.length + 1);
  let open = 0;
  for (let k = 0; k < tokens.length; k++) {
    depth[k] = open;
    const t = tokens[k]!.text;
    if (t === '(' || t === '[') open++;
    else if ((t === ')' || t === ']') && open > 0) open--;
  }
  depth[tokens.length] = open;
  return { cueAt, triggerAt, depth };
}
