// Short stable ids from content, so that claims and events keep their ids when they are
// computed again (re-clustering, re-extraction that renumbers facts).
import * as nodeCrypto from 'node:crypto';

// One-shot hashing (Node 20.12 and later) costs a third of a Hash object's for ids this short;
// a clustering makes one per claim and event. Earlier Node versions take the Hash object.
const oneShot = typeof nodeCrypto.hash === 'function' ? nodeCrypto.hash : null;

export function stableId(prefix: string, content: string): string {
  const hex = oneShot
    ? oneShot('sha1', content, 'hex')
    : nodeCrypto.createHash('sha1').update(content).digest('hex');
  return `${prefix}${hex.slice(0, 12)}`;
}
