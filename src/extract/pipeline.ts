// The extract pipeline: the ordered list of named steps extract() runs on one document, each
// with the state fields it needs and adds (state.ts). The order, and why:
//   repair     first, so every later offset is into the repaired text (PDF damage: glued words,
//              broken lines, mojibake; normalize/); offsets goes back to the original at the end
//   lexicon    the language's word lists, for reading and for dates
//   sentences  segment/sentences.ts
//   read       per sentence: quantities → figures → triggers → links → facts (sentence.ts), an
//              anaphor ("the figure rose to") taking the term of the sentence before it;
//              plain-text tables: a header cell's term for every figure below it (table.ts);
//              bulleted lists: a header's term for each item's count (headedList.ts)
//              key-figure boxes: each number's label above or below it (keyFigures.ts)
//   other-senses  drops a displacement word used in another sense: jobs, road trips
//              (refine/otherSense.ts)
//   drills     drops evacuations in a document whose lead names a drill (refine/exercise.ts)
//   dedupe     one claim per figure and term class (refine/dedupe.ts), on what the two
//              before it kept
//   classify   relevance, cause, hazard, type of the document; after read, since the facts
//              found are strong evidence of relevance
//   second-chance  the learned linker (learned/): pairs of a figure the rules left unlinked and a
//              displacement cue near it, built by read, weighed by a logistic model with the
//              document's relevance; after classify, whose relevance it uses, and before places
//              and refine, so its facts are placed, dated and calibrated like the others
//   places     the geoparser, only for documents with facts (the slowest step)
//   refine     per fact, in order: cause, date, stock or flow, places, people, confidence
//              (refine/refiners.ts); after classify and places, which they fall back on; homes
//              only flooded are dropped first (refine/floodedHomes.ts: after classify, which counts
//              them as news of the event), and Spanish "refugiados" of a disaster become people
//              sheltered after (refine/disasterRefugees.ts); arrivals in a document about
//              refugees are refugees (refine/refugeeArrivals.ts)
//   offsets    every span back onto the original text (normalize/remap.ts)
import { classify } from '../classify/index.js';
import { documentDecimalMark } from './quantity/digits.js';
import { detectLanguage } from '../document/language.js';
import { geoparsePlaces, isPlaceName, spellPlace } from './geo.js';
import { loadLexicon, type Lexicon } from './lexicon.js';
import { tokenize } from './segment/tokens.js';
import type { Fact, Span } from '../types.js';
import { mapFactsToOriginal, normalizeText, OffsetMap } from './normalize/index.js';
import { dedupeFacts } from './refine/dedupe.js';
import { dropDrillEvacuations, leadOf } from './refine/exercise.js';
import { dropOtherSenses, inOtherSense } from './refine/otherSense.js';
import { dropFloodedHomes } from './refine/floodedHomes.js';
import { refineFacts } from './refine/refiners.js';
import { shelterDisasterRefugees } from './refine/disasterRefugees.js';
import { refugeeArrivals } from './refine/refugeeArrivals.js';
import { splitSentences } from './segment/sentences.js';
import { readSentence, type SentenceContext } from './sentence.js';
import { checkOrder, step, type Step } from './state.js';
import { readTables } from './table.js';
import { readHeadedLists } from './headedList.js';
import { readKeyFigures } from './keyFigures.js';
import { readCountryRows } from './countryRows.js';
import { readCentreRows } from './centreRows.js';
import { readPlaceBreakdowns } from './placeBreakdown.js';
import type { Pair } from './learned/pairs.js';
import { secondChance } from './learned/secondChance.js';
import { couldPass, shippedLinker } from './learned/model.js';
import type { Features } from './learned/features.js';

/**
 * Every sentence's facts; an anaphor ("the figure rose to") refers back within its paragraph, or
 * to a paragraph of one sentence before it that ends on a displacement term, as news stories write
 * their headline and lead ("45,000 people in evacuation centres across Fiji" / "… said the number
 * has jumped from 20,000 yesterday"), or to a paragraph whose figures all count that one term.
 */
function readSentences(
  text: string,
  sentences: readonly Span[],
  lex: Lexicon,
  learned: { lang: string; pairs?: Pair[]; mayPass?: (x: Features) => boolean },
): Fact[] {
  const context: SentenceContext = { antecedent: null };
  let end = 0;
  // Sentences read so far in the current paragraph, and the facts read from them.
  let inParagraph = 0;
  let paragraphFacts: Fact[] = [];
  const out: Fact[] = [];
  for (const span of sentences) {
    if (/\n\s*\n/.test(text.slice(end, span[0]))) {
      // A paragraph whose figures all count one term hands it on: "56,463 evacuees were staying
      // within the prefecture, while 43,497 were outside." / "The total came to 99,991 …".
      // (Only to a paragraph that opens on the anaphor: "The total …", not "Of these, 1,500 houses".)
      const oneTerm =
        paragraphFacts.some((f) => f.figure !== null) &&
        paragraphFacts.every((f) => f.term === context.antecedent) &&
        opensOnAnaphor(text, span, lex);
      if (!oneTerm && (inParagraph !== 1 || !context.endsOnTerm)) context.antecedent = null;
      inParagraph = 0;
      paragraphFacts = [];
    }
    inParagraph++;
    end = span[1];
    const read = readSentence(text, span, lex, context, learned);
    paragraphFacts.push(...read);
    out.push(...read);
  }
  return out;
}

