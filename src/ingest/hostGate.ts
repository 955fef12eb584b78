// Politeness shared by every worker: before a request, a worker takes the host's next turn from
// the store (host_turns, see store/queries/hostTurns.ts) and waits until it comes. N workers on
// any number of machines thus reach one host no more often than one worker would, and a
// server's Retry-After, once recorded, holds for all of them.
import { setTimeout as sleep } from 'node:timers/promises';
import type { HostTurns } from '../store/queries/hostTurns.js';

export interface HostGate {
  /** Resolves when a request to this URL's host may be sent; `minDelayMs` (robots.txt Crawl-delay) widens the gap. */
  wait(url: string, minDelayMs?: number): Promise<void>;
  /** No request to this URL's host before `until` (epoch ms). */
  holdUntil(url: string, until: number): Promise<void>;
}

/** The longest gap kept between two requests to one host (a Crawl-delay above it is capped). */
export const MAX_HOST_DELAY_MS = 60_000;

export function hostOf(url: string): string {
  return new URL(url).host.toLowerCase();
}

export class StoreHostGate implements HostGate {
  constructor(
    private readonly turns: HostTurns,
    private readonly delayMs: number,
    private readonly pause: (ms: number) => Promise<unknown> = (ms) => sleep(ms),
  ) {}

  async wait(url: string, minDelayMs = 0): Promise<void> {
    const delay = Math.min(MAX_HOST_DELAY_MS, Math.max(this.delayMs, minDelayMs));
    const start = await this.turns.take(hostOf(url), delay);
    const ms = start - Date.now();
    if (ms > 0) await this.pause(ms);
  }

  holdUntil(url: string, until: number): Promise<void> {
    return this.turns.holdUntil(hostOf(url), until);
  }
}
