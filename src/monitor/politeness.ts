// Per-host politeness: requests to one host are spaced at least `delayMs` apart within this
// process (each worker process keeps its own gate).
export class HostGate {
  private readonly next = new Map<string, number>();

  constructor(private readonly delayMs: number) {}

  /** Resolves when a request to `url`'s host may be sent, and books the slot. */
  async wait(url: string): Promise<void> {
    if (this.delayMs <= 0) return;
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      return;
    }
    const now = Date.now();
    const at = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, at + this.delayMs);
    if (this.next.size > 10_000) for (const [h, t] of this.next) if (t < now) this.next.delete(h);
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  }
}