/** Words after an anaphor that make it a count head naming what it counts: "the number of animals". */
const OWN_COUNT = /^(?:of|de|del|des|du|d['’].*)$/u;

/** Whether the sentence opens on an anaphor standing alone ("The total came to", "La cifra"). */
function opensOnAnaphor(text: string, span: Span, lex: Lexicon): boolean {
  const norms = tokenize(text, span[0], Math.min(span[1], span[0] + 80)).map((t) => t.norm);
  const a = lex.anaphors.find((a) => a.every((w, k) => norms[k] === w));
  return !!a && !OWN_COUNT.test(norms[a.length] ?? '');
}

/**
 * Without the default geoparser there is no gazetteer to tell a place name from glued words, so
 * the repair cuts no capitalised word (and the gazetteer is not loaded for it).
 */
const anyName = () => true;

const repair = step({
  name: 'repair',
  needs: ['doc', 'options'],
  adds: ['lang', 'text', 'map'],
  run({ doc, options }) {
    const lang = doc.lang ?? detectLanguage(doc.text.slice(0, 2000)) ?? 'en';
    if (options.repair === false) return { lang, text: doc.text, map: OffsetMap.identity() };
    const gazetteer = options.geoparse === undefined;
    const isName = gazetteer ? isPlaceName : anyName;
    return {
      lang,
      ...normalizeText(doc.text, lang, {
        isName,
        spellPlace: gazetteer ? spellPlace : undefined,
        isTerm: (w) => loadLexicon(lang).triggers.has(w),
      }),
    };
  },
});

const lexicon = step({
  name: 'lexicon',
  needs: ['lang', 'text'],
  adds: ['lex'],
  run: ({ lang, text }) => {
    const lex = loadLexicon(lang);
    // A document may write its numbers the other way from its language: it reads by its own marks.
    const decimalMark = documentDecimalMark(text, lex.decimalMark);
    return { lex: decimalMark === lex.decimalMark ? lex : { ...lex, decimalMark } };
  },
});

const sentences = step({
  name: 'sentences',
  needs: ['text'],
  adds: ['sentences'],
  run: ({ text }) => ({ sentences: splitSentences(text) }),
});

const read = step({
  name: 'read',
  needs: ['options', 'lang', 'text', 'sentences', 'lex'],
  adds: ['facts', 'pairs'],
  run({ options, lang, text, sentences, lex }) {
    // Without a model and nobody collecting, the learned linker's pairs are not built at all; with
    // a model and nobody collecting, only pairs it could take are gated and kept.
    const model = options.learned?.model === undefined ? shippedLinker() : options.learned.model;
    const collecting = options.learned?.collect !== undefined;
    const pairs: Pair[] = [];
    const learned =
      collecting || model ? { pairs, ...(!collecting && model ? { mayPass: couldPass(model) } : {}) } : {};
    const read = readSentences(text, sentences, lex, { lang, ...learned });
    // A key-figure box ties each of its numbers to a label by layout: the sentences' facts about them give way.
    const keys = readKeyFigures(text, lex);
    // So does a table of countries for the figures in its rows.
    const rows = readCountryRows(text, lex);
    // And a table of those served inside and outside evacuation centres, whose sums tell its columns.
    const centres = readCentreRows(text, lex);
    const claimed = (f: Fact) => [keys, rows, centres].some((r) => r.claimed.has(f.quantity_span[0]));
    const sentenceFacts = read.filter((f) => !claimed(f));
    const facts = [
      ...sentenceFacts,
      ...readHeadedLists(text, sentences, lex, sentenceFacts),
      ...readPlaceBreakdowns(text, sentences, lex, sentenceFacts),
      ...readTables(text, lex),
      ...keys.facts,
      ...rows.facts,
      ...centres.facts,
    ];
    return { facts, pairs };
  },
});

const otherSenses = step({
  name: 'other-senses',
  needs: ['text', 'facts', 'lex'],
  adds: ['facts'],
  run: ({ text, facts, lex }) => ({ facts: dropOtherSenses(text, facts, lex) }),
});

const drills = step({
  name: 'drills',
  needs: ['text', 'facts', 'lex'],
  adds: ['facts'],
  run: ({ text, facts, lex }) => ({ facts: dropDrillEvacuations(text, facts, lex) }),
});

const dedupe = step({
  name: 'dedupe',
  needs: ['facts'],
  adds: ['facts'],
  run: ({ facts }) => ({ facts: dedupeFacts(facts) }),
});

/** The highest relevance of a document about a drill, a building's alert or another sense of
 * the displacement words that counts no displacement: its evacuation words are no evidence. */
const ASIDE_RELEVANCE = 0.3;

const classification = step({
  name: 'classify',
  needs: ['doc', 'text', 'facts', 'lex'],
  adds: ['classification'],
  run({ doc, text, facts, lex }) {
    const scored = facts.filter((f) => f.figure !== null && f.term !== 'evicted').length;
    const vague = facts.filter((f) => f.figure === null && f.term !== 'evicted').length;
    const c = classify(text === doc.text ? doc : { ...doc, text }, { facts: scored, vague });
    if (scored + vague > 0 || c.relevance <= ASIDE_RELEVANCE) return { classification: c };
    if (leadOf(text, lex) === null && !inOtherSense(text, lex)) return { classification: c };
    return { classification: { ...c, relevant: false, relevance: ASIDE_RELEVANCE } };
  },
});

const learned = step({
  name: 'second-chance',
  needs: ['options', 'text', 'lex', 'facts', 'classification', 'pairs'],
  adds: ['facts'],
  run({ options, text, lex, facts, classification, pairs }) {
    const chosen = secondChance(pairs, facts, classification, options.learned);
    if (chosen.length === 0) return { facts };
    // The same senses and drills are dropped as from the rules' facts.
    const kept = dropDrillEvacuations(text, dropOtherSenses(text, chosen, lex), lex);
    return { facts: dedupeFacts([...facts, ...kept]) };
  },
});

/** The highest relevance of a document in which neither the rules nor the learned second chance
 * found a displacement figure or vague count: below the 0.5 of a relevant document. */
const NO_FACT_RELEVANCE = 0.45;

/** The shortest text read as a whole document rather than a paragraph or an excerpt. */
const DOCUMENT_LENGTH = 400;
/** A document of several paragraphs: a lone paragraph ("Many have been displaced …") may report
 * displacement without counting anyone; a whole article or report that does so is background. */
const wholeDocument = (text: string) => text.length >= DOCUMENT_LENGTH && text.includes('\n');

/**
 * A monitor's relevant document reports displacement happening or newly counted (README,
 * "Relevance"): a whole document whose displacement words count nobody (a planning guide, a
 * checklist, gentrification, asylum hotels, an anniversary) is about displacement, not a report of
 * it.
 */
const evidence = step({
  name: 'relevance',
  needs: ['text', 'facts', 'classification'],
  adds: ['classification'],
  run({ text, facts, classification: c }) {
    if (!c.relevant || !wholeDocument(text) || facts.some((f) => f.term !== 'evicted')) return { classification: c };
    return { classification: { ...c, relevant: false, relevance: Math.min(c.relevance, NO_FACT_RELEVANCE) } };
  },
});

const places = step({
  name: 'places',
  needs: ['doc', 'options', 'text', 'facts'],
  adds: ['places'],
  run({ doc, options, text, facts }) {
    const resolve = options.geoparse ?? geoparsePlaces;
    return { places: resolve && facts.length > 0 ? resolve(text, doc.published ?? null) : null };
  },
});

const refine = step({
  name: 'refine',
  needs: ['doc', 'lang', 'text', 'lex', 'facts', 'classification', 'places'],
  adds: ['facts'],
  run({ doc, lang, text, lex, facts, classification, places }) {
    const published = doc.published ?? null;
    const dates = { text, published, lang, mayHoldDate: lex.mayHoldDate, cache: new Map() };
    // Homes only flooded are dropped here, after classify: they are no fact, but a flood that
    // reached homes is still news of the event.
    const counted = dropFloodedHomes(text, facts, lex);
    refineFacts(counted, { text, classification, places, dates, causes: new Map() });
    return { facts: refugeeArrivals(shelterDisasterRefugees(counted, text, lex), text, lex) };
  },
});

const offsets = step({
  name: 'offsets',
  needs: ['doc', 'map', 'facts'],
  adds: ['facts'],
  run({ doc, map, facts }) {
    mapFactsToOriginal(facts, map, doc.text);
    return { facts };
  },
});

export const PIPELINE: readonly Step[] = [
  repair,
  lexicon,
  sentences,
  read,
  otherSenses,
  drills,
  dedupe,
  classification,
  learned,
  evidence,
  places,
  refine,
  offsets,
];
checkOrder(PIPELINE);
