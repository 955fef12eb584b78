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
export { TRACKING_PARAMS } from './trackingParams.js';
