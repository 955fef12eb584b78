// A polite crawler waits between requests to the same host. HostDelay hands out turns: each
// call to wait(url) resolves no sooner than `delayMs` after the previous turn for that host,
// and turns for one host are served in call order. Different hosts do not wait for each other.
import { setTimeout as sleep } from 'node:timers/promises';

export const DEFAULT_HOST_DELAY_MS = 1000;

export interface HostDelayOptions {
  delayMs?: number;
  /** Clock and sleep, replaceable in tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<unknown>;
}

export class HostDelay {
  private readonly delayMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<unknown>;
  /** Per host: the earliest time the next turn may start. */
  private readonly nextTurn = new Map<string, number>();

  constructor(options: HostDelayOptions = {}) {
    this.delayMs = options.delayMs ?? DEFAULT_HOST_DELAY_MS;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => sleep(ms));
  }

  /** Resolves when a request to this URL's host may be sent. */
  async wait(url: string | URL): Promise<void> {
    const host = new URL(url).host.toLowerCase();
    const now = this.now();
    const start = Math.max(now, this.nextTurn.get(host) ?? now);
    this.nextTurn.set(host, start + this.delayMs);
    if (this.nextTurn.size > 10_000) this.forgetBefore(now);
    if (start > now) await this.sleep(start - now);
  }

  /** Drops hosts whose turn has long passed, so the table stays small in long runs. */
  private forgetBefore(time: number): void {
    for (const [host, next] of this.nextTurn) if (next <= time) this.nextTurn.delete(host);
  }
}
