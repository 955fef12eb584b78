// Spanish inflection for word families: regular -ar/-er/-ir verbs ("desplazar" → desplazado,
// desplazada, desplazados, desplazadas, desplazó, desplazaron, desplaza, desplazan), -uir verbs
// with their y ("destruir" → destruyó, destruyen), the imperfect ("desplazaba", "huían"), and
// noun plurals ("evacuación" → evacuaciones). The irregular table (lexicon/es/irregular.json)
// takes precedence.
import type { Morphology, VerbTag } from './types.js';

const STRIP: Record<string, string> = { á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u' };

function regular(lemma: string, tag: VerbTag): string[] {
  const ending = lemma.slice(-2);
  const stem = lemma.slice(0, -2);
  const ar = ending === 'ar';
  // "destruir", "huir": an unstressed i between vowels is written y.
  const y = !ar && /[aeiou]$/.test(stem);
  switch (tag) {
    case 'inf':
      return [lemma];
    case 'pp':
      return (ar ? ['ado', 'ada', 'ados', 'adas'] : ['ido', 'ida', 'idos', 'idas']).map((e) => stem + e);
    case 'past':
      return ar
        ? [`${stem}ó`, `${stem}aron`]
        : y
          ? [`${stem}yó`, `${stem}yeron`]
          : [`${stem}ió`, `${stem}ieron`];
    case 'pres':
      return ar ? [`${stem}a`, `${stem}an`] : y ? [`${stem}ye`, `${stem}yen`] : [`${stem}e`, `${stem}en`];
    case 'ger':
      return [ar ? `${stem}ando` : y ? `${stem}yendo` : `${stem}iendo`];
    case 'impf':
      return ar ? [`${stem}aba`, `${stem}aban`] : [`${stem}ía`, `${stem}ían`];
    default:
      return [];
  }
}

export const spanish: Morphology = {
  verb(lemma, irregular) {
    const irr = irregular[lemma];
    return new Map(
      (['inf', 'pres', 'past', 'pp', 'ger', 'impf'] as const).map((t) => [t, irr?.[t] ?? regular(lemma, t)]),
    );
  },
  plural(noun, irregular) {
    const irr = irregular[noun]?.plural;
    if (irr) return irr;
    if (/[aeiouáéó]$/.test(noun)) return [`${noun}s`];
    if (noun.endsWith('z')) return [`${noun.slice(0, -1)}ces`];
    // "evacuación" → "evacuaciones": the stress moves, the accent goes.
    return [`${noun.replace(/[áéíóú](?=[^aeiouáéíóú]*$)/, (v) => STRIP[v] ?? v)}es`];
  },
  defaultTags: ['pres', 'past', 'pp', 'ger', 'impf'],
  of: ['de'],
};
