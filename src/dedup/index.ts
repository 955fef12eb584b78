export { canonicalUrl, isTrackingParam, tryCanonicalUrl, type CanonicalUrlOptions } from './canonicalUrl.js';
export {
  SHINGLE_WORDS,
  contentHash,
  hammingDistance,
  normaliseForHash,
  simhash,
  simhashHex,
} from './hash.js';
export {
  NEAR_DUPLICATE_MAX_DISTANCE,
  NEAR_DUPLICATE_MIN_WORDS,
  isNearDuplicate,
  type NearDuplicateOptions,
} from './nearDuplicate.js';
export { TRACKING_PARAMS } from './trackingParams.js';
