// The context words of the learned linker: word stems (lexicon/cues.json) that put a figure in a
// displacement context, each with the terms it may give. Matched as a prefix of a word, lower-cased,
// without accents and without an elided article ("l'abri"); the longest stem wins.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Term } from '../../types.js';
import type { Token } from '../segment/tokens.js';

export interface Cue {
  stem: string;
  terms: readonly Term[];
  /** Token index of the word. */
  at: number;
}

interface Stems {
  prefix: Map<string, { stem: string; terms: Term[] }[]>;
  whole: Map<string, { stem: string; terms: Term[] }>;
  transient: Set<string>;
  /** Nouns after which a cue word is part of an organisation's name: "refugee agency". */
  nameHeads: Set<string>;
  /** Nouns after which a cue word names aid or a need, not where people are: "shelter needs". */
  aidHeads: Set<string>;
  /** Words of seeking before a cue word, in tokens: "en busca de [refugio]" is a purpose, not a stay. */
  seekBefore: string[][];
}

const PREFIX_KEY = 3;
let stems: Stems | null = null;

function load(): Stems {
  const file = fileURLToPath(new URL('../../../lexicon/cues.json', import.meta.url));
  const json = JSON.parse(readFileSync(file, 'utf8')) as {
    stems: Record<string, Term[]>;
    transient_people: string[];
    name_heads: string[];
    aid_heads: string[];
    seek_before?: string[];
  };
  const out: Stems = {
    prefix: new Map(),
    whole: new Map(),
    transient: new Set(json.transient_people),
    nameHeads: new Set(json.name_heads),
    aidHeads: new Set(json.aid_heads),
    seekBefore: (json.seek_before ?? []).map((x) => x.split(/\s+/)),
  };
  for (const [stem, terms] of Object.entries(json.stems)) {
    if (stem.endsWith('$')) {
      out.whole.set(stem.slice(0, -1), { stem, terms });
      continue;
    }
    const key = stem.slice(0, PREFIX_KEY);
    const list = out.prefix.get(key) ?? [];
    list.push({ stem, terms });
    out.prefix.set(key, list);
  }
  for (const list of out.prefix.values()) list.sort((a, b) => b.stem.length - a.stem.length);
  return out;
}

const forms = new Map<string, string>();
/** Words repeat: the forms of this many are kept (cleared when full, so memory stays bounded). */
const FORMS_KEPT = 50_000;

/** The word as cues are matched: no accents, no elided article. */
export function cueForm(norm: string): string {
  let form = forms.get(norm);
  if (form !== undefined) return form;
  form = /^[a-z-]*$/.test(norm)
    ? norm
    : norm
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/^(?:l|d|qu)'/, '');
  if (forms.size >= FORMS_KEPT) forms.clear();
  forms.set(norm, form);
  return form;
}

export function findCues(tokens: readonly Token[]): Cue[] {
  stems ??= load();
  const out: Cue[] = [];
  for (const [at, t] of tokens.entries()) {
    if (t.kind !== 'word') continue;
    // One look-up for a word seen before, instead of its form, the whole stem and the prefixes.
    let hit = stemsByNorm.get(t.norm);
    if (hit === undefined) {
      hit = stemOf(cueForm(t.norm), stems);
      if (stemsByNorm.size >= FORMS_KEPT) stemsByNorm.clear();
      stemsByNorm.set(t.norm, hit);
    }
    // A stem with no terms is a longer word that is no cue ("inondations", the hazard, not "inondées").
    if (!hit || hit.terms.length === 0) continue;
    // "the UN refugee agency says 380,000 people were affected": an organisation's name.
    // "75,000 people have critical shelter needs": aid or a need, not a stay.
    const head = tokens[at + 1]?.norm ?? '';
    if (stems.nameHeads.has(head) || stems.aidHeads.has(head)) continue;
    // "huyan hacia la frontera en busca de refugio": the refuge is sought, not found.
    if (stems.seekBefore.some((w) => w.every((x, j) => tokens[at - w.length + j]?.norm === x))) continue;
    out.push({ stem: hit.stem, terms: hit.terms, at });
  }
  return out;
}

/** Each word's stem (null for none), kept like `forms`. */
const stemsByNorm = new Map<string, { stem: string; terms: Term[] } | null>();

/** The stem a cue form matches: a whole-word stem first, else the longest prefix stem. */
function stemOf(w: string, stems: Stems): { stem: string; terms: Term[] } | null {
  return (
    stems.whole.get(w) ?? stems.prefix.get(w.slice(0, PREFIX_KEY))?.find((s) => w.startsWith(s.stem)) ?? null
  );
}

/** Whether a word counts people who are somewhere for a while: "1,200 tourists", "300 élèves". */
export function isTransientPeople(norm: string): boolean {
  stems ??= load();
  return stems.transient.has(cueForm(norm));
}
