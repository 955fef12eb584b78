// How numbers, terms and countries are written on the page.
import countries from 'i18n-iso-countries';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

export function countryName(iso3: string | null | undefined): string {
  if (!iso3) return 'unknown country';
  const a2 = countries.alpha3ToAlpha2(iso3);
  try {
    return a2 ? (regionNames.of(a2) ?? iso3) : iso3;
  } catch {
    return iso3;
  }
}

/** ISO 3166-1 numeric (world-atlas feature ids) to alpha-3 (the API's country codes). */
export function numericToAlpha3(id: string | number | undefined): string | undefined {
  if (id === undefined) return undefined;
  return countries.numericToAlpha3(String(id).padStart(3, '0'));
}

// One formatter for every number: `n.toLocaleString('en')` sets up a formatter on each call, ~30 µs
// that added up to ~13 ms of a filter change on the map (the country table, the charts' axes).
const NUMBER = new Intl.NumberFormat('en');

export const formatNumber = (n: number | null | undefined): string =>
  n === null || n === undefined ? '—' : NUMBER.format(n);

export const termLabel = (term: string): string => term.replace(/_/g, ' ');

export const QUALIFIER_WORDS: Record<string, string> = {
  exact: '',
  approximately: 'about ',
  at_least: 'at least ',
  more_than: 'more than ',
  up_to: 'up to ',
  less_than: 'fewer than ',
};

/** "up to 190,000 people displaced" from a fact's fields. */
export function factHeadline(f: {
  figure: number | null;
  vague?: string | null;
  qualifier: string;
  unit: string;
  term: string;
}): string {
  const figure =
    f.figure === null
      ? (f.vague ?? 'some')
      : `${QUALIFIER_WORDS[f.qualifier] ?? ''}${formatNumber(f.figure)}`;
  return `${figure} ${f.unit} ${termLabel(f.term)}`;
}

// The terms, causes and hazards come from the fact model itself, so the filter lists cannot drift
// from the API's.
export { TERMS, CAUSES, HAZARDS } from '../../src/types.js';

/** A colour per term, from a palette that stays apart for colour-blind readers (Okabe–Ito, extended). */
export const TERM_COLOURS: Record<string, string> = {
  displaced: '#0072b2',
  forced_to_flee: '#56b4e9',
  relocated: '#009e73',
  homeless: '#d55e00',
  evacuated: '#e69f00',
  sheltered: '#cc79a7',
  in_relief_camp: '#8c564b',
  destroyed_housing: '#000000',
  partially_destroyed_housing: '#7f7f7f',
  uninhabitable_housing: '#bcbd22',
  refugees: '#9467bd',
  returns: '#17becf',
  evicted: '#b4432a',
};

/** An event's kinds of figure (claims' term classes), coloured like their main term. */
export const TERM_CLASS_COLOURS: Record<string, string> = {
  displacement: TERM_COLOURS.displaced!,
  evacuation: TERM_COLOURS.evacuated!,
  shelter: TERM_COLOURS.sheltered!,
  homeless: TERM_COLOURS.homeless!,
  housing_destroyed: TERM_COLOURS.destroyed_housing!,
  housing_damaged: TERM_COLOURS.partially_destroyed_housing!,
  refugees: TERM_COLOURS.refugees!,
  returns: TERM_COLOURS.returns!,
};

const TERM_CLASS_WORDS: Record<string, string> = {
  housing_destroyed: 'homes destroyed',
  housing_damaged: 'homes damaged',
};

export const termClassLabel = (c: string): string => TERM_CLASS_WORDS[c] ?? termLabel(c);

/** "displacement, flow" / "shelter, stock": a figure's kind in words. */
export const kindLabel = (termClass: string, stockOrFlow: string): string =>
  `${termClassLabel(termClass)}, ${stockOrFlow === 'stock' ? 'stock' : 'flow'}`;

/** "Mosul, Nineveh, Iraq": a place's names without repeats (a province named like its capital). */
export function placeLabel(...names: (string | null | undefined)[]): string {
  const seen: string[] = [];
  for (const n of names) if (n && !seen.includes(n)) seen.push(n);
  return seen.join(', ');
}
