// Loads the word lists under lexicon/<lang>/ once and compiles them into lookup structures.
// The lists are data (see lexicon/README.md); this module holds no words of its own.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Qualifier, Term } from '../types.js';
import { normalise } from './segment/tokens.js';
import {
  countrySet,
  countrySlot,
  setSlot,
  slotSets,
  expandFamilies,
  expandPhrase,
  morphologyOf,
  type FamilyFile,
  type TermRow,
} from './term/families.js';
import type { Irregular } from './term/morph/types.js';
import { demonymCountriesOf, nationalsOf } from './term/nationals.js';

export type TriggerClass = Term | `block:${string}`;
export type TriggerForm = 'passive' | 'active' | 'both' | 'noun' | 'agent';

export interface TriggerEntry {
  words: string[];
  term: TriggerClass;
  form: TriggerForm;
  housing: boolean;
  /** A phrase that often only modifies another trigger ("evacuation of 60 families from their homes"). */
  weak: boolean;
  /** The term this trigger takes in a sentence holding one of these words ("new arrivals" at a border: refugees). */
  inContext?: { cues: Set<string>; term: TriggerClass };
  reason: string;
  /** The most tokens the phrase can cover: more than `words` when a slot takes a multi-word name. */
  maxLength: number;
  /** Load order: of two phrases covering as many tokens, the earlier wins. */
  seq: number;
}

export interface NounSets {
  people: Set<string>;
  households: Set<string>;
  housing: Set<string>;
  other: Set<string>;
  modifiers: Set<string>;
  /** "others", "more": a figure whose noun is elided and borrowed from a parallel figure. */
  elided: Set<string>;
  /** "people", "families": nouns that count anyone, not a group of their own ("residents", "returnees"). */
  generic: Set<string>;
  /** "5,000 of them", "of whom 300": pronouns that stand for people after a figure. */
  pronouns: Set<string>;
  /** Shelters and tents: homes when destroyed, but buildings (not people) when people stay in them. */
  shelters: Set<string>;
  /**
   * Housing nouns of buildings many households share ("buildings", "immeubles", "edificios"):
   * destroyed, they are homes lost; evacuated, they count no household ("48 buildings evacuated").
   */
  buildings: Set<string>;
  /**
   * Measure words a report counts homes in ("units", "unités"), housing alone ("149.715 units") but
   * naming whatever follows them after "of" ("295 unités d'établissements d'enseignement"): quantity/noun.ts.
   */
  measures: Set<string>;
}

