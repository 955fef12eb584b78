// Builders for the rule tables: a mention with no cues, an entry, a choice, each overridden by
// what a row needs. Test support only (not built).
import type { GazetteerEntry } from '../gazetteer.js';
import type { Mention } from '../recognize.js';
import type { Choice, DocumentMentions } from './types.js';

export function entry(over: Partial<GazetteerEntry> = {}): GazetteerEntry {
  return {
    id: 1,
    kind: 'city',
    featureCode: 'PPL',
    name: 'Name',
    lat: 0,
    lon: 0,
    country: 'XX',
    admin1: '01',
    population: 10_000,
    ...over,
  };
}

export function mention(over: Partial<Mention> = {}): Mention {
  return {
    start: 0,
    end: 4,
    key: 'name',
    words: 1,
    candidates: [entry()],
    sentenceInitial: false,
    person: false,
    givenName: false,
    surname: false,
    personVerb: false,
    placeCue: false,
    familyName: false,
    holiday: false,
    street: false,
    lowercaseElsewhere: false,
    notPlace: false,
    generic: false,
    organisation: false,
    abbreviation: false,
    ...over,
  };
}

export function choice(over: Partial<Choice> = {}): Choice {
  const m = over.mention ?? mention();
  return {
    mention: m,
    mentions: [m],
    entry: m.candidates[0] ?? entry(),
    parts: { prior: 4 },
    supported: false,
    countryShare: 0,
    leadingCountry: null,
    contained: false,
    containers: [],
    ownName: true,
    ...over,
  };
}

export function documentOf(mentions: Mention[], over: Partial<DocumentMentions> = {}): DocumentMentions {
  return { mentions, containerOf: new Map(), storms: new Set(), persons: new Set(), ...over };
}
