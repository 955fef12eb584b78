// Alerts as an Atom 1.0 feed, written by feedsmith (the library that already reads the
// project's feeds), so any feed reader can follow a monitor's alerts.
import { generateAtomFeed } from 'feedsmith';
import type { AlertView } from '../store/index.js';

export interface AtomOptions {
  /** The feed's own URL (rel="self"). */
  selfUrl: string;
  /** Where `/api/alerts/:id` lives, e.g. http://localhost:8080. */
  baseUrl: string;
}

const updatedAt = (a: AlertView) => new Date(Math.max(a.created_at, a.triaged_at ?? 0));

export function alertsAtom(alerts: readonly AlertView[], options: AtomOptions): string {
  const updated = alerts.length
    ? new Date(Math.max(...alerts.map((a) => updatedAt(a).getTime())))
    : new Date(0);
  const feed = generateAtomFeed({
    id: options.selfUrl,
    title: { value: 'Displacement Monitor alerts' },
    updated,
    links: [{ href: options.selfUrl, rel: 'self', type: 'application/atom+xml' }],
    generator: { text: 'Displacement Monitor' },
    entries: alerts.map((a) => {
      const url = `${options.baseUrl}/api/alerts/${a.id}`;
      return {
        id: url,
        title: { value: a.title, type: 'text' },
        updated: updatedAt(a),
        published: new Date(a.created_at),
        links: [{ href: url, type: 'application/json' }],
        summary: { value: a.summary, type: 'text' },
        content: {
          value: `${a.summary}\nStatus: ${a.status}${a.note ? ` (${a.note})` : ''}. Date: ${a.date}.`,
          type: 'text',
        },
        categories: [a.kind, a.status, a.country, a.cause, a.level]
          .filter((t): t is string => !!t)
          .map((term) => ({ term })),
      };
    }),
  });
  return typeof feed === 'string' ? feed : String(feed);
}
