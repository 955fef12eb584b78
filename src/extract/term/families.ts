// Expands the word families of lexicon/<lang>/families.json into trigger phrases, so that a
// verb brings all its forms and a noun its plural and its "of" construction. An entry names a
// lemma and its class; the form (where the figure stands) follows from the class:
// - verb   "displace"     → displace, displaces, displaced, displacing           (both)
// - noun   "displacement" → displacement of, displacements of                   (noun: figure after)
//          with counts    → displacements, new displacements, "displacement:"    (agent: names the people)
// - agent  "evacuee"      → evacuee, evacuees                                    (agent)
// - phrase "<drive> from their homes" → drive/drives/drove/driven/driving from their homes (both)
// A phrase slot is <lemma> (every form of that verb), <lemma:pp,past> (some forms), {set}
// (a word list defined in the file; {countries} is built in and stays a slot that findTriggers
// fills with a country name of any length) or (a|b) (inline alternatives). An entry may set `form`,
// `housing` and `weak`, and `only` to keep some verb forms (e.g. past and participle of "flood",
// whose base form is the hazard).
import type { TriggerClass, TriggerForm } from '../lexicon.js';
import { countryNames } from './countryNames.js';
import { english } from './morph/en.js';
import { spanish } from './morph/es.js';
import { french } from './morph/fr.js';
import type { Irregular, Morphology, VerbTag } from './morph/types.js';

export interface FamilyEntry {
  verb?: string;
  noun?: string;
  agent?: string;
  phrase?: string;
  term: TriggerClass;
  form?: TriggerForm;
  /** Verb forms to generate (the language's default forms when absent). */
  only?: VerbTag[];
  /** Generated forms that are another word in reports ("acogida": a reception, as in "piso de acogida"). */
  except?: string[];
  /** The noun's plural counts people or moves: "12,000 displacements". */
  counts?: boolean;
  housing?: boolean;
  weak?: boolean;
  /** A term of `contexts`: the trigger takes that term in a sentence holding one of its cue words. */
  context?: string;
  reason?: string;
}

export interface FamilyFile {
  /** Cue words by term: "arrivals" in a sentence about a border or asylum are refugees. */
  contexts?: Record<string, string[]>;
  /** Named word lists used as {name} in phrases. */
  sets?: Record<string, string[]>;
  /** Words before a counting plural that mark new counts ("new displacements"). */
  new?: string[];
  /** Adjectives between a noun of moves and its "of" in Spanish and French: "l'évacuation rapide de". */
  noun_adjectives?: string[];
  /** Verbs reporting the count of an agent noun before them: "displacements <reach> 12,000". */
  copulas?: string[];
  /** Slots naming sites, and the words that may stand before a site's noun (Lexicon.siteModifiers). */
  site_modifiers?: { slots?: string[]; articles?: string[]; words?: string[] };
  families: FamilyEntry[];
}

/** One generated trigger, in the shape of a terms.json entry. */
export interface TermRow {
  match: string;
  term: TriggerClass;
  form: TriggerForm;
  housing?: boolean;
  weak?: boolean;
  context?: string;
  reason: string;
}

const MORPHOLOGY: Record<string, Morphology> = { en: english, es: spanish, fr: french };

export function morphologyOf(lang: string): Morphology | null {
  return MORPHOLOGY[lang] ?? null;
}

