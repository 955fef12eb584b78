// The dashboard's filters, kept in the page URL's query with the API's own parameter names
// (`/?country=IRQ&term=displaced&from=2016-10-01`), so a shared link opens the same view and
// the query can be passed to the API unchanged.

export const FILTER_KEYS = [
  'country',
  'admin1',
  'term',
  'cause',
  'hazard',
  'from',
  'to',
  'min',
  'min_confidence',
  'q',
] as const;

export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/** The filters found in a query string; unknown parameters and empty values are dropped. */
export function filtersFromQuery(search: string): Filters {
  const params = new URLSearchParams(search);
  const f: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k)?.trim();
    if (v) f[k] = v;
  }
  return f;
}

/** The query string for filters (without '?'), in FILTER_KEYS order so equal views give equal URLs. */
export function filtersToQuery(f: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = f[k]?.trim();
    if (v) params.set(k, v);
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

/** Filters with one key changed (an empty value removes it). */
export function withFilter(f: Filters, key: FilterKey, value: string): Filters {
  const next = { ...f };
  if (value.trim()) next[key] = value.trim();
  else delete next[key];
  return next;
}