export interface Lexicon {
  /** Trigger phrases indexed by their first word, longest first. */
  triggers: Map<string, TriggerEntry[]>;
  /**
   * The same phrases by first word, then by second word: a common first word ("a", "living")
   * starts hundreds of phrases, of which the second word leaves a few. `open` holds the phrases
   * of one word and those whose second word is no plain word (`*`, `#`, a slot, an elision).
   */
  triggerIndex: Map<string, { bySecond: Map<string, TriggerEntry[]>; open: TriggerEntry[] }>;
  /** Slot words of trigger phrases ("{countries:en}") → the names they match, by first word, longest first. */
  slots: Map<string, Map<string, string[][]>>;
  /**
   * Slots naming sites people stay in, and the words that may describe a site before its noun
   * ("in 31 Red Cross and community shelters", "inside the designated evacuation centers"):
   * families' `site_modifiers`, read by the trigger finder (term/triggers.ts).
   */
  siteModifiers: { slots: Set<string>; articles: Set<string>; words: Set<string> };
  /** Verbs that report the count of an agent noun before them ("displacements reached"), by first word. */
  copulas: Map<string, string[][]>;
  /** Singular nouns of moves that a copula after them makes a count ("displacement reached 12,000"). */
  copulaNouns: Map<string, TriggerEntry>;
  nouns: NounSets;
  /** "the homes of": a figure after them counts homes ("the homes of 480 families"). */
  housingOf: string[][];
  /** Nouns of families that also name their home ("hogares", "foyers"): "1.238 hogares dañados" (nouns.json). */
  householdHomes: Set<string>;
  /** Terms for where displaced people stay, which may count the same figure a second time. */
  stayingTerms: Set<string>;
  /** Terms for people who left, which a later "returned" in the same clause overrides. */
  leftTerms: Set<string>;
  /**
   * Endings of plural nouns of people ("-ians", "-eurs", "-ados"): an unknown plural word after a
   * figure with one of them may count people, so it does not rule the figure out (see noun.ts).
   */
  peopleEndings: string[];
  /** Function words of every language (`stopwords-iso`): never the noun a figure counts. */
  functionWords: Set<string>;
  /** Head nouns of the names of public bodies ("Ministry", "Agencia", "Commissariat"): a trigger they govern names the body (nouns.json). */
  organisationHeads: Set<string>;
  /** The small words inside such a name: "of", "for the", "de los", "pour les" (nouns.json). */
  nameJoiners: Set<string>;
  /** Multi-word nouns ("housing units"), indexed by first word. */
  multiNouns: Map<string, { words: string[]; kind: keyof NounSets }[]>;
  numberUnits: Map<string, number>;
  scales: Map<string, number>;
  approximateScales: Set<string>;
  /** Hyphenated number words whose parts multiply instead of adding ("quatre-vingt" = 80). */
  compounds: Map<string, number>;
  /** The words compounds are made of ("quatre", "vingts"). */
  compoundParts: Set<string>;
  /** "half", "quarter": a part of the scale word that follows ("half a million"). */
  fractions: Map<string, number>;
  /** "a", "un": start a number only before a scale word ("a hundred", "un millar"). */
  articles: Set<string>;
  /** Words inside a number: "two hundred and fifty", "treinta y dos", "vingt et un". */
  numberJoiners: Set<string>;
  /** Scale letters ("m", "k") read as scales only after a decimal or before a counted noun. */
  letterScales: Set<string>;
  /** Of those, the ones that are scales whenever glued to the digits ("5K evacuated"), except before `notScaledBefore` ("a 5K run"). */
  gluedScales: Set<string>;
  notScaledBefore: Set<string>;
  /** Scale words that are a number on their own ("mil personas", "mille personnes"). */
  standaloneScales: Set<string>;
  /** "3,000 of the 5,000 residents": the words after a figure that share the next figure's noun. */
  partitives: Set<string>;
  /** "out" in "33 out of 34 provinces" (numbers.json). */
  partitiveOpeners: Set<string>;
  /** The document language's decimal mark: "." (English) or "," (Spanish, French). */
  decimalMark: '.' | ',';
  vague: string[][];
  /** First words of vague quantities ("thousands", "hundreds"). */
  vagueFirst: Set<string>;
  /** Vague quantities indexed by their first word. */
  vagueByFirst: Map<string, string[][]>;
  /** Qualifiers indexed by their last word (they are matched backwards from the number). */
  qualifiersByLast: Map<string, { words: string[]; qualifier: Qualifier }[]>;
  /** Quick test: may this text hold a quantity at all (a digit, a number word, a vague word)? */
  mayHoldQuantity: RegExp;
  /** Quick test: may this text hold a date expression worth parsing? */
  mayHoldDate: RegExp;
  /** Words besides month names that make a sentence worth parsing for dates ("yesterday", "semaine"). */
  dateWords: string[];
  /** "the past week", "l'année dernière": time words (`time_label_words`) that end a time phrase after one of `time_label_leads`, not label a number. */
  timeLabels: { words: Set<string>; leads: Set<string> };
  qualifiersBefore: { words: string[]; qualifier: Qualifier }[];
  qualifiersAfter: { words: string[]; qualifier: Qualifier }[];
  totals: string[][];
  rangeJoiners: Set<string>;
  /** Range joiners that need an opener before the first end: "between 3 and 5", not "3 and 5". */
  rangeJoinersNeedOpener: Set<string>;
  rangeOpeners: Set<string>;
  /** Qualifiers that must sit right after the number: "2,000+", "300-odd". */
  qualifiersAdjacent: Set<string>;
  months: Set<string>;
  /** Month abbreviations that are also common words ("may", "mar"): months only when capitalised. */
  ambiguousMonths: Set<string>;
  /** "4 of June", "4 de junio": words between a day and its month. */
  dayMonthJoiners: Set<string>;
  /** Articles before a day of the month in a range: "entre le 3 et le 19 avril", "del 3 al 19 de abril". */
  dayArticles: Set<string>;
  /** "1 in 5", "uno de cada cinco", "1 sur 5". */
  ratioJoiners: string[][];
  /** "70 people per classroom", "10 personnes par tente": a figure per unit is a density, not a count. */
  densityJoiners: string[][];
  /** "per 100,000 inhabitants", "por cada cien mil habitantes": the base of a rate, not a count (nonfigures.json). */
  rateBase: { joiners: string[][]; nouns: Set<string> };
  /** Words before a phone number ("call", "hotline"). */
  phoneBefore: Set<string>;
  /** Possessives of one person: a small count after one is a household's story ("his nine children"). */
  personalBefore: Set<string>;
  /** Words after the closing comma of an age set after a name: "Ali al-Mheymid, 50, who escaped". */
  ageAppositionAfter: Set<string>;
  /** Words of a water level or height before a glued "88.40m": metres, not millions. */
  levelWords: Set<string>;
  /** Kinship of one person before a small count: "a father of five", "mère de sept enfants". */
  personalOf: string[][];
  /** Words of an age before its number: "below the age of 18", "a la edad de 15", "à l'âge de 60". */
  ageOf: string[][];
  /** Words of the dead before their number: "the bodies of nine refugees", "los cuerpos de 12 migrantes". */
  deadOf: string[][];
  /** A street address around its number, split at "#": "the # block of" ("in the 3400 block of Hidalgo Drive"). */
  addresses: { before: string[]; after: string[] }[];
  /** Words that end a street's name after its house number: "800 Bourke Street", "12 Hill Rd". */
  streetTypes: Set<string>;
  /** Verbs of speaking after "one <person>": a speaker, not a count ("one resident said"). */
  speakerVerbs: string[][];
  /** Determiners that open a time phrase right after a figure: "110 million [last] year", "400 [a] day". */
  timeOpeners: Set<string>;
  /** Words after which a bare four-digit number is a year even before a noun of people: "in 2014 IDPs", "depuis 2019 ménages". */
  yearBefore: string[][];
  /**
   * Other senses of displacement words (jobs, road trips): `cues` finds the sense's words in a
   * document (whole words, any case), `words` are the trigger words read in that sense; `anyNoun`
   * when the people counted in that sense are no displaced people whatever their noun (football
   * fans who travelled to a match).
   */
  otherSenses: { name: string; cues: RegExp; words: string[]; anyNoun: boolean }[];
  /** "12 mass displacements", "9 desplazamientos masivos": events, when few of them are counted. */
  eventNouns: string[][];
  /** Verbs of forecast before a figure ("expect", "se prevén", "prévoit"): the figure is a projection. */
  forecastVerbs: string[][];
  /** Words of a capacity before a figure, in its clause ("capable of providing shelter to", "capacidad … para"). */
  capacities: string[][];
  /** Words before a capacity that say it is reached ("full capacity", "plena capacidad"). */
  capacityReached: Set<string>;
  /** The word of a headline's plan after its capitalised subject ("Ischia to evacuate 1,000 people"). */
  headlineInfinitives: Set<string>;
  /** "multiplied by 16", "multiplicado por 8": the number after is a factor, not a count. */
  multiplierBefore: string[][];
  /** Makers whose model numbers follow their name ("Boeing 737"). */
  modelBefore: Set<string>;
  /** Letters glued to a number that make it an ordinal ("4th", "1er", "2º"). */
  ordinalSuffixes: Set<string>;
  timeAfter: Set<string>;
  /** Words after an hour of the day: "de la tarde", "in the morning", "du soir" (nonfigures.json). */
  clockAfter: string[][];
  moneyBefore: Set<string>;
  moneyAfter: Set<string>;
  measureAfter: Set<string>;
  labelBefore: Set<string>;
  hypothetical: string[][];
  negation: Set<string>;
  pastOverride: string[][];
  /** Words that cost little between a figure and its trigger ("have been", "reportedly"). */
  fillers: Set<string>;
  /** Words that end the clause a figure belongs to. */
  clauseBreaks: Set<string>;
  /** A subordinator and a determiner that open a clause with a subject of its own ("as the
   * cyclone returned", "cuando el río"): a verb after one is that subject's, not a figure's before. */
  clauseOpeners: string[][];
  /** "due to", "because": a displacement caused by what follows ("displaced due to destroyed housing"). */
  causal: string[][];
  /** Prepositions of an agent ("by", "par"): after a figure they end what it counts ("displaced by floods"). */
  agentPrepositions: Set<string>;
  /** A share's relative after a figure ("of which", "de los cuales"; term/distributed.ts). */
  shareRelatives: string[][];
  /** Verbs of an official order to leave: "ordered 3,000 people to leave their homes" is an evacuation. */
  orders: string[][];
  /** Words of precaution: "left their homes as a precaution", "par précaution" is an evacuation, not a flight. */
  precautions: string[][];
  /** Verbs of result before a figure ("leaving", "dejando a"): a word of homelessness after its noun is the people's new state (term/leftHomeless.ts). */
  resultatives: string[][];
  /** Openers of an aside set off by commas ("according to officials", "or about 85 per cent"). */
  asides: string[][];
  /** Words before a figure that continue the previous figure's count ("bringing the total to"). */
  continuation: string[][];
  /** Heads of a count frame: "the number of displaced people … has risen to N" (countFrame.ts). */
  countHeads: string[][];
  /** Nouns that make a trigger its own count head: "the displaced population … stands at N". */
  countNouns: Set<string>;
  /** Verbs that hand a count frame its figure: "has risen to", "stands at", "reached". */
  levelVerbs: string[][];
  /** Adverbs a level verb may enclose: "s'élève désormais à", "has now risen to"; and the article
   * Spanish and French put between the verb and its figure ("alcanza ya los 3.200", "dépasse les 10 000"). */
  levelAdverbs: Set<string>;
  /** A level verb split by the earlier value: "rose from [N] to", "pasó de [N] a" (countFrame.ts). */
  levelChanges: { from: string[]; to: string[] }[];
  /** A verb raising a count before its head, and the word before the new level: "bringing the [number of …] to N",
   * "portant le [nombre de …] à N", "eleva el [número de …] a N" (countFrame.ts). */
  countRaisers: { from: string[]; to: string[] }[];
  /** A count head's level before it: the estimate's preposition before the figure and the head's
   * article after it ("estime [à] 2000 [le] nombre de maisons"; countFrame.ts headAfter). */
  levelBeforeHead: { prepositions: Set<string>; articles: Set<string> };
  /** Words of a date between a change's earlier value and its "to" ("rose from 210,000 [in January] to"). */
  changeTimeWords: Set<string>;
  /** Words that make those a date: "end", "early", weekdays ("from 8,300 on Monday to"). */
  changeTimeAnchors: Set<string>;
  /** "a peak of", "un pic de": a figure named as the highest level a count reached ("down from a peak of N"). */
  peakHeads: string[][];
  /** "mark", "milestone": after "the" and a figure, a level the count passed ("passed the 600,000 mark"; link.json). */
  markNouns: Set<string>;
  /** Shelters and camps as subjects of a host verb: "42 evacuation centres are open, accommodating N" (siteHosts.ts). */
  /** `withs`: words that host only right after the site ("59 evacuation centres with 767 people"). */
  /** `displacedHosts`: verbs after which a figure of evacuees or displaced people counts them sheltered, whoever hosts them. */
  siteHosts: {
    verbs: string[][];
    withs: string[][];
    shelters: string[][];
    camps: string[][];
    nounBefore: Set<string>;
    displacedHosts: string[][];
    /** Words in a name that make it a host rather than a place: "the University of Regina hosted" (evacueesSheltered.ts). */
    hostNames: Set<string>;
    /** "the camp, where 4,000 people live": relative openers of place and the verbs of staying after them (siteHosts.ts). */
    where: { openers: Set<string>; stays: Set<string> };
  };
  /** Words joining a place name to the noun before it: "the province of Ravenna (19,500)" (bracketed.ts). */
  nameLinks: Set<string>;
  /** Words opening a list item before its place name: "…, followed by Kolasib (3660)". */
  itemLeads: string[][];
  /** "evacuated from the terminal": the words that make an evacuation one from a building (link.json). */
  buildingExits: { from: string[][]; buildings: string[][]; occupants: Set<string> };
  /** Words that lead to the country people went to ("fled into", "hacia", "vers"): crossing a border. */
  crossingInto: string[][];
  /** "neighbouring", "vecino": an adjective between a crossing's lead and its country (link.json). */
  crossingNeighbours: Set<string>;
  /** Place nouns a nationality adjective names as another country's ("the Chadian town of Adré",
   * "la ville tchadienne d'Adré"), and the words that may stand between ("border") (link.json). */
  foreignTowns: { nouns: Set<string>; modifiers: Set<string> };
  /** Nationality adjectives and nouns → the country's ISO alpha-2 code ("chadian" → TD), from the
   * geoparser's demonym lists (term/nationals.ts). */
  demonymCountries: Map<string, string>;
  /** Areas inside a country that end a flight "to neighbouring …" ("provinces", "districts"): no border crossed (link.json). */
  internalAreas: Set<string>;
  /** Compass adjectives before a destination country ("to eastern Chad"; term/crossing.ts). */
  compass: Set<string>;
  /** Words that put a sentence at a border or among refugees ("border", "asilo", "réfugiés"): families' `contexts.refugees`. */
  borderContext: Set<string>;
  /** Words of displacement inside a country ("IDPs", "internos", "internes"): families' `contexts.displaced`; they outweigh a refugee context. */
  internalContext: Set<string>;
  /** Plural nouns of nationality ("sudanese", "venezolanos"): people counted crossing (term/nationals.ts). */
  nationals: Set<string>;
  /** Verbs of being taken somewhere ("moved", "trasladadas", "transférés"): to a shelter, an evacuation (link.json). */
  movedTo: Set<string>;
  /** "a city of 1.4 million people": the places and nouns of a population stated in apposition (link.json). */
  /** A population's place nouns and nouns; `inhabitants` alone name one in brackets ("Galicia (500 habitantes)"); `homes` before the figure ("home to") in apposition. */
  population: {
    places: Set<string>;
    nouns: Set<string>;
    inhabitants: Set<string>;
    homes: string[][];
    /** Words naming a population before its figure ("Djibouti, population 700,000", "a population of"). */
    labels: Set<string>;
    /** Words before such a label that make it a place's own ("a town with a population of 12,000"). */
    owners: Set<string>;
    /** Adjectives of a whole population between its article and label ("a total population of", "an estimated"). */
    whole: Set<string>;
    /** Demonstratives before a place of inhabitants ("of this city of 200,000 inhabitants"): a place already named. */
    demonstratives: Set<string>;
  };
  /** "rose by", "a decrease of", "augmenté de": words before a figure that is a change, not a count (link.json). */
  changeAmounts: string[][];
  /** Words after a figure (or its noun) that make it a difference: "4,000 more than its capacity". */
  comparatives: string[][];
  /** Shelters a list's header may name without a trigger: its items' counts are people sheltered ("refugios temporales en:"). */
  listShelters: string[][];
  /** Words near the end of a sentence that announce a list below it without a colon ("in the following districts."). */
  listLeads: string[][];
  /** Participles of staying that join a stay to a leaving verb's subject ("displaced, living in camps"). */
  stayLinks: Set<string>;
  /** Phrases after a return that open the leaving before it ("returned home after being evacuated"). */
  returnAfter: string[][];
  /** Existential openers of a figure ("there are", "hay", "il y a"): a stay fronted before them is its place. */
  existentials: string[][];
  /** Refuge phrases: the word of refuge, the prepositions of its place and the names of sites (term/refugeWhere.ts). */
  /** `times`: words of a time that may stand between the word of refuge and its place ("found refuge on Wednesday in schools"). */
  refuge: {
    words: Set<string>;
    namedOnly: Set<string>;
    prepositions: Set<string>;
    sites: Set<string>;
    times: Set<string>;
    /** Words opening what was fled, crossed before the place ("taken refuge from Irma in shelters"). */
    escapes: Set<string>;
    /** Lower-case nouns of towns and regions: refuge there is a flight ("sought refuge in various regions"). */
    towns: Set<string>;
    /** Verbs of sheltering that, before a country, tell refugees ("sheltering in Tanzania"). */
    inCountry: Set<string>;
  };
  /** Verbs of flooding whose homes are counted by no one: their facts are dropped (refine/floodedHomes.ts). */
  floodedOnly: Set<string>;
  /** Verbs of staying and their prepositions before a building called by its name (term/namedStay.ts). */
  namedStays: {
    verbs: Set<string>;
    prepositions: Set<string>;
    modifiers: Set<string>;
    destinations: Set<string>;
    /** Buildings people are taken to for care, not shelter: "rushed to Yopougon University Hospital". */
    care: Set<string>;
  };
  /** "up 6.3 million from", "609 increase since": a direction before a figure or a noun of change after it, a change when a comparison follows (link.json). */
  changeDirections: { words: Set<string>; then: Set<string>; nouns: Set<string> };
  /** Words opening a destination ("to", "into", "a", "vers"): what stands between such a verb and the shelter (link.json). */
  destinationOpeners: Set<string>;
  /** "the figure", "la cifra", "cuyo número": words pointing back to a count named before. */
  anaphors: string[][];
  /** A sentence opening on a part of what the last one counted: "Of these, 800,000 are in Darfur". */
  subsetOpeners: string[][];
  /** Verbs handing an anaphor its figure: the level verbs and `anaphor_verbs` ("is up from"). */
  anaphorVerbs: string[][];
  /** Articles between such a verb and its figure: "alcanzado los 73,5 millones". */
  anaphorArticles: Set<string>;
  /** First words of the qualifiers before a number ("more", "nearly", "más"). */
  qualifierFirst: Set<string>;
  /** "and": before a figure it opens a new clause; after a counted noun, a verb of its own. */
  conjunctions: Set<string>;
  /** Words joining two triggers that share a figure ("affected and evacuated", "Evacuated / Displaced"). */
  coordinators: Set<string>;
  /** Degree words of damage to homes, and the term each gives: "fully" destroyed, "partially" damaged (link.json). */
  housingDegrees: Map<string, 'destroyed_housing' | 'partially_destroyed_housing'>;
  /** Prepositions of origin and the determiners between them and a camp: "from [the] camp"; verbs
   * of leaving whose object is the camp: "left [the Al-Hol] camp" (link.json). */
  campOrigin: { prepositions: string[][]; leaving: string[][]; determiners: Set<string>; sources: Set<string> };
  /** Prepositions of place or time between a noun of moves and its copula: "displacement [in] Sudan has reached" (link.json). */
  copulaPhraseOpeners: Set<string>;
  /** Words of arrival, and words of internal displacement that keep a document's arrivals displaced (link.json). */
  refugeeArrivals: { arrivals: Set<string>; internal: string[][] };
  /** Participles of damage to homes, and the term each gives: "fully [destroyed] and", "and damaged 325,379" (link.json). */
  housingParticiples: Map<string, 'destroyed_housing' | 'partially_destroyed_housing'>;
  /** Words joining a count of families and the people in them ("96 members of 21 families", "430 families with 2,115 members"). */
  memberJoiners: Set<string>;
  /** Verbs of handing out supplies, before the people given them: "provided 3,000 families with tents". */
  supplyVerbs: Set<string>;
  /** Words marking a verb's object of people between the verb and the figure: Spanish "a" ("matado a 15 personas"). */
  objectMarkers: Set<string>;
  /** French "en" before a verb whose object is a figure after it: "a tué 55 personnes et en a déplacé 130 000" (link.json `partitive_clitics`). */
  partitiveClitics: Set<string>;
  /** Nouns of the people in a family, counted only beside the families: "members", "miembros", "membres". */
  memberNouns: Set<string>;
  /** What stands between the items of a list of figures ("2,000 in A, 3,500 in B and 1,100 in C"). */
  listSeparators: Set<string>;
  /** Words joining the last item of a list ("as well as", "así como", "ainsi que"), after a comma or not (link.json). */
  listJoiners: string[][];
  /** Prepositions that open a list item's own place or time ("3,500 in Masisi"). */
  itemPrepositions: Set<string>;
  /** Prepositions of origin that open an item's place only before a name: "300 de Escuintla". */
  namePrepositions: Set<string>;
  /** "hosts", "has received", "accueille": a country taking in another nation's people (term/hosted.ts). */
  hostVerbs: string[][];
  /** "on its soil", "sur son territoire": where the host keeps them, between its verb and the figure (term/hosted.ts). */
  hostPlaces: string[][];
  /** Nouns of people that, counted right before entering a named country, crossed its border ("35,300 people entered Poland"; link.json `crossing_people`). */
  crossingPeople: Set<string>;
  /** "citizens of", "ciudadanos de": a host's count of people named by their country, as a nationality names them (term/hosted.ts). */
  hostCitizens: string[][];
  /** "moved 800 villagers out of", "ordered 20,000 people to leave": a verb, a figure of people as its object, then a word of leaving (term/removedFrom.ts). */
  removals: { verbs: string[][]; away: string[][]; term: TriggerClass }[];
  /** Words that may not stand between a removal's verb and its figure: "led [to] 35,000 people
   * seeking refuge" is a consequence, not people led away (term/removedFrom.ts). */
  removalBreaks: Set<string>;
  /** Destinations that are the people's own country ("to their home country", "a su país"): a movement there is a return (term/homeward.ts). */
  homeDestinations: string[][];
  /** "another" / "autres" marking more of the same people elsewhere, and the prepositions of that place. */
  additives: {
    before: string[][];
    after: string[][];
    places: Set<string>;
    /** The way more people were moved, standing for their place ("and another 30 by helicopter"). */
    means: string[][];
    leads: string[][];
    items: Set<string>;
  };
  /** Degree adverbs a list item may carry ("403 houses partially and 272 fully damaged"). */
  itemAdverbs: Set<string>;
  /** Words joining two figures that count the same people ("12,345 families or 48,910 persons"). */
  equivalents: Set<string>;
  /** A figure's share of a total after it: "80 [of the] village's 400 homes", "80 [de las] 400 viviendas". */
  shareOf: string[][];
  /** "most", "la plupart": a part of unknown size before a partitive (link.json). */
  vagueParts: Set<string>;
  /** Words opening a breakdown of a figure before: "including", "among them", "dont", "incluidos". */
  subsetMarkers: string[][];
  /** Causal prepositions right after a part of a total: "of whom 5,000 people by conflict" (partLinks.ts). */
  partCauses: string[][];
  /** "including", "y compris", "incluidos": a group named after one is part of the figure's people (link.json). */
  inclusionMarkers: string[][];
  /** Groups a breakdown counts by age or sex: "children", "women", "niños", "enfants". */
  subgroups: Set<string>;
  /** Modals that, before "have" + participle, report an estimate ("may have lost their homes"). */
  estimateModals: Set<string>;
  /**
   * The press's reporting conditional ("les déplacés seraient 140 000", "serían más de 800"): a
   * conditional of "to be" that hedges a count, not a hypothesis, unless a condition ("si",
   * "en caso de") stands in the sentence (modality.json `reportive_conditionals`, `conditions`).
   */
  reportiveConditionals: Set<string>;
  conditions: string[][];
  /** Hypothetical cues that are nouns too: a cue only before a complement ("warning that"), not "a warning". */
  verbOnlyCues: Set<string>;
  /** The words after a verb-only cue that make it a verb: "that", "of". */
  verbOnlyComplements: Set<string>;
  /** Words before a figure that negate it ("none of the 4,000 residents"). */
  figureNegation: string[][];
  /** Rate markers: "400 new arrivals daily", "78 desplazados al día" count a pace, not people. */
  rates: string[][];
  /** "an average of": before a figure, a rate (modality.json). */
  averages: string[][];
  /** "the average number of": a count head whose figure, later in its clause, is an average (modality.json). */
  averageHeads: string[][];
  /** "family size", "tamaño del hogar": a small number a few words after them is a group's size (modality.json). */
  groupSizes: string[][];
  /** "each", "cada", "chaque": a subject of one of many units, whose figure counts per unit (modality.json). */
  distributives: Set<string>;
  /** "at risk of", "en riesgo de": an exposure, hypothetical only for a trigger right after it (modality.json). */
  riskExposures: string[][];
  /** "planned", "prevista", "prévue": after a noun trigger's figure, a plan (modality.json). */
  plannedAfter: string[][];
  /** "in the coming weeks", "en los próximos meses": after a figure, a time still to come (modality.json). */
  futureAfter: string[][];
  /** Words before "a day", "a week" that make it a duration ("in a week of fighting"). */
  rateBlockers: Set<string>;
  /** Words after "a week" that make it a point in time ("a week after the tornado"). */
  rateTimeAfter: Set<string>;
  /** Modal verbs that make the clause they open hypothetical ("would result in N people …"). */
  modals: Set<string>;
  /** Relative pronouns: a trigger after one belongs to a clause of its own ("people who fled"). */
  relatives: Set<string>;
  /**
   * Words opening a modifier of a subject figure's noun ("25 families [at Phafukhola in the
   * district] have been displaced", "1.200 personas [de la vereda] fueron evacuadas") (link.json).
   */
  subjectModifiers: Set<string>;
  /** Possessive relatives ("whose", "dont", "cuyas"): the figure before owns the homes the trigger names. */
  ownerRelatives: Set<string>;
  /** Prepositions of membership after a subgroup's figure ("among the IDPs"): a profile, no figure (term/profile.ts). */
  profileOf: Set<string>;
  /** Articles that make a participle a group's name ("the displaced", "los desplazados"; term/profile.ts). */
  groupArticles: Set<string>;
  /** "or", "o", "ou": two terms joined by one are one total of both ("displaced or living as refugees") (link.json). */
  disjunctions: Set<string>;
  /** Forms of "be" that join a figure to the noun it is ("2,467,547 are refugees"; link.json `predicate_copulas`). */
  predicateCopulas: Set<string>;
  /** The heading words of a table of families and persons inside and outside evacuation centres (link.json `centre_table`; centreRows.ts). */
  centreTable: { inside: Set<string>; outside: Set<string>; households: Set<string>; people: Set<string> };
  /** "or", "soit", "es decir": words restating a figure further back ("relogées, soit 29 adultes et 9 enfants") (link.json). */
  restatements: string[][];
  /**
   * Auxiliaries that open a main clause's verb group ("were", "have been", "fueron", "ont été"):
   * where a relative clause after a subject figure ends ("3,000 families who live near the
   * volcano were evacuated").
   */
  auxiliaries: Set<string>;
  /**
   * Verbs of aid ("reached", "assisted", "touchant"): governing a figure of displaced people, they
   * count who got help, not who was displaced ("WFP reached 3,500 IDPs").
   */
  aidVerbs: Set<string>;
  /** The auxiliary of a passive, right before its participle: "were [assisted]", "ont été [assistés]". */
  passiveAuxiliaries: Set<string>;
  /** Movements a hypothetical predicate may announce for counted people ("refugees are expected to arrive"). */
  futureMovements: string[][];
  /** Movements of leaving ("leave", "quitter"): leaving a shelter is going home, not a move to come (modality.json). */
  exitMovements: Set<string>;
  /** Exercises whose sentence reports no displacement ("during a fire drill", "el simulacro"). */
  exercises: string[][];
  /** "bomb threat", "aviso de bomba", "alerte à la bombe": a building's alert, whose evacuations are no displacement (modality.json). */
  buildingAlerts: string[][];
  /** Words after a trigger that cancel or deny it ("the evacuation was called off"), or make it
   * wait on a condition ("… should the volcano erupt"). */
  cancellation: string[][];
}

