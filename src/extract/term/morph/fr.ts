// French inflection for word families: regular -er verbs ("évacuer" → évacué, évacuée, évacués,
// évacuées, évacue, évacuent, évacuant) and -ir verbs of the second group ("envahir" → envahi,
// envahissent), the imperfect ("évacuaient", "fuyaient"), and noun plurals. Irregular verbs
// ("détruire", "fuir") come from lexicon/fr/irregular.json. The passé simple is left out: news
// French reports in the passé composé, which is a phrase ("ont évacué").
import type { Morphology, VerbTag } from './types.js';

function regular(lemma: string, tag: VerbTag): string[] {
  const stem = lemma.slice(0, -2);
  const er = lemma.endsWith('er');
  switch (tag) {
    case 'inf':
      return [lemma];
    case 'pp':
      return (er ? ['é', 'ée', 'és', 'ées'] : ['i', 'ie', 'is', 'ies']).map((e) => stem + e);
    case 'pres':
      return er ? [`${stem}e`, `${stem}ent`] : [`${stem}it`, `${stem}issent`];
    case 'ger':
      // "déménager" → "déménageant", "placer" → "plaçant"
      if (!er) return [`${stem}issant`];
      if (stem.endsWith('g')) return [`${stem}eant`];
      if (stem.endsWith('c')) return [`${stem.slice(0, -1)}çant`];
      return [`${stem}ant`];
    default:
      return [];
  }
}

export const french: Morphology = {
  verb(lemma, irregular) {
    const irr = irregular[lemma];
    const forms = new Map<VerbTag, string[]>(
      (['inf', 'pres', 'pp', 'ger'] as const).map((t) => [t, irr?.[t] ?? regular(lemma, t)]),
    );
    // The imperfect is built on the stem of the present participle, irregular ones too: "fuyant" →
    // "fuyait", "fuyaient"; "évacuant" → "évacuaient".
    forms.set('impf', irr?.impf ?? forms.get('ger')!.flatMap((g) => [g.replace(/ant$/, 'ait'), g.replace(/ant$/, 'aient')]));
    return forms;
  },
  plural(noun, irregular) {
    const irr = irregular[noun]?.plural;
    if (irr) return irr;
    if (/[sxz]$/.test(noun)) return [noun];
    if (/(au|eu)$/.test(noun)) return [`${noun}x`];
    return [`${noun}s`];
  },
  defaultTags: ['pres', 'pp', 'ger', 'impf'],
  // "d'" is elided before a vowel: "le retour d'environ 3 200 personnes".
  of: ['de', 'des', "d'"],
};
