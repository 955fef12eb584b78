// "some 100,000 Eritrean refugees who were hosted in four camps", "4,000 Darfurian refugees have
// sought refuge around Birak", "23 000 réfugiés … dans les camps de réfugiés de Dadaab": refugees
// live in camps and settlements by definition, and analysts record them as refugees, not as people
// in relief camps. A stay coordinated with a refugee count adds its term only when it names a
// shelter ("1,402 refugees taking shelter at Mansu Monastery", "accommodated in shelters").
import type { Lexicon } from './lexicon.js';
import type { Link } from './link.js';

export function withoutRefugeeCampStays(links: readonly Link[], lex: Lexicon): Link[] {
  const refugees = new Set(links.filter((l) => l.term === 'refugees' && !l.coordinated).map((l) => l.figure));
  if (refugees.size === 0) return [...links];
  return links.filter(
    (l) =>
      !(
        l.coordinated &&
        refugees.has(l.figure) &&
        (l.term === 'in_relief_camp' ||
          ((l.term === 'sheltered' || l.term === 'displaced') &&
            l.trigger.entry.words.some((w) => lex.refuge.words.has(w))))
      ),
  );
}
