// "se contabilizan un total de 47 personas refugiadas", "21 albergues habilitados, pero solo 15
// funcionando con 980 refugiados": in Spanish disaster reports "refugiados" are people who took
// refuge from the storm or the flood, in shelters or with relatives, not people who crossed a
// border. A refugee fact read off that word, in a fact whose cause is a disaster and whose
// sentence says nothing of borders or asylum (the families' `contexts.refugees` words) nor names
// a nationality ("128.000 refugiados sudaneses"), counts people sheltered. Runs after the cause
// refiner, which it needs.
import type { Fact } from '../../types.js';
import type { Lexicon } from '../lexicon.js';
import { COARSE } from './dedupe.js';

/** The Spanish refugee nouns' reasons: "refugees:agent:refugiado", "refugees:agent:refugiada". */
const REFUGIADO = /^refugees:agent:refugiad[oa]\b/u;
/** Camps named for refugees ("los campos de refugiados de Dadaab") hold people who crossed a border. */
const REFUGEE_CAMPS = /\b(?:campos?|campamentos?) de refugiad/iu;
/** The refugee nouns themselves, which the border context lists too. */
const SELF = /^refugiad[oa]s?$/u;

export function shelterDisasterRefugees(
  facts: Fact[],
  text: string,
  lex: Pick<Lexicon, 'borderContext' | 'nationals'>,
): Fact[] {
  const out: Fact[] = [];
  for (const f of facts) {
    if (
      f.term === 'refugees' &&
      f.cause === 'disaster' &&
      REFUGIADO.test(f.reason) &&
      !atBorder(f, text, lex)
    ) {
      // The same figure read as sheltered already ("refugiados por tormentas … 33.000 de ellas refugiadas").
      if (
        facts.some(
          (g) => g !== f && g.quantity_span[0] === f.quantity_span[0] && COARSE[g.term] === 'sheltered',
        )
      )
        continue;
      out.push({ ...f, term: 'sheltered', origin: null, reason: `${f.reason}:in-disaster` });
      continue;
    }
    out.push(f);
  }
  return out;
}

function atBorder(f: Fact, text: string, lex: Pick<Lexicon, 'borderContext' | 'nationals'>): boolean {
  const sentence = text.slice(f.span[0], f.span[1]);
  if (REFUGEE_CAMPS.test(sentence)) return true;
  const words = sentence.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.some((w) => (lex.borderContext.has(w) && !SELF.test(w)) || lex.nationals.has(w));
}
