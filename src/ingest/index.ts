export type { FeedItemRef, FetchedResource, IngestDeps } from './deps.js';
export { Ingest, checkUrl, type IngestOptions, type RunOptions } from './ingest.js';
export { openRuntime, type Runtime } from './open.js';
export type { IncomingDocument, StoredDocument, SubmitInput, SubmitResult } from './types.js';
export { createDeps } from './wiring.js';
