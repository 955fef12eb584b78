export { canonicalUrl, isTrackingParam, tryCanonicalUrl, type CanonicalUrlOptions } from './canonicalUrl.js';
export {
  SHINGLE_WORDS,
  contentHash,
  hammingDistance,
  normaliseForHash,
  shingles,
  simhash,
  simhashHex,
} from './hash.js';
export {
  NEAR_DUPLICATE_MIN_JACCARD,
  SIMHASH_CANDIDATE_MAX_DISTANCE,
  isNearDuplicate,
  isNearDuplicateCandidate,
  shingleJaccard,
  type NearDuplicateOptions,
} from './nearDuplicate.js';
export { BatchOriginals, type BandedSimhashRow, type OriginalsSource } from './batchOriginals.js';
export { TRACKING_PARAMS } from './trackingParams.js';
export {
  MAX_SIMHASH_CANDIDATES,
  MAX_TEXT_COMPARISONS,
  MIN_WORDS_FOR_NEAR_DUPLICATE,
  RECENT_WINDOW,
  figuresOf,
  findOriginal,
  fingerprint,
  fingerprintColumns,
  isSameReport,
  simhashBands,
  type Fingerprint,
  type OriginalsIndex,
  type SimhashBands,
} from './policy.js';
