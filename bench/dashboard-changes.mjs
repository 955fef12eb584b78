// The filter changes the dashboard benchmarks apply in turn (bench/dashboard-filters.mjs in the
// browser, bench/dashboard-requests.mjs per request): each is [filter key, value], '' clears it.
// Change 7 follows a filter that matches nothing (conflict with a flood hazard).
export const CHANGES = [
  ['term', 'displaced'],
  ['term', 'evacuated'],
  ['cause', 'disaster'],
  ['hazard', 'flood'],
  ['term', ''],
  ['cause', 'conflict'],
  ['hazard', ''],
  ['cause', ''],
];
