// HXL hashtags (https://hxlstandard.org) for the CSV export's second row, so the file drops
// into HXL-aware tools (HDX, HXL Proxy) as is.
import type { Term } from '../types.js';
import type { ExportRow } from './row.js';

/** The hashtag of a figure of each term. */
export const TERM_TAGS: Record<Term, string> = {
  displaced: '#affected+displaced',
  forced_to_flee: '#affected+displaced+fled',
  relocated: '#affected+relocated',
  homeless: '#affected+homeless',
  evacuated: '#affected+evacuated',
  sheltered: '#affected+sheltered',
  in_relief_camp: '#affected+camp',
  destroyed_housing: '#affected+hh+destroyed',
  partially_destroyed_housing: '#affected+hh+damaged',
  uninhabitable_housing: '#affected+hh+uninhabitable',
  refugees: '#affected+refugees',
  returns: '#affected+returnees',
  evicted: '#affected+evicted',
};

/** Column order and hashtags; `figure` takes the term's tag when the export holds one term. */
export function hxlColumns(term: Term | null): [keyof ExportRow, string][] {
  return [
    ['id', '#meta+id'],
    ['country', '#country+code'],
    ['admin1', '#adm1+name'],
    ['location', '#loc+name'],
    ['lat', '#geo+lat'],
    ['lon', '#geo+lon'],
    ['term', '#indicator+term'],
    ['figure', term ? TERM_TAGS[term] : '#affected+displaced'],
    ['vague', '#affected+vague'],
    ['qualifier', '#indicator+qualifier'],
    ['unit', '#indicator+unit'],
    ['people', '#affected+ind'],
    ['date', '#date+start'],
    ['date_end', '#date+end'],
    ['cause', '#cause'],
    ['hazard', '#cause+hazard'],
    ['stock_or_flow', '#indicator+type'],
    ['confidence', '#meta+confidence'],
    ['source', '#meta+source'],
    ['url', '#meta+url'],
    ['title', '#meta+title'],
    ['published', '#date+published'],
    ['evidence', '#description'],
    ['article_id', '#meta+article'],
  ];
}