const ROOT = fileURLToPath(new URL('../../lexicon/', import.meta.url));

/**
 * One file as found in every language folder under lexicon/ that has it, English first: the
 * lists of the stages that do not know a document's language (sentence splitting, stock or flow).
 */
export function everyLanguage<T>(file: string): T[] {
  return readdirSync(ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)))
    .map((lang) => join(ROOT, lang, file))
    .filter((p) => existsSync(p))
    .map((p) => JSON.parse(readFileSync(p, 'utf8')) as T);
}

const cache = new Map<string, Lexicon>();

/**
 * The lexicon for a document in `lang`: triggers, nouns and context words of every language
 * under lexicon/ (reports mix languages), but number words only of English and `lang`, since
 * they collide across languages ("once" is eleven in Spanish, "un" is the UN in English).
 */
export function loadLexicon(lang: string | null = 'en'): Lexicon {
  // Looked up by the language asked for first: no file-system call once a language is loaded.
  const asked = cache.get(lang ?? 'en');
  if (asked) return asked;
  const key = lang && existsSync(join(ROOT, lang)) ? lang : 'en';
  const hit = cache.get(key);
  if (hit) {
    cache.set(lang ?? 'en', hit);
    return hit;
  }
  const langs = readdirSync(ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
  const read = <T>(lang: string, file: string): T | null => {
    const p = join(ROOT, lang, file);
    return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as T) : null;
  };
  // A plural possessive's apostrophe is a token of its own in text ("relatives' houses" reads
  // relatives | ' | houses), so it is one in a lexicon phrase too. Only after "s" and two letters
  // more: French elisions ("d'", "s'", "qu'") stay whole.
  const words = (s: string) =>
    normalise(s)
      .replace(/(\p{L}{2}s)'(?=\s|$)/gu, "$1 '")
      .split(/\s+/)
      .filter(Boolean);
  const set = (xs: string[] | undefined) => new Set((xs ?? []).map((x) => normalise(x)));

  const lex: Lexicon = {
    triggers: new Map(),
    triggerIndex: new Map(),
    slots: new Map(),
    siteModifiers: { slots: new Set(), articles: new Set(), words: new Set() },
    copulas: new Map(),
    copulaNouns: new Map(),
    nouns: {
      people: new Set(),
      households: new Set(),
      housing: new Set(),
      other: new Set(),
      modifiers: new Set(),
      elided: new Set(),
      generic: new Set(),
      pronouns: new Set(),
      shelters: new Set(),
      buildings: new Set(),
      measures: new Set(),
    },
    housingOf: [],
    householdHomes: new Set(),
    stayingTerms: new Set(),
    leftTerms: new Set(),
    peopleEndings: [],
    functionWords: new Set(),
    organisationHeads: new Set(),
    nameJoiners: new Set(),
    multiNouns: new Map(),
    numberUnits: new Map(),
    scales: new Map(),
    approximateScales: new Set(),
    compounds: new Map(),
    compoundParts: new Set(),
    fractions: new Map(),
    articles: new Set(),
    numberJoiners: new Set(),
    letterScales: new Set(),
    gluedScales: new Set(),
    notScaledBefore: new Set(),
    standaloneScales: new Set(),
    partitives: new Set(),
    partitiveOpeners: new Set(),
    decimalMark: '.',
    vague: [],
    vagueFirst: new Set(),
    vagueByFirst: new Map(),
    qualifiersByLast: new Map(),
    mayHoldQuantity: /\d/,
    mayHoldDate: /\d/,
    dateWords: [],
    timeLabels: { words: new Set(), leads: new Set() },
    qualifiersBefore: [],
    qualifiersAfter: [],
    totals: [],
    rangeJoiners: new Set(),
    rangeJoinersNeedOpener: new Set(),
    rangeOpeners: new Set(),
    qualifiersAdjacent: new Set(),
    months: new Set(),
    ambiguousMonths: new Set(),
    dayMonthJoiners: new Set(),
    dayArticles: new Set(),
    ratioJoiners: [],
    densityJoiners: [],
    rateBase: { joiners: [], nouns: new Set() },
    phoneBefore: new Set(),
    personalBefore: new Set(),
    ageAppositionAfter: new Set(),
    levelWords: new Set(),
    personalOf: [],
    ageOf: [],
    deadOf: [],
    addresses: [],
    streetTypes: new Set(),
    speakerVerbs: [],
    timeOpeners: new Set(),
    yearBefore: [],
    multiplierBefore: [],
    forecastVerbs: [],
    capacities: [],
    capacityReached: new Set(),
    headlineInfinitives: new Set(),
    eventNouns: [],
    otherSenses: [],
    modelBefore: new Set(),
    ordinalSuffixes: new Set(),
    timeAfter: new Set(),
    clockAfter: [],
    moneyBefore: new Set(),
    moneyAfter: new Set(),
    measureAfter: new Set(),
    labelBefore: new Set(),
    hypothetical: [],
    negation: new Set(),
    pastOverride: [],
    fillers: new Set(),
    clauseBreaks: new Set(),
    clauseOpeners: [],
    causal: [],
    agentPrepositions: new Set(),
    shareRelatives: [],
    orders: [],
    precautions: [],
    resultatives: [],
    asides: [],
    continuation: [],
    countHeads: [],
    countNouns: new Set(),
    levelVerbs: [],
    levelAdverbs: new Set(),
    levelChanges: [],
    countRaisers: [],
    levelBeforeHead: { prepositions: new Set(), articles: new Set() },
    changeTimeWords: new Set(),
    changeTimeAnchors: new Set(),
    peakHeads: [],
    markNouns: new Set(),
    nameLinks: new Set(),
    siteHosts: {
      verbs: [],
      withs: [],
      shelters: [],
      camps: [],
      nounBefore: new Set(),
      displacedHosts: [],
      hostNames: new Set(),
      where: { openers: new Set(), stays: new Set() },
    },
    itemLeads: [],
    buildingExits: { from: [], buildings: [], occupants: new Set() },
    crossingInto: [],
    crossingNeighbours: new Set(),
    foreignTowns: { nouns: new Set(), modifiers: new Set() },
    demonymCountries: new Map(),
    internalAreas: new Set(),
    compass: new Set(),
    borderContext: new Set(),
    internalContext: new Set(),
    nationals: new Set(),
    movedTo: new Set(),
    population: { places: new Set(), nouns: new Set(), inhabitants: new Set(), homes: [], labels: new Set(), owners: new Set(), whole: new Set(), demonstratives: new Set() },
    changeAmounts: [],
    comparatives: [],
    listShelters: [],
    listLeads: [],
    stayLinks: new Set(),
    returnAfter: [],
    existentials: [],
    refuge: {
      words: new Set(),
      namedOnly: new Set(),
      prepositions: new Set(),
      sites: new Set(),
      times: new Set(),
      escapes: new Set(),
      towns: new Set(),
      inCountry: new Set(),
    },
    namedStays: {
      verbs: new Set(),
      prepositions: new Set(),
      modifiers: new Set(),
      destinations: new Set(),
      care: new Set(),
    },
    floodedOnly: new Set(),
    changeDirections: { words: new Set(), then: new Set(), nouns: new Set() },
    destinationOpeners: new Set(),
    anaphors: [],
    subsetOpeners: [],
    anaphorVerbs: [],
    anaphorArticles: new Set(),
    qualifierFirst: new Set(),
    itemPrepositions: new Set(),
    namePrepositions: new Set(),
    hostVerbs: [],
    hostPlaces: [],
    crossingPeople: new Set(),
    hostCitizens: [],
    removals: [],
    removalBreaks: new Set(),
    homeDestinations: [],
    additives: { before: [], after: [], places: new Set(), means: [], leads: [], items: new Set() },
    conjunctions: new Set(),
    coordinators: new Set(),
    housingDegrees: new Map(),
    campOrigin: { prepositions: [], leaving: [], determiners: new Set(), sources: new Set() },
    copulaPhraseOpeners: new Set(),
    refugeeArrivals: { arrivals: new Set(), internal: [] },
    housingParticiples: new Map(),
    memberJoiners: new Set(),
    supplyVerbs: new Set(),
    objectMarkers: new Set(),
    partitiveClitics: new Set(),
    memberNouns: new Set(),
    listSeparators: new Set(),
    listJoiners: [],
    itemAdverbs: new Set(),
    equivalents: new Set(),
    shareOf: [],
    vagueParts: new Set(),
    subsetMarkers: [],
    partCauses: [],
    inclusionMarkers: [],
    subgroups: new Set(),
    estimateModals: new Set(),
    reportiveConditionals: new Set(),
    conditions: [],
    verbOnlyCues: new Set(),
    verbOnlyComplements: new Set(),
    figureNegation: [],
    cancellation: [],
    futureMovements: [],
    exitMovements: new Set(),
    exercises: [],
    buildingAlerts: [],
    modals: new Set(),
    relatives: new Set(),
    subjectModifiers: new Set(),
    ownerRelatives: new Set(),
    profileOf: new Set(),
    groupArticles: new Set(),
    disjunctions: new Set(),
    predicateCopulas: new Set(),
    centreTable: { inside: new Set(), outside: new Set(), households: new Set(), people: new Set() },
    restatements: [],
    auxiliaries: new Set(),
    aidVerbs: new Set(),
    passiveAuxiliaries: new Set(),
    rates: [],
    averages: [],
    averageHeads: [],
    groupSizes: [],
    distributives: new Set(),
    riskExposures: [],
    plannedAfter: [],
    futureAfter: [],
    rateBlockers: new Set(),
    rateTimeAfter: new Set(),
  };

  // Shared by every language: groups of fact-model terms (lexicon/term-classes.json).
  const classes = JSON.parse(readFileSync(join(ROOT, 'term-classes.json'), 'utf8')) as {
    staying: string[];
    left: string[];
  };
  classes.staying.forEach((t) => lex.stayingTerms.add(t));
  classes.left.forEach((t) => lex.leftTerms.add(t));

  let seq = 0;
  for (const lang of langs) {
    const terms = read<TermRow[]>(lang, 'terms.json');
    // Word families (lexicon/<lang>/families.json) bring every inflection of their lemmas.
    const families = read<FamilyFile>(lang, 'families.json');
    const irregular = read<Record<string, Irregular>>(lang, 'irregular.json') ?? {};
    const morph = morphologyOf(lang);
    if (families && morph)
      for (const c of families.copulas ?? [])
        for (const p of expandPhrase(c, morph, irregular, families.sets ?? {})) {
          const ws = words(p);
          lex.copulas.set(ws[0]!, [...(lex.copulas.get(ws[0]!) ?? []), ws]);
        }
    for (const e of families?.families ?? [])
      if (e.counts && e.noun !== undefined) {
        const noun = normalise(e.noun);
        lex.copulaNouns.set(noun, {
          words: [noun],
          term: e.term,
          form: 'agent',
          housing: false,
          weak: false,
          reason: `${e.term}:noun:${e.noun}:copula`,
          maxLength: 1,
          seq: -1,
        });
      }
    const generated = families ? expandFamilies(lang, families, irregular) : [];
    for (const w of families?.contexts?.refugees ?? []) lex.borderContext.add(w);
    for (const w of families?.contexts?.displaced ?? []) lex.internalContext.add(w);
    const nationals = nationalsOf(ROOT, lang).map((w) => normalise(w));
    for (const w of nationals) lex.nationals.add(w);
    for (const [w, c] of demonymCountriesOf(ROOT, lang)) lex.demonymCountries.set(normalise(w), c);
    if (families && morph) {
      lex.slots.set(countrySlot(lang), byFirstWord(countrySet(lang, families).map(words)));
      for (const [name, list] of Object.entries(slotSets(lang, families)))
        lex.slots.set(setSlot(lang, name), byFirstWord(list.map(words)));
      const sites = families.site_modifiers;
      for (const name of sites?.slots ?? []) lex.siteModifiers.slots.add(setSlot(lang, name));
      set(sites?.articles).forEach((x) => lex.siteModifiers.articles.add(x));
      set(sites?.words).forEach((x) => lex.siteModifiers.words.add(x));
    }
    for (const t of [...(terms ?? []), ...generated]) {
      const ws = words(t.match);
      const entry: TriggerEntry = {
        words: ws,
        maxLength: ws.reduce(
          (n, w) =>
            n +
            (lex.slots.has(w) ? longestName(lex.slots.get(w)!) : 1) +
            (lex.siteModifiers.slots.has(w) ? SITE_MODIFIER_REACH : 0),
          0,
        ),
        seq: seq++,
        term: t.term,
        form: t.form,
        housing: t.housing === true,
        weak: t.weak === true,
        ...(t.context && families?.contexts?.[t.context]
          ? { inContext: { cues: set(families.contexts[t.context]), term: t.context as TriggerClass } }
          : {}),
        reason: t.reason,
      };
      const first = entry.words[0];
      if (first === undefined) continue;
      if (lex.slots.has(first))
        throw new Error(`lexicon ${lang}: the trigger "${t.match}" starts with a slot`);
      const list = lex.triggers.get(first) ?? [];
      list.push(entry);
      lex.triggers.set(first, list);
    }
    const nouns = read<
      Partial<
        Record<
          | keyof NounSets
          | 'housing_of'
          | 'people_endings'
          | 'household_homes'
          | 'organisation_heads'
          | 'name_joiners',
          string[]
        >
      >
    >(lang, 'nouns.json');
    if (nouns) {
      lex.housingOf.push(...(nouns.housing_of ?? []).map(words));
      (nouns.household_homes ?? []).forEach((w) => lex.householdHomes.add(normalise(w)));
      lex.peopleEndings.push(...(nouns.people_endings ?? []).map(normalise));
      (nouns.organisation_heads ?? []).forEach((w) => lex.organisationHeads.add(normalise(w)));
      (nouns.name_joiners ?? []).forEach((w) => lex.nameJoiners.add(normalise(w)));
      for (const w of functionWordsOf(lang)) lex.functionWords.add(normalise(w));
      for (const kind of Object.keys(lex.nouns) as (keyof NounSets)[]) {
        for (const n of nouns[kind] ?? []) {
          const ws = words(n);
          if (ws.length === 1) lex.nouns[kind].add(ws[0]!);
          else if (ws.length > 1) {
            const list = lex.multiNouns.get(ws[0]!) ?? [];
            list.push({ words: ws, kind });
            lex.multiNouns.set(ws[0]!, list);
          }
        }
      }
      // A plural noun of nationality counts people ("18.000 libios", "2 000 Maliens"), from the one
      // list the geoparser reads. English knows them by their capital and ending instead (noun.ts),
      // and its list holds group names that are no count of their own ("Bosnian Serbs, Croats").
      if (lang !== 'en')
        for (const n of nationals)
          if (!lex.nouns.housing.has(n) && !lex.nouns.households.has(n) && !lex.nouns.other.has(n))
            lex.nouns.people.add(n);
    }
    const numbers = read<{
      decimal_mark?: '.' | ',';
      units: Record<string, number>;
      scales: Record<string, number>;
      compounds?: Record<string, number>;
      fractions?: Record<string, number>;
      approximateScales?: string[];
      vague: string[];
      articles?: string[];
      joiners?: string[];
      letter_scales?: string[];
      glued_scales?: string[];
      not_scaled_before?: string[];
      standalone_scales?: string[];
      partitives?: string[];
      partitive_openers?: string[];
      not_scales?: string[];
    }>(lang, 'numbers.json');
    if (numbers && (lang === 'en' || lang === key)) {
      // English is read first; the document language's decimal mark wins.
      if (numbers.decimal_mark) lex.decimalMark = numbers.decimal_mark;
      for (const [k, v] of Object.entries(numbers.units)) lex.numberUnits.set(normalise(k), v);
      for (const [k, v] of Object.entries(numbers.scales)) lex.scales.set(normalise(k), v);
      for (const [k, v] of Object.entries(numbers.compounds ?? {})) {
        lex.compounds.set(normalise(k), v);
        normalise(k)
          .split('-')
          .forEach((w) => lex.compoundParts.add(w));
      }
      for (const [k, v] of Object.entries(numbers.fractions ?? {})) lex.fractions.set(normalise(k), v);
      for (const k of numbers.approximateScales ?? []) lex.approximateScales.add(normalise(k));
      lex.vague.push(...numbers.vague.map(words));
      // The document language's articles replace English ones: Spanish "a" and French "a" are a
      // preposition and a verb ("desplazando a decenas de residentes" is no "a dozen").
      if (lang !== 'en' && numbers.articles) {
        for (const a of lex.articles) if (!(a in numbers.units)) lex.numberUnits.delete(a);
        lex.articles.clear();
      }
      set(numbers.articles).forEach((x) => lex.articles.add(x));
      set(numbers.joiners).forEach((x) => lex.numberJoiners.add(x));
      set(numbers.letter_scales).forEach((x) => lex.letterScales.add(x));
      set(numbers.glued_scales).forEach((x) => lex.gluedScales.add(x));
      set(numbers.not_scaled_before).forEach((x) => lex.notScaledBefore.add(x));
      set(numbers.standalone_scales).forEach((x) => lex.standaloneScales.add(x));
      set(numbers.partitives).forEach((x) => lex.partitives.add(x));
      set(numbers.partitive_openers).forEach((x) => lex.partitiveOpeners.add(x));
      // English scales another language writes for something else: French "6mn" is six minutes.
      set(numbers.not_scales).forEach((x) => lex.scales.delete(x));
    }
    const q = read<{
      before: Record<string, Qualifier>;
      after: Record<string, Qualifier>;
      total: string[];
      range_joiners: string[];
      range_openers: string[];
      range_joiners_need_opener?: string[];
      after_adjacent?: string[];
    }>(lang, 'qualifiers.json');
    if (q) {
      for (const [k, v] of Object.entries(q.before))
        lex.qualifiersBefore.push({ words: words(k), qualifier: v });
      for (const k of Object.keys(q.before)) lex.qualifierFirst.add(words(k)[0] ?? '');
      for (const [k, v] of Object.entries(q.after))
        lex.qualifiersAfter.push({ words: words(k), qualifier: v });
      lex.totals.push(...q.total.map(words));
      q.range_joiners.forEach((x) => lex.rangeJoiners.add(normalise(x)));
      q.range_openers.forEach((x) => lex.rangeOpeners.add(normalise(x)));
      set(q.range_joiners_need_opener).forEach((x) => lex.rangeJoinersNeedOpener.add(x));
      set(q.after_adjacent).forEach((x) => lex.qualifiersAdjacent.add(x));
    }
    const nf = read<Record<string, string[]>>(lang, 'nonfigures.json');
    if (nf) {
      set(nf.months).forEach((x) => lex.months.add(x));
      set(nf.ambiguous_months).forEach((x) => lex.ambiguousMonths.add(x));
      set(nf.day_month_joiners).forEach((x) => lex.dayMonthJoiners.add(x));
      set(nf.day_articles).forEach((x) => lex.dayArticles.add(x));
      lex.ratioJoiners.push(...(nf.ratio_joiners ?? []).map(words));
      lex.densityJoiners.push(...(nf.density_joiners ?? []).map(words));
      lex.rateBase.joiners.push(...(nf.rate_base_joiners ?? []).map(words));
      set(nf.rate_base_nouns).forEach((x) => lex.rateBase.nouns.add(normalise(x)));
      set(nf.phone_before).forEach((x) => lex.phoneBefore.add(x));
      set(nf.personal_before).forEach((x) => lex.personalBefore.add(x));
      set(nf.age_apposition_after).forEach((x) => lex.ageAppositionAfter.add(x));
      set(nf.level_words).forEach((x) => lex.levelWords.add(normalise(x)));
      lex.personalOf.push(...(nf.personal_of ?? []).map(words));
      lex.ageOf.push(...(nf.age_of ?? []).map(words));
      lex.deadOf.push(...(nf.dead_of ?? []).map(words));
      set(nf.street_types).forEach((x) => lex.streetTypes.add(normalise(x)));
      for (const a of nf.addresses ?? []) {
        const [before = '', after = ''] = a.split('#');
        lex.addresses.push({ before: words(before), after: words(after) });
      }
      lex.speakerVerbs.push(...(nf.speaker_verbs ?? []).map(words));
      set(nf.time_openers).forEach((x) => lex.timeOpeners.add(x));
      lex.yearBefore.push(...(nf.year_before ?? []).map(words));
      lex.multiplierBefore.push(...(nf.multiplier_before ?? []).map(words));
      lex.eventNouns.push(...(nf.event_nouns ?? []).map(words));
      set(nf.model_before).forEach((x) => lex.modelBefore.add(x));
      set(nf.ordinal_suffix).forEach((x) => lex.ordinalSuffixes.add(x));
      set(nf.time_after).forEach((x) => lex.timeAfter.add(x));
      lex.clockAfter.push(...(nf.clock_after ?? []).map(words));
      set(nf.money_before).forEach((x) => lex.moneyBefore.add(x));
      set(nf.money_after).forEach((x) => lex.moneyAfter.add(x));
      set(nf.measure_after).forEach((x) => lex.measureAfter.add(x));
      set(nf.label_before).forEach((x) => lex.labelBefore.add(x));
      lex.dateWords.push(...(nf.date_words ?? []).map(normalise));
      set(nf.time_label_words).forEach((x) => lex.timeLabels.words.add(x));
      set(nf.time_label_leads).forEach((x) => lex.timeLabels.leads.add(x));
    }
    const modal = read<
      Record<string, string[]> & { other_senses?: Record<string, { cues: string[]; words: string[]; any_noun?: boolean }> }
    >(lang, 'modality.json');
    if (modal) {
      for (const [name, sense] of Object.entries(modal.other_senses ?? {}))
        lex.otherSenses.push({
          name,
          cues: wholeWords(sense.cues),
          words: sense.words.map(normalise),
          anyNoun: sense.any_noun === true,
        });
      lex.hypothetical.push(...(modal.hypothetical ?? []).map(words));
      lex.exercises.push(...(modal.exercises ?? []).map(words));
      lex.buildingAlerts.push(...(modal.building_alerts ?? []).map(words));
      set(modal.negation).forEach((x) => lex.negation.add(x));
      lex.pastOverride.push(...(modal.past_override ?? []).map(words));
      lex.figureNegation.push(...(modal.figure_negation ?? []).map(words));
      set(modal.estimate_modals).forEach((x) => lex.estimateModals.add(x));
      set(modal.reportive_conditionals).forEach((x) => lex.reportiveConditionals.add(x));
      lex.conditions.push(...(modal.conditions ?? []).map(words));
      set(modal.verb_only_cues).forEach((x) => lex.verbOnlyCues.add(x));
      set(modal.verb_only_complements).forEach((x) => lex.verbOnlyComplements.add(x));
      lex.cancellation.push(...(modal.cancellation ?? []).map(words));
      lex.cancellation.push(...(modal.conditional_after ?? []).map(words));
      lex.futureMovements.push(...(modal.future_movements ?? []).map(words));
      set(modal.exit_movements).forEach((x) => lex.exitMovements.add(x));
      set(modal.modals).forEach((x) => lex.modals.add(x));
      lex.forecastVerbs.push(...(modal.forecast_verbs ?? []).map(words));
      lex.capacities.push(...(modal.capacities ?? []).map(words));
      set(modal.capacity_reached).forEach((x) => lex.capacityReached.add(x));
      set(modal.headline_infinitives).forEach((x) => lex.headlineInfinitives.add(x));
      set(modal.relatives).forEach((x) => lex.relatives.add(x));
      lex.rates.push(...(modal.rates ?? []).map(words));
      lex.averages.push(...(modal.averages ?? []).map(words));
      lex.averageHeads.push(...(modal.average_heads ?? []).map(words));
      lex.groupSizes.push(...(modal.group_sizes ?? []).map(words));
      set(modal.distributives).forEach((x) => lex.distributives.add(x));
      lex.riskExposures.push(...(modal.risk_exposures ?? []).map(words));
      lex.plannedAfter.push(...(modal.planned_after ?? []).map(words));
      lex.futureAfter.push(...(modal.future_after ?? []).map(words));
      // A state of waiting is read like a time to come: "another 300 are on alert".
      lex.futureAfter.push(...(modal.alert_after ?? []).map(words));
      set(modal.rate_blockers).forEach((x) => lex.rateBlockers.add(x));
      set(modal.rate_time_after).forEach((x) => lex.rateTimeAfter.add(x));
    }
    const link = read<{
      fillers: string[];
      clause_breaks: string[];
      clause_openers?: string[];
      causal?: string[];
      agent_prepositions?: string[];
      share_relatives?: string[];
      orders?: string[];
      precautions?: string[];
      resultatives?: string[];
      asides?: string[];
      continuation?: string[];
      equivalents?: string[];
      share_of?: string[];
      vague_parts?: string[];
      subset_markers?: string[];
      part_causes?: string[];
      inclusion_markers?: string[];
      subgroups?: string[];
      count_heads?: string[];
      level_verbs?: string[];
      anaphors?: string[];
      subset_openers?: string[];
      anaphor_verbs?: string[];
      anaphor_articles?: string[];
      item_prepositions?: string[];
      name_prepositions?: string[];
      host_verbs?: string[];
      host_places?: string[];
      crossing_people?: string[];
      host_citizens?: string[];
      home_destinations?: string[];
      additives?: {
        before?: string[];
        after?: string[];
        places?: string[];
        means?: string[];
        rank_leads?: string[];
        rank_items?: string[];
      };
      conjunctions?: string[];
      coordinators?: string[];
      camp_origin?: { prepositions?: string[]; leaving?: string[]; determiners?: string[]; sources?: string[] };
      copula_phrase_openers?: string[];
      refugee_arrivals?: { arrivals?: string[]; internal?: string[] };
      housing_degrees?: {
        destroyed?: string[];
        damaged?: string[];
        participles?: { destroyed?: string[]; damaged?: string[] };
      };
      member_joiners?: string[];
      supply_verbs?: string[];
      object_markers?: string[];
      partitive_clitics?: string[];
      member_nouns?: string[];
      list_separators?: string[];
      list_joiners?: string[];
      item_adverbs?: string[];
      auxiliaries?: string[];
      aid_verbs?: string[];
      passive_auxiliaries?: string[];
      count_nouns?: string[];
      level_adverbs?: string[];
      level_changes?: [string, string][];
      count_raisers?: [string, string][];
      level_before_head?: { prepositions?: string[]; articles?: string[] };
      change_time_words?: string[];
      change_time_anchors?: string[];
      peak_heads?: string[];
      mark_nouns?: string[];
      name_links?: string[];
      site_hosts?: {
        verbs?: string[];
        withs?: string[];
        shelters?: string[];
        camps?: string[];
        noun_before?: string[];
        displaced_hosts?: string[];
        where?: { openers?: string[]; stays?: string[] };
        host_names?: string[];
      };
      item_leads?: string[];
      building_exits?: { from?: string[]; buildings?: string[]; occupants?: string[] };
      crossing_into?: string[];
      crossing_neighbours?: string[];
      foreign_towns?: { nouns?: string[]; modifiers?: string[] };
      internal_areas?: string[];
      compass?: string[];
      moved_to?: string[];
      population?: {
        places?: string[];
        nouns?: string[];
        inhabitants?: string[];
        homes?: string[];
        labels?: string[];
        owners?: string[];
        whole?: string[];
        demonstratives?: string[];
      };
      change_amounts?: string[];
      comparatives?: string[];
      list_shelters?: string[];
      list_leads?: string[];
      stay_links?: string[];
      return_after?: string[];
      existentials?: string[];
      refuge?: {
        words?: string[];
        named_only?: string[];
        prepositions?: string[];
        sites?: string[];
        times?: string[];
        escapes?: string[];
        towns?: string[];
        in_country?: string[];
      };
      named_stays?: {
        verbs?: string[];
        prepositions?: string[];
        modifiers?: string[];
        destinations?: string[];
        care?: string[];
      };
      flooded_only?: string[];
      change_directions?: { words?: string[]; then?: string[]; nouns?: string[] };
      destination_openers?: string[];
      subject_modifiers?: string[];
      owner_relatives?: string[];
      profile_of?: string[];
      group_articles?: string[];
      disjunctions?: string[];
      predicate_copulas?: string[];
      centre_table?: { inside?: string[]; outside?: string[]; households?: string[]; people?: string[] };
      restatements?: string[];
      removals?: { verbs: string[]; away: string[]; term: TriggerClass }[];
      removal_breaks?: string[];
    }>(lang, 'link.json');
    if (link) {
      lex.asides.push(...(link.asides ?? []).map(words));
      lex.continuation.push(...(link.continuation ?? []).map(words));
      lex.countHeads.push(...(link.count_heads ?? []).map(words));
      set(link.count_nouns).forEach((x) => lex.countNouns.add(x));
      lex.levelVerbs.push(...(link.level_verbs ?? []).map(words));
      set(link.level_adverbs).forEach((x) => lex.levelAdverbs.add(x));
      set(link.change_time_words).forEach((x) => lex.changeTimeWords.add(normalise(x)));
      set(link.change_time_anchors).forEach((x) => lex.changeTimeAnchors.add(normalise(x)));
      lex.peakHeads.push(...(link.peak_heads ?? []).map(words));
      set(link.mark_nouns).forEach((x) => lex.markNouns.add(normalise(x)));
      lex.levelChanges.push(
        ...(link.level_changes ?? []).map(([from, to]) => ({ from: words(from), to: words(to) })),
      );
      set(link.level_before_head?.prepositions).forEach((x) => lex.levelBeforeHead.prepositions.add(x));
      set(link.level_before_head?.articles).forEach((x) => lex.levelBeforeHead.articles.add(x));
      lex.countRaisers.push(
        ...(link.count_raisers ?? []).map(([from, to]) => ({ from: words(from), to: words(to) })),
      );
      set(link.name_links).forEach((x) => lex.nameLinks.add(x));
      lex.siteHosts.verbs.push(...(link.site_hosts?.verbs ?? []).map(words));
      lex.siteHosts.withs.push(...(link.site_hosts?.withs ?? []).map(words));
      lex.siteHosts.shelters.push(...(link.site_hosts?.shelters ?? []).map(words));
      lex.siteHosts.camps.push(...(link.site_hosts?.camps ?? []).map(words));
      lex.siteHosts.displacedHosts.push(...(link.site_hosts?.displaced_hosts ?? []).map(words));
      set(link.site_hosts?.host_names).forEach((x) => lex.siteHosts.hostNames.add(x));
      (link.site_hosts?.noun_before ?? []).forEach((x) => lex.siteHosts.nounBefore.add(x));
      set(link.site_hosts?.where?.openers).forEach((x) => lex.siteHosts.where.openers.add(x));
      set(link.site_hosts?.where?.stays).forEach((x) => lex.siteHosts.where.stays.add(x));
      lex.itemLeads.push(...(link.item_leads ?? []).map(words));
      lex.buildingExits.from.push(...(link.building_exits?.from ?? []).map(words));
      lex.buildingExits.buildings.push(...(link.building_exits?.buildings ?? []).map(words));
      set(link.building_exits?.occupants).forEach((x) => lex.buildingExits.occupants.add(x));
      lex.crossingInto.push(...(link.crossing_into ?? []).map(words));
      set(link.crossing_neighbours).forEach((x) => lex.crossingNeighbours.add(x));
      set(link.foreign_towns?.nouns).forEach((x) => lex.foreignTowns.nouns.add(x));
      set(link.foreign_towns?.modifiers).forEach((x) => lex.foreignTowns.modifiers.add(x));
      set(link.internal_areas).forEach((x) => lex.internalAreas.add(x));
      set(link.compass).forEach((x) => lex.compass.add(x));
      set(link.moved_to).forEach((x) => lex.movedTo.add(x));
      set(link.population?.places).forEach((x) => lex.population.places.add(x));
      set(link.population?.nouns).forEach((x) => lex.population.nouns.add(x));
      set(link.population?.inhabitants).forEach((x) => lex.population.inhabitants.add(x));
      lex.population.homes.push(...(link.population?.homes ?? []).map(words));
      set(link.population?.labels).forEach((x) => lex.population.labels.add(x));
      set(link.population?.owners).forEach((x) => lex.population.owners.add(x));
      set(link.population?.whole).forEach((x) => lex.population.whole.add(x));
      set(link.population?.demonstratives).forEach((x) => lex.population.demonstratives.add(x));
      lex.changeAmounts.push(...(link.change_amounts ?? []).map(words));
      lex.comparatives.push(...(link.comparatives ?? []).map(words));
      lex.listShelters.push(...(link.list_shelters ?? []).map(words));
      lex.listLeads.push(...(link.list_leads ?? []).map(words));
      set(link.stay_links).forEach((x) => lex.stayLinks.add(x));
      lex.returnAfter.push(...(link.return_after ?? []).map(words));
      lex.existentials.push(...(link.existentials ?? []).map(words));
      set(link.refuge?.words).forEach((x) => lex.refuge.words.add(x));
      set(link.refuge?.named_only).forEach((x) => lex.refuge.namedOnly.add(x));
      set(link.refuge?.prepositions).forEach((x) => lex.refuge.prepositions.add(x));
      set(link.refuge?.sites).forEach((x) => lex.refuge.sites.add(x));
      set(link.refuge?.times).forEach((x) => lex.refuge.times.add(x));
      set(link.refuge?.escapes).forEach((x) => lex.refuge.escapes.add(x));
      set(link.refuge?.towns).forEach((x) => lex.refuge.towns.add(x));
      set(link.refuge?.in_country).forEach((x) => lex.refuge.inCountry.add(x));
      set(link.named_stays?.verbs).forEach((x) => lex.namedStays.verbs.add(x));
      set(link.named_stays?.prepositions).forEach((x) => lex.namedStays.prepositions.add(x));
      set(link.named_stays?.modifiers).forEach((x) => lex.namedStays.modifiers.add(x));
      set(link.named_stays?.destinations).forEach((x) => lex.namedStays.destinations.add(x));
      set(link.named_stays?.care).forEach((x) => lex.namedStays.care.add(x));
      set(link.flooded_only).forEach((x) => lex.floodedOnly.add(x));
      set(link.change_directions?.words).forEach((x) => lex.changeDirections.words.add(x));
      set(link.change_directions?.then).forEach((x) => lex.changeDirections.then.add(x));
      set(link.change_directions?.nouns).forEach((x) => lex.changeDirections.nouns.add(x));
      set(link.destination_openers).forEach((x) => lex.destinationOpeners.add(x));
      set(link.subject_modifiers).forEach((x) => lex.subjectModifiers.add(x));
      set(link.owner_relatives).forEach((x) => lex.ownerRelatives.add(x));
      set(link.profile_of).forEach((x) => lex.profileOf.add(x));
      set(link.group_articles).forEach((x) => lex.groupArticles.add(x));
      set(link.disjunctions).forEach((x) => lex.disjunctions.add(x));
      set(link.predicate_copulas).forEach((x) => lex.predicateCopulas.add(x));
      for (const key of ['inside', 'outside', 'households', 'people'] as const)
        set(link.centre_table?.[key]).forEach((x) => lex.centreTable[key].add(x));
      lex.restatements.push(...(link.restatements ?? []).map(words));
      lex.anaphors.push(...(link.anaphors ?? []).map(words));
      lex.subsetOpeners.push(...(link.subset_openers ?? []).map(words));
      lex.anaphorVerbs.push(...[...(link.level_verbs ?? []), ...(link.anaphor_verbs ?? [])].map(words));
      set(link.anaphor_articles).forEach((x) => lex.anaphorArticles.add(x));
      set(link.item_prepositions).forEach((x) => lex.itemPrepositions.add(x));
      set(link.name_prepositions).forEach((x) => lex.namePrepositions.add(x));
      lex.hostVerbs.push(...(link.host_verbs ?? []).map(words));
      lex.hostPlaces.push(...(link.host_places ?? []).map(words));
      set(link.crossing_people).forEach((x) => lex.crossingPeople.add(x));
      lex.hostCitizens.push(...(link.host_citizens ?? []).map(words));
      // A removal's verbs are lemmas or phrases with <lemma> slots, each bringing every form.
      for (const r of link.removals ?? []) {
        const verbs = morph ? r.verbs.flatMap((v) => expandPhrase(v, morph, irregular, {})) : r.verbs;
        lex.removals.push({ verbs: verbs.map(words), away: r.away.map(words), term: r.term });
      }
      set(link.removal_breaks).forEach((x) => lex.removalBreaks.add(normalise(x)));
      lex.homeDestinations.push(...(link.home_destinations ?? []).map(words));
      lex.additives.before.push(...(link.additives?.before ?? []).map(words));
      lex.additives.after.push(...(link.additives?.after ?? []).map(words));
      set(link.additives?.places).forEach((x) => lex.additives.places.add(x));
      lex.additives.means.push(...(link.additives?.means ?? []).map(words));
      lex.additives.leads.push(...(link.additives?.rank_leads ?? []).map(words));
      set(link.additives?.rank_items).forEach((x) => lex.additives.items.add(x));
      set(link.conjunctions).forEach((x) => lex.conjunctions.add(x));
      set(link.coordinators).forEach((x) => lex.coordinators.add(x));
      lex.campOrigin.prepositions.push(...(link.camp_origin?.prepositions ?? []).map(words));
      lex.campOrigin.leaving.push(...(link.camp_origin?.leaving ?? []).map(words));
      set(link.camp_origin?.determiners).forEach((x) => lex.campOrigin.determiners.add(normalise(x)));
      set(link.camp_origin?.sources).forEach((x) => lex.campOrigin.sources.add(normalise(x)));
      set(link.copula_phrase_openers).forEach((x) => lex.copulaPhraseOpeners.add(normalise(x)));
      set(link.refugee_arrivals?.arrivals).forEach((x) => lex.refugeeArrivals.arrivals.add(normalise(x)));
      lex.refugeeArrivals.internal.push(...(link.refugee_arrivals?.internal ?? []).map(words));
      for (const w of link.housing_degrees?.destroyed ?? [])
        lex.housingDegrees.set(normalise(w), 'destroyed_housing');
      for (const w of link.housing_degrees?.damaged ?? [])
        lex.housingDegrees.set(normalise(w), 'partially_destroyed_housing');
      for (const w of link.housing_degrees?.participles?.destroyed ?? [])
        lex.housingParticiples.set(normalise(w), 'destroyed_housing');
      for (const w of link.housing_degrees?.participles?.damaged ?? [])
        lex.housingParticiples.set(normalise(w), 'partially_destroyed_housing');
      set(link.member_joiners).forEach((x) => lex.memberJoiners.add(x));
      set(link.supply_verbs).forEach((x) => lex.supplyVerbs.add(x));
      set(link.object_markers).forEach((x) => lex.objectMarkers.add(x));
      set(link.partitive_clitics).forEach((x) => lex.partitiveClitics.add(x));
      set(link.member_nouns).forEach((x) => lex.memberNouns.add(x));
      set(link.list_separators).forEach((x) => lex.listSeparators.add(x));
      lex.listJoiners.push(...(link.list_joiners ?? []).map(words));
      set(link.item_adverbs).forEach((x) => lex.itemAdverbs.add(x));
      set(link.equivalents).forEach((x) => lex.equivalents.add(x));
      lex.shareOf.push(...(link.share_of ?? []).map(words));
      set(link.vague_parts).forEach((x) => lex.vagueParts.add(x));
      lex.subsetMarkers.push(...(link.subset_markers ?? []).map(words));
      lex.partCauses.push(...(link.part_causes ?? []).map(words));
      lex.inclusionMarkers.push(...(link.inclusion_markers ?? []).map(words));
      set(link.subgroups).forEach((x) => lex.subgroups.add(x));
      lex.causal.push(...(link.causal ?? []).map(words));
      set(link.agent_prepositions).forEach((x) => lex.agentPrepositions.add(x));
      lex.shareRelatives.push(...(link.share_relatives ?? []).map(words));
      lex.orders.push(...(link.orders ?? []).map(words));
      lex.precautions.push(...(link.precautions ?? []).map(words));
      lex.resultatives.push(...(link.resultatives ?? []).map(words));
      set(link.fillers).forEach((x) => lex.fillers.add(x));
      set(link.clause_breaks).forEach((x) => lex.clauseBreaks.add(x));
      lex.clauseOpeners.push(...(link.clause_openers ?? []).map(words));
      set(link.auxiliaries).forEach((x) => lex.auxiliaries.add(x));
      set(link.aid_verbs).forEach((x) => lex.aidVerbs.add(x));
      set(link.passive_auxiliaries).forEach((x) => lex.passiveAuxiliaries.add(x));
    }
  }
  for (const list of lex.triggers.values()) list.sort((a, b) => b.maxLength - a.maxLength);
  for (const [first, list] of lex.triggers) {
    const index = { bySecond: new Map<string, TriggerEntry[]>(), open: [] as TriggerEntry[] };
    for (const e of list) {
      const second = e.words[1];
      const plain = second !== undefined && !/^[*#{]|'$/.test(second);
      if (!plain) index.open.push(e);
      else index.bySecond.set(second, [...(index.bySecond.get(second) ?? []), e]);
    }
    lex.triggerIndex.set(first, index);
  }
  for (const list of lex.copulas.values()) list.sort((a, b) => b.length - a.length);
  for (const list of lex.multiNouns.values()) list.sort((a, b) => b.words.length - a.words.length);
  const byLength = (a: { words: string[] }, b: { words: string[] }) => b.words.length - a.words.length;
  lex.qualifiersBefore.sort(byLength);
  lex.qualifiersAfter.sort(byLength);
  lex.vague.sort((a, b) => b.length - a.length);
  for (const v of lex.vague) {
    if (!v[0]) continue;
    lex.vagueFirst.add(v[0]);
    lex.vagueByFirst.set(v[0], [...(lex.vagueByFirst.get(v[0]) ?? []), v]);
  }
  for (const q of lex.qualifiersBefore) {
    const last = q.words[q.words.length - 1]!;
    lex.qualifiersByLast.set(last, [...(lex.qualifiersByLast.get(last) ?? []), q]);
  }
  const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Articles ("a", "un") only start a number before a scale word, which is in the list anyway.
  const numberWords = [
    ...lex.numberUnits.keys(),
    ...lex.scales.keys(),
    ...lex.compounds.keys(),
    ...lex.fractions.keys(),
    ...lex.vagueFirst,
  ].filter((w) => !lex.articles.has(w) && w.length > 1);
  lex.mayHoldQuantity = new RegExp(
    `\\d|(?<![\\p{L}])(?:${numberWords.map(esc).join('|')})(?![\\p{L}])`,
    'iu',
  );
  const dateWords = [...lex.months, ...lex.dateWords];
  lex.mayHoldDate = new RegExp(
    `(?<!\\d)(?:1[89]|20)\\d\\d(?!\\d)|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|(?<![\\p{L}])(?:${dateWords.map(esc).join('|')})(?![\\p{L}])`,
    'iu',
  );
  lex.hypothetical.sort((a, b) => b.length - a.length);
  cache.set(key, lex);
  cache.set(lang ?? 'en', lex);
  return lex;
}

/** True when `seq` occurs in `norms` starting at index `at`. */
export function matchesAt(norms: readonly string[], at: number, seq: readonly string[]): boolean {
  if (at < 0 || at + seq.length > norms.length) return false;
  for (let k = 0; k < seq.length; k++) if (seq[k] !== '*' && norms[at + k] !== seq[k]) return false;
  return true;
}

type Phrases = readonly (readonly string[])[];

interface PhraseIndex {
  size: number;
  /** The phrases that can match at a token with this word, in list order. */
  at: (word: string | undefined) => Phrases;
}

/** `list` bucketed by the word at `pick`: each bucket keeps list order and every phrase a wildcard or no word there lets match. */
function indexPhrases(list: Phrases, pick: (p: readonly string[]) => string | undefined): PhraseIndex {
  const open = (p: readonly string[]) => p.length === 0 || pick(p) === '*';
  const byWord = new Map<string, Phrases>();
  for (const p of list) {
    const w = pick(p);
    if (w === undefined || w === '*' || byWord.has(w)) continue;
    byWord.set(
      w,
      list.filter((q) => open(q) || pick(q) === w),
    );
  }
  const any = list.filter(open);
  return { size: list.length, at: (word) => (word === undefined ? undefined : byWord.get(word)) ?? any };
}

interface IndexCache {
  all: WeakMap<Phrases, PhraseIndex>;
  pick: (p: readonly string[]) => string | undefined;
  /** The list asked last and its index: callers ask about one list token after token. */
  list: Phrases | null;
  index: PhraseIndex | null;
}

function indexOf(cache: IndexCache, list: Phrases): PhraseIndex {
  let index = cache.list === list ? cache.index! : cache.all.get(list);
  if (index === undefined || index.size !== list.length)
    cache.all.set(list, (index = indexPhrases(list, cache.pick)));
  cache.list = list;
  cache.index = index;
  return index;
}

const firstWords: IndexCache = { all: new WeakMap(), pick: (p) => p[0], list: null, index: null };
const lastWords: IndexCache = { all: new WeakMap(), pick: (p) => p[p.length - 1], list: null, index: null };

/**
 * The phrases of `list` that can match where the token `word` starts them (`matchesAt`): those
 * whose first word it is, or a wildcard, or empty; in list order, so that `find` and `some` over
 * them answer as over the whole list, without comparing every phrase at every token.
 */
export function startingWith<T extends readonly string[]>(
  list: readonly T[],
  word: string | undefined,
): readonly T[] {
  return indexOf(firstWords, list).at(word) as readonly T[];
}

/** The same for phrases that end at the token `word` (`endsAt`): by their last word. */
export function endingWith<T extends readonly string[]>(
  list: readonly T[],
  word: string | undefined,
): readonly T[] {
  return indexOf(lastWords, list).at(word) as readonly T[];
}

/** `startingWith` for one list, looked up once: for a loop that asks about two lists in turn. */
export function startsOf<T extends readonly string[]>(
  list: readonly T[],
): (word: string | undefined) => readonly T[] {
  return indexOf(firstWords, list).at as (word: string | undefined) => readonly T[];
}

/** `endingWith` for one list, looked up once. */
export function endsOf<T extends readonly string[]>(
  list: readonly T[],
): (word: string | undefined) => readonly T[] {
  return indexOf(lastWords, list).at as (word: string | undefined) => readonly T[];
}

/** True when `seq` ends exactly at index `end` (exclusive) of `norms`. */
export function endsAt(norms: readonly string[], end: number, seq: readonly string[]): boolean {
  return matchesAt(norms, end - seq.length, seq);
}

/** Word sequences indexed by their first word, longest first. */
function byFirstWord(names: string[][]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const n of names) if (n.length > 0) out.set(n[0]!, [...(out.get(n[0]!) ?? []), n]);
  for (const list of out.values()) list.sort((a, b) => b.length - a.length);
  return out;
}

/** How many words may describe a site before its noun ("Red Cross and community"). */
export const SITE_MODIFIER_REACH = 4;

function longestName(names: Map<string, string[][]>): number {
  let n = 1;
  for (const list of names.values()) n = Math.max(n, list[0]?.length ?? 1);
  return n;
}

/** A pattern finding any of `phrases` as whole words, in any case ("labour market", "DGT"). */
function wholeWords(phrases: readonly string[]): RegExp {
  const escaped = phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** A language's function words from `stopwords-iso` (empty for a language it lacks). */
function functionWordsOf(lang: string): string[] {
  const iso = createRequire(import.meta.url)('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;
  return iso[lang] ?? [];
}
