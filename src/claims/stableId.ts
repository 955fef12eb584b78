// Short stable ids from content, so that claims and events keep their ids when they are
// computed again (re-clustering, re-extraction that renumbers facts).
import { createHash } from 'node:crypto';

export function stableId(prefix: string, content: string): string {
  return `${prefix}${createHash('sha1').update(content).digest('hex').slice(0, 12)}`;
}
