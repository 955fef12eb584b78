// English inflection for word families: the spelling rules that turn a lemma into its forms
// ("displace" → displaces, displaced, displacing; "stop" → stopped, stopping; "carry" →
// carries, carried), with the irregular-verb table (lexicon/en/irregular.json) taking
// precedence. A multi-word lemma ("wash away") inflects its first word only.
import type { Irregular, Morphology, VerbTag } from './types.js';

const VOWEL = /[aeiou]/;

/** One syllable ending in a single vowel and a consonant doubles it: stop → stopped, flee does not. */
function doubles(w: string): boolean {
  return /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(w) && (w.match(/[aeiouy]+/g) ?? []).length === 1;
}

function third(w: string): string {
  if (/(s|x|z|ch|sh|o)$/.test(w)) return `${w}es`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  return `${w}s`;
}

function past(w: string): string {
  if (w.endsWith('e')) return `${w}d`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ied`;
  if (doubles(w)) return `${w}${w.at(-1)}ed`;
  return `${w}ed`;
}

function ing(w: string): string {
  if (w.endsWith('ie')) return `${w.slice(0, -2)}ying`;
  if (/(ee|ye|oe)$/.test(w)) return `${w}ing`;
  if (w.endsWith('e') && w.length > 2 && VOWEL.test(w.slice(0, -1))) return `${w.slice(0, -1)}ing`;
  if (doubles(w)) return `${w}${w.at(-1)}ing`;
  return `${w}ing`;
}

function plural(w: string): string {
  if (/(s|x|z|ch|sh)$/.test(w)) return `${w}es`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  return `${w}s`;
}

/** Inflects the first word of `lemma` and keeps the rest ("wash away" → "washed away"). */
function onHead(lemma: string, f: (head: string) => string[]): string[] {
  const [head = '', ...rest] = lemma.split(' ');
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  return f(head).map((h) => h + tail);
}

export const english: Morphology = {
  verb(lemma, irregular) {
    const forms = (tag: VerbTag): string[] =>
      onHead(lemma, (w) => {
        const irr: Irregular | undefined = irregular[w];
        switch (tag) {
          case 'base':
            return [w];
          case 's':
            return irr?.s ?? [third(w)];
          case 'past':
            return irr?.past ?? [past(w)];
          case 'pp':
            return irr?.pp ?? irr?.past ?? [past(w)];
          case 'ing':
            return irr?.ing ?? [ing(w)];
          default:
            return [];
        }
      });
    return new Map((['base', 's', 'past', 'pp', 'ing'] as const).map((t) => [t, forms(t)]));
  },
  plural(noun, irregular) {
    // A compound noun takes the plural on its last word: "asylum seeker" → "asylum seekers".
    const words = noun.split(' ');
    const last = words.pop() ?? '';
    return (irregular[last]?.plural ?? [plural(last)]).map((p) => [...words, p].join(' '));
  },
  defaultTags: ['base', 's', 'past', 'pp', 'ing'],
  of: ['of'],
};
