export { AllowList, addressRange, isPublicAddress } from './addressPolicy.js';
export { DEFAULT_HOST_DELAY_MS, HostDelay, type HostDelayOptions } from './politeness.js';
export {
  FETCH_DEFAULTS,
  checkFetchTarget,
  FetchError,
  TEXT_AND_PDF_TYPES,
  parseRetryAfter,
  safeFetch,
  type ResolvedAddress,
  type SafeFetchOptions,
  type SafeFetchResult,
} from './safeFetch.js';
