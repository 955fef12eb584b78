// Refugees and returnees have two countries: the one they left and the one they are in. "5,000
// Sudanese refugees in Chad" is origin SDN, country TCD; the demonym names where they came from,
// not where the figure was counted. The origin is read from a demonym next to the trigger
// ("Sudanese refugees", "réfugiés soudanais", "5,000 Sudanese who fled") or from places after an
// origin word ("refugees from Syria", "refugees fleeing South Sudan", "returned from Iran and
// Pakistan"; lexicon/<lang>/places/origin.json), never from a place the origin word leads *to*
// ("who had escaped to Chad"). Returnees' demonym names the country they came home to, so for
// them only the places after an origin word count.
import type { Fact, Place } from '../../types.js';
import { loadPlacesLexicon } from '../../geoparse/lexicon.js';
import { normalizeName } from '../../geoparse/normalize.js';
import { iso3 } from '../../geoparse/index.js';

/** How far before the trigger a demonym may stand ("Sudanese refugees", "Sudanese Muslim refugees"). */
const DEMONYM_BEFORE = 30;
/** How far after the trigger the place they fled may stand. */
const FROM_AFTER = 60;

let originRe: RegExp | null = null;
let towardRe: RegExp | null = null;

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');

/** "from", "fleeing" …, then at most two words (captured), at the end of the string. */
function fromWordAtEnd(): RegExp {
  if (!originRe) {
    const words = loadPlacesLexicon()
      .originWords.map(escape)
      .sort((a, b) => b.length - a.length);
    originRe = new RegExp(`(?:^|[^\\p{L}])(?:${words.join('|')})\\s+((?:[\\p{L}'’-]+\\s+){0,2})$`, 'iu');
  }
  return originRe;
}

/** A word that leads to where people went ("to", "into", "vers", "hacia"). */
function towardWord(): RegExp {
  if (!towardRe) {
    const words = loadPlacesLexicon().towardWords.map(escape);
    towardRe = new RegExp(`(?:^|\\s)(?:${words.join('|')})\\s`, 'iu');
  }
  return towardRe;
}

/** The country of a lower-case Spanish or French demonym right after the trigger ("réfugiés
 * soudanais", "refugiados venezolanos"); the geoparser finds only capitalised ones. */
