export { discoverFeedLinks } from './discover.js';
export {
  FEED_DEFAULTS,
  parseFeed,
  type FeedItem,
  type ParseFeedOptions,
  type ParsedFeed,
} from './parseFeed.js';
