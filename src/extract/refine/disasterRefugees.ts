// "se contabilizan un total de 47 personas refugiadas", "21 albergues habilitados, pero solo 15
// funcionando con 980 refugiados": in Spanish disaster reports "refugiados" are people who took
// refuge from the storm or the flood, in shelters or with relatives, not people who crossed a
// border. A refugee fact read off that word, in a fact whose cause is a disaster and whose
// sentence says nothing of borders or asylum (the families' `contexts.refugees` words), names no
// nationality ("128.000 refugiados sudaneses"), no leaving of the country ("han abandonado el
// país") and no country taking them in ("Tanzania ha recibido a casi 7.000 refugiados"), counts
// people sheltered. Runs after the cause refiner, which it needs.
import type { Fact } from '../../types.js';
import { matchesAt, type Lexicon } from '../lexicon.js';
import { tokenize } from '../segment/tokens.js';
import { countryAt } from '../term/crossing.js';
import { COARSE } from './dedupe.js';

/** The Spanish refugee nouns' reasons: "refugees:agent:refugiado", "refugees:agent:refugiada". */
const REFUGIADO = /^refugees:agent:refugiad[oa]\b/u;
/** Camps named for refugees ("los campos de refugiados de Dadaab") hold people who crossed a border. */
const REFUGEE_CAMPS = /\b(?:campos?|campamentos?) de refugiad/iu;
/** The refugee nouns themselves, which the border context lists too. */
const SELF = /^refugiad[oa]s?$/u;
/** Leaving the country: "40.000 refugiados han abandonado el país", "huyeron del país". */
const LEFT_COUNTRY = /\b(?:abandon|dej|huy|hu[íi]d|sal|sal[íi]|escap)\w* (?:d?el|su) país\b/iu;
/** Words of a country's name before its verb of hosting: "[República Democrática del] Congo ha recibido". */
const HOST_NAME_WORDS = 4;

export function shelterDisasterRefugees(
  facts: Fact[],
  text: string,
  lex: Lexicon,
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

function atBorder(f: Fact, text: string, lex: Lexicon): boolean {
  const sentence = text.slice(f.span[0], f.span[1]);
  if (REFUGEE_CAMPS.test(sentence) || LEFT_COUNTRY.test(sentence)) return true;
  const words = sentence.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.some((w) => (lex.borderContext.has(w) && !SELF.test(w)) || lex.nationals.has(w))) return true;
  return hostedByCountry(tokenize(text, f.span[0], f.span[1]).map((t) => t.norm), lex);
}

/** "Tanzania ha recibido a casi 7.000 refugiados": a country that takes people in hosts refugees. */
function hostedByCountry(norms: readonly string[], lex: Lexicon): boolean {
  for (let i = 1; i < norms.length; i++)
    if (lex.hostVerbs.some((v) => matchesAt(norms, i, v)))
      for (let k = Math.max(0, i - HOST_NAME_WORDS); k < i; k++) if (countryAt(norms, k, lex)) return true;
  return false;
}
