// extract(): from a document's text to displacement facts. A pure function of (text, options):
// no I/O beyond the lexicons and gazetteer loaded once. The pipeline, in order:
//   0. repair               normalize/: PDF damage (glued words, broken lines, mojibake); every
//                           offset below is into the repaired text until the last step
//   1. sentences            segment/sentences.ts
//   2. per sentence: quantities → figures → triggers → links → facts   (sentence.ts);
//      plain-text tables: a header cell's term for every figure below it  (table.ts)
//   3. other senses, drills, dedupe   refine/otherSense.ts (jobs, road trips), refine/exercise.ts
//                           (a drill named in the lead), one claim per figure and term class
//   4. classify             relevance, cause, hazard, type of the document (src/classify)
//   5. per fact: cause & hazard from its sentence, else the document's
//   6. per fact: date, places and country, stock or flow, people, confidence
//   7. offsets              back onto the original text (normalize/remap.ts)
import type { DocumentInput, ExtractResult, FactDate } from '../types.js';
import { classify, causeOf, type CauseOfResult } from '../classify/index.js';
import { loadLexicon } from './lexicon.js';
import { splitSentences } from './segment/sentences.js';
import { readSentence } from './sentence.js';
import { readTables } from './table.js';
import { dedupeFacts } from './refine/dedupe.js';
import { dropOtherSenses } from './refine/otherSense.js';
import { dropDrillEvacuations } from './refine/exercise.js';
import { type DateContext, dateOf, reportDate } from './refine/date.js';
import { stockOrFlow } from './refine/stock.js';
import { attachPlaces, type PlaceContext } from './refine/places.js';
import { confidenceOf } from './refine/confidence.js';
import { peopleOf } from './refine/people.js';
import { detectLanguage } from '../document/language.js';
import { geoparsePlaces, isPlaceName } from './geo.js';
import { mapFactsToOriginal, normalizeText, OffsetMap } from './normalize/index.js';

/** Bumped whenever a change alters what extract() returns for the same input. */
export const EXTRACTOR_VERSION = '0.3.0';

export interface ExtractOptions {
  /** Places and country context of the document: the offline geoparser by default; false for none. */
  geoparse?: ((text: string, published: string | null) => PlaceContext) | false;
  /** Repair PDF damage before reading (true by default); false reads the text exactly as given. */
  repair?: boolean;
}

/**
 * Without the default geoparser there is no gazetteer to tell a place name from glued words, so
 * the repair cuts no capitalised word (and the gazetteer is not loaded for it).
 */
const anyName = () => true;

export function extract(doc: DocumentInput, options: ExtractOptions = {}): ExtractResult {
  const lang = doc.lang ?? detectLanguage(doc.text.slice(0, 2000)) ?? 'en';
  const { text, map } =
    options.repair === false
      ? { text: doc.text, map: OffsetMap.identity() }
      : normalizeText(doc.text, lang, { isName: options.geoparse === undefined ? isPlaceName : anyName });
  const lex = loadLexicon(lang);
  const published = doc.published ?? null;
  const sentences = splitSentences(text);
  const read = [...sentences.flatMap((span) => readSentence(text, span, lex)), ...readTables(text, lex)];
  const facts = dedupeFacts(dropDrillEvacuations(text, dropOtherSenses(text, read, lex), lex));
  const scored = facts.filter((f) => f.figure !== null && f.term !== 'evicted').length;
  const vague = facts.filter((f) => f.figure === null && f.term !== 'evicted').length;
  const doccls = classify(text === doc.text ? doc : { ...doc, text }, { facts: scored, vague });
  const resolve = options.geoparse ?? geoparsePlaces;
  const places = resolve && facts.length > 0 ? resolve(text, published) : null;
  let report: FactDate | false | undefined;
  const dates: DateContext = { text, published, lang, mayHoldDate: lex.mayHoldDate, cache: new Map() };
  const causes = new Map<number, CauseOfResult>();
  for (const fact of facts) {
    const sentence = text.slice(fact.span[0], fact.span[1]);
    // Sentences often hold several facts: read each one's cause once.
    let local = causes.get(fact.span[0]);
    if (!local) causes.set(fact.span[0], (local = causeOf(sentence)));
    fact.cause = local.cause ?? doccls.cause;
    // A sentence that only says "disaster" inherits the document's hazard (flood, storm …).
    const vagueHazard = local.hazard === null || local.hazard === 'other';
    fact.hazard =
      local.cause && !(vagueHazard && local.cause === doccls.cause) ? local.hazard : doccls.hazard;
    if (!local.cause && fact.cause) fact.implied.push('cause');
    fact.date = dateOf(dates, fact.span, fact.quantity_span[0]);
    if (!fact.date) {
      report ??= reportDate(dates) ?? false;
      if (report) {
        fact.date = report;
        fact.implied.push('date');
      }
    }
    fact.stock_or_flow = stockOrFlow(sentence, fact);
    if (places) attachPlaces(fact, text, places);
    fact.people = peopleOf(fact);
    fact.confidence = confidenceOf(fact, fact.confidence, doccls.relevance);
  }
  mapFactsToOriginal(facts, map, doc.text);
  return { ...doccls, facts };
}