export function lowerCaseDemonym(after: string): string | null {
  const word = /^\s{1,2}([\p{Ll}][\p{L}'’-]*)/u.exec(after)?.[1];
  if (!word) return null;
  const cue = loadPlacesLexicon()
    .countryCues.get(normalizeName(word))
    ?.find((c) => c.kind === 'demonym' && c.words.length === 1 && c.countries.length === 1);
  return cue ? iso3(cue.countries[0]![0]) : null;
}

/** How many characters before a country its toward word may end ("into [eastern] Chad"). */
const TOWARD_BEFORE = 16;

/** The countries of the fact's sentence, and whether a toward word leads to each ("into Rwanda"). */
export function sentenceCountries(fact: Fact, text: string, places: readonly Place[]): { place: Place; led: boolean }[] {
  const toward = towardWord();
  // The toward word may close the trigger itself ("crossed into Rwanda").
  const led = (p: Place) => {
    const from = p.start > fact.term_span[0] ? fact.term_span[0] : fact.span[0];
    const before = ` ${text.slice(Math.max(from, p.start - TOWARD_BEFORE), p.start)}`;
    // "crossed into Mizoram from Myanmar": an origin word after the toward word leads away.
    return toward.test(before) && !fromWordAtEnd().test(before);
  };
  return places
    .filter((p) => p.kind === 'country' && p.country && p.start >= fact.span[0] && p.end <= fact.span[1])
    .map((place) => ({ place, led: led(place) }));
}

/** The country the fact's people went to: one after the trigger's first word, led to by a toward word ("crossed into Rwanda", "entered Chad"). */
export function destinationCountry(
  fact: Fact,
  countries: readonly { place: Place; led: boolean }[],
): Place | null {
  // (Or inside the trigger, when it names the country it leads to: "entered Afghanistan".)
  return countries.find((c) => c.place.start > fact.term_span[0] && c.led)?.place ?? null;
}

/** The one other country of the sentence, when a country after the trigger is led to by a toward word. */
function otherThanDestination(fact: Fact, text: string, places: readonly Place[]): string | null {
  const countries = sentenceCountries(fact, text, places);
  const destination = destinationCountry(fact, countries);
  if (!destination) return null;
  // "12,000 crossed into Rwanda and 3,400 others into Burundi": another destination is no origin.
  const others = new Set(
    countries
      .filter((c) => !c.led)
      .map((c) => c.place.country!)
      .filter((c) => c !== destination.country),
  );
  return others.size === 1 ? [...others][0]! : null;
}

/** Places joined to the one at i by "and", "or", commas ("from Iran and Pakistan"). */
function coordinated(text: string, places: readonly Place[], i: number): Place[] {
  const out = [places[i]!];
  for (let k = i + 1; k < places.length; k++) {
    const gap = text.slice(places[k - 1]!.end, places[k]!.start);
    if (!/^\s*(?:,|and|or|et|ou|y|o|e)?\s*(?:,\s*)?(?:and|or|et|ou|y|o|e)?\s*$/iu.test(gap)) break;
    if (places[k]!.country) out.push(places[k]!);
  }
  return out;
}

/** The countries (ISO3) the fact's refugees or returnees came from, first the main one; empty
 * when the text does not say. */
export function originCountries(fact: Fact, text: string, places: readonly Place[]): string[] {
  if (fact.term !== 'refugees' && fact.term !== 'returns') return [];
  const [ts, te] = fact.term_span;
  if (fact.term === 'refugees') {
    // "fled from Sudan to Chad", "ont fui le Niger vers le Tchad": the crossing names both, origin first.
    const named = places.filter((p) => p.country && p.kind !== 'demonym' && p.start >= ts && p.end <= te);
    if (named.length >= 2 && named[0]!.country !== named[named.length - 1]!.country)
      return [named[0]!.country!];
    for (const p of places) {
      if (p.kind !== 'demonym' || !p.country || p.start < fact.span[0]) continue;
      // Only words between the demonym and the trigger, no clause break; or the demonym right
      // after it as an adjective ("réfugiés soudanais", "refugiados venezolanos").
      const before =
        p.end <= ts && ts - p.end <= DEMONYM_BEFORE && /^[\p{L}\s'’-]*$/u.test(text.slice(p.end, ts));
      const after = p.start >= te && /^\s{1,2}$/u.test(text.slice(te, p.start));
      // "Chad, which has received some 600,000 Sudanese": the counted noun itself, after the figure.
      const counted = p.start >= fact.quantity_span[1] && /^\s{1,2}$/u.test(text.slice(fact.quantity_span[1], p.start));
      if (before || after || counted) return [p.country];
    }
    const adjective = lowerCaseDemonym(text.slice(te, te + 40));
    if (adjective) return [adjective];
    // "68,600 individuals from Myanmar have sought protection in India": the counted people's own
    // "from", between the figure and the trigger.
    const own = places.find(
      (p) =>
        p.country &&
        p.kind !== 'demonym' &&
        p.start >= fact.quantity_span[1] &&
        p.end <= ts &&
        !/[.;!?]/.test(text.slice(fact.quantity_span[1], p.start)) &&
        fromWordAtEnd().test(text.slice(fact.quantity_span[1], p.start)),
    );
    if (own) return [own.country!];
    // "the conflict in Sudan has forced 600,000 refugees … to flee into Chad": a sentence with two
    // countries, one of them where the refugees went, names the other as where they came from.
    const origin = otherThanDestination(fact, text, places);
    if (origin) return [origin];
  }
  const from = fromWordAtEnd();
  for (let i = 0; i < places.length; i++) {
    const p = places[i]!;
    if (p.start < te || p.start - te > FROM_AFTER || !p.country || p.start >= fact.span[1]) continue;
    if (p.kind === 'demonym') continue;
    if (/[.;!?]/.test(text.slice(te, p.start))) break;
    // The origin word may close the trigger itself ("crossed from Ukraine into Poland").
    const m = from.exec(text.slice(ts, p.start));
    if (!m || towardWord().test(` ${m[1] ?? ''}`)) continue;
    // "dans l'est du Tchad", "en el norte de Colombia": a part of the country, not where they came from.
    const before = text.slice(ts, p.start - m[0].length + 1);
    const part = /([\p{L}-]+)\s*$/u.exec(before)?.[1]?.toLowerCase();
    if (part && loadPlacesLexicon().partOfWords.has(part)) continue;
    if (namesForeignTown(before)) continue;
    const left = coordinated(text, places, i);
    // Returns from a town or camp are mostly within one country ("returned from camps in Mosul"):
    // only a country named after the origin word says they crossed a border.
    if (fact.term === 'returns' && !left.every((q) => q.kind === 'country')) return [];
    return [...new Set(left.map((q) => q.country!))];
  }
  return [];
}

/** Articles between a locative and its place noun: "dans la ville", "in the town". */
const ARTICLE = /^(?:la|le|les|l['’]|el|los|las|the|a|an)$/u;

/**
 * Whether the words before an origin's "de" name the town it opens as another country's, reached
 * through a locative: "trouvé refuge dans la ville camerounaise de Garoua-Boulaï", "hacia la ciudad
 * costarricense de Upala". Its "de" names the town; it does not tell where people came from.
 */
function namesForeignTown(before: string): boolean {
  const words = before.toLowerCase().match(/[\p{L}'’-]+/gu) ?? [];
  const adjective = words.at(-1);
  if (!adjective || !lowerCaseDemonym(` ${adjective}`)) return false;
  const L = loadPlacesLexicon();
  if (!L.settlementWords.has(words.at(-2) ?? '') && !L.featureWords.has(words.at(-2) ?? '')) return false;
  let k = words.length - 3;
  if (ARTICLE.test(words[k] ?? '')) k--;
  return L.locatives.has(words[k] ?? '') || L.towardWords.includes(words[k] ?? '');
}

/** How far after the trigger a nationality adjective may name the place refugees reached. */
const HOST_AFTER = 60;

/**
 * The country a nationality adjective after the trigger names as where the refugees are ("took
 * refuge in the Rwandan town of Gisenyi", "dans la ville camerounaise de Garoua-Boulaï"), when it is
 * not one they came from; null when none does.
 */
export function hostDemonym(fact: Fact, text: string, places: readonly Place[], origins: readonly string[]): string | null {
  const [, te] = fact.term_span;
  const end = Math.min(fact.span[1], te + HOST_AFTER);
  const named = places.find(
    (p) => p.kind === 'demonym' && p.country && p.start >= te && p.end <= end && !origins.includes(p.country),
  );
  if (named) return named.country!;
  // Spanish and French adjectives are lower case: the geoparser does not find them.
  for (const m of text.slice(te, end).matchAll(/(?<=\s)\p{Ll}[\p{L}'’-]*/gu)) {
    const country = lowerCaseDemonym(` ${m[0]}`);
    if (country && !origins.includes(country)) return country;
  }
  return null;
}
