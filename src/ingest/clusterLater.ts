// Claims and events are not clustered on the ingest path. The transaction that writes an
// article's facts (or stores a copy, which adds a report to its original's claims) marks the
// article (Clustering.mark, migration 023) and makes sure a clustering job is queued; that job
// clusters every marked article at once (Clustering.drain). Workers run it when nothing else is
// ready (src/jobs/worker.ts, `deferredKinds`), so a run of import batches whose articles come in
// no date order is clustered once, from its earliest date, not once per batch.
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/index.js';
import { CLUSTER_JOB_KIND as CLUSTER_JOB } from '../store/queries/clustering.js';

export { CLUSTER_JOB };

/**
 * Marks the articles and queues the clustering job unless one is queued and not yet started,
 * in the caller's transaction (or one of its own). On PostgreSQL the mark takes the clustering
 * lock: a queued job seen here cannot read the marks before this transaction commits, so it
 * will read these too.
 */
export async function clusterLater(store: Store, articleIds: number[]): Promise<void> {
  if (articleIds.length === 0) return;
  await store.transaction(async (tx) => {
    await tx.clustering.mark(articleIds);
    if (await tx.clustering.jobQueued()) return;
    // Keys are unique in every state: each job its own, so one done long ago never stands in.
    await tx.queue().enqueue(CLUSTER_JOB, {}, { key: `${CLUSTER_JOB}:${randomUUID()}` });
  });
}