/** Every trigger phrase of a language's families, first occurrence of a match kept. */
export function expandFamilies(
  lang: string,
  file: FamilyFile,
  irregular: Readonly<Record<string, Irregular>> = {},
): TermRow[] {
  const morph = morphologyOf(lang);
  if (!morph) return [];
  const rows: TermRow[] = [];
  const seen = new Set<string>();
  // {countries} stays one slot word, matched against countrySet() when triggers are found: its
  // cross product with the verb forms would be tens of thousands of phrases to scan. So do the
  // other sets after a phrase's first word ("<stay> in {shelters}"), matched against slotSets().
  const sets = { ...file.sets, countries: [countrySlot(lang)] };
  const slots = Object.fromEntries(
    Object.keys(slotSets(lang, file)).map((name) => [name, setSlot(lang, name)]),
  );
  const add = (match: string, e: FamilyEntry, form: TriggerForm, reason: string) => {
    if (seen.has(match) || e.except?.includes(match)) return;
    seen.add(match);
    rows.push({
      match,
      term: e.term,
      form,
      ...(e.housing ? { housing: true } : {}),
      ...(e.weak ? { weak: true } : {}),
      ...(e.context ? { context: e.context } : {}),
      reason: e.reason ?? reason,
    });
  };
  for (const e of file.families) {
    if (e.verb !== undefined) {
      for (const w of verbForms(morph, e.verb, irregular, e.only ?? morph.defaultTags))
        add(w, e, e.form ?? 'both', `${e.term}:verb:${e.verb}`);
    } else if (e.noun !== undefined) {
      const plurals = morph.plural(e.noun, irregular);
      const reason = `${e.term}:noun:${e.noun}`;
      for (const n of [e.noun, ...plurals])
        for (const of of morph.of) {
          add(`${n} ${of}`, e, 'noun', reason);
          for (const adjective of file.noun_adjectives ?? []) add(`${n} ${adjective} ${of}`, e, 'noun', reason);
        }
      if (e.counts) {
        // A heading in a report's key figures: "Displacement: 4,500 people", "Evacuation: 1,200".
        add(`${e.noun} :`, e, 'agent', reason);
        for (const p of plurals) {
          add(p, e, 'agent', reason);
          for (const fresh of file.new ?? []) add(`${fresh} ${p}`, e, 'agent', reason);
        }
      }
    } else if (e.agent !== undefined) {
      for (const n of [e.agent, ...morph.plural(e.agent, irregular)])
        add(n, e, 'agent', `${e.term}:agent:${e.agent}`);
    } else if (e.phrase !== undefined) {
      for (const p of expandPhrase(e.phrase, morph, irregular, sets, slots))
        add(p, e, e.form ?? 'both', `${e.term}:phrase`);
    }
  }
  return rows;
}

/** The word standing for any country name of `lang` in a generated phrase ("fled to {countries:en}"). */
export function countrySlot(lang: string): string {
  return `{countries:${lang}}`;
}

/** How the slot words holding country names start, whatever their language ("{countries:"). */
export const COUNTRY_SLOTS = countrySlot('').slice(0, -1);

/** The slot word of a set of `lang` in a generated phrase ("in {shelters:en}"). */
export function setSlot(lang: string, name: string): string {
  return `{${name}:${lang}}`;
}

/**
 * The sets of a families file that stay slot words: all but the country names (their own slot)
 * and those holding a `#` or `*`, which only the phrase matcher reads.
 */
export function slotSets(lang: string, file: FamilyFile): Record<string, string[]> {
  void lang;
  return Object.fromEntries(
    Object.entries(file.sets ?? {}).filter(
      ([name, list]) =>
        name !== 'countries' && !list.some((x) => /(^|\s)[#*](\s|$)/.test(x) || x.trim() === ''),
    ),
  );
}

/** The names the country slot of `lang` matches: the built-in names and the file's own short names. */
export function countrySet(lang: string, file: FamilyFile): string[] {
  return [...countryNames(lang), ...(file.sets?.countries ?? [])];
}

/** The forms of a verb lemma, restricted to `only` when given. */
export function verbForms(
  morph: Morphology,
  lemma: string,
  irregular: Readonly<Record<string, Irregular>>,
  only?: readonly VerbTag[],
): string[] {
  const out: string[] = [];
  for (const [tag, forms] of morph.verb(lemma, irregular))
    if (!only || only.includes(tag)) for (const f of forms) if (!out.includes(f)) out.push(f);
  return out;
}

const SLOT = /<[^>]+>|\{[^}]+\}|\([^)]+\)|\S+/g;

/** Every phrase a template stands for: the cross product of its slots' alternatives. */
export function expandPhrase(
  template: string,
  morph: Morphology,
  irregular: Readonly<Record<string, Irregular>>,
  sets: Readonly<Record<string, string[]>>,
  /** Sets kept as one slot word when they do not open the phrase: name → slot word. */
  slots: Readonly<Record<string, string>> = {},
): string[] {
  let out = [''];
  for (const slot of template.match(SLOT) ?? []) {
    const opening = out.every((head) => head === '');
    let alts: string[];
    if (slot.startsWith('<')) {
      const [lemma = '', tags] = slot.slice(1, -1).split(':');
      alts = verbForms(morph, lemma, irregular, tags ? (tags.split(',') as VerbTag[]) : morph.defaultTags);
    } else if (slot.startsWith('{')) {
      const name = slot.slice(1, -1);
      const set = !opening && slots[name] !== undefined ? [slots[name]] : sets[name];
      if (!set)
        throw new Error(`lexicon families: the phrase "${template}" uses {${name}}, which no set defines`);
      alts = set;
    } else if (slot.startsWith('(')) alts = slot.slice(1, -1).split('|');
    else alts = [slot];
    out = out.flatMap((head) => alts.map((a) => `${head} ${a}`.replace(/\s+/g, ' ').trim()));
  }
  return out;
}
