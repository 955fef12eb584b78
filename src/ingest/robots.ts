// robots.txt, respected (RFC 9309, parsed by robots-parser): before a URL is fetched its host's
// robots.txt is read, once per host and day, and a disallowed URL is refused for good. A
// robots.txt that is missing or refused (4xx) allows everything; one that cannot be read now
// (5xx, network) makes the fetch fail for now, to be retried later, as the RFC asks; one the
// fetcher refuses (a private address) refuses the URL too.
import { createRequire } from 'node:module';
import { DmonError, isDmonError } from '../errors.js';
import type { Logger } from '../log.js';
import type { IngestDeps } from './deps.js';
import type { HostGate } from './hostGate.js';

/** The product token our requests send (User-Agent DisplacementMonitor/<version>), matched against robots.txt groups. */
export const ROBOTS_AGENT = 'DisplacementMonitor';

/** What robots-parser returns for one robots.txt (its own type is not exported by name). */
interface Rules {
  isAllowed(url: string, ua?: string): boolean | undefined;
  isDisallowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

// robots-parser is CommonJS (module.exports is the function) while its types declare a default
// export, which Node's and the bundler's module resolutions read differently: load it as Node does.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (
  url: string,
  robotstxt: string,
) => Rules;

export interface RobotsVerdict {
  /** The Crawl-delay robots.txt asks of us, ms (0 when none). */
  crawlDelayMs: number;
}

export class RobotsRules {
  /**
   * Per origin: the parsed rules (null = everything allowed) and when to read them again. The
   * entry is the promise, so jobs running at once for one host share one read.
   */
  private readonly cache = new Map<string, { rules: Promise<Rules | null>; expires: number }>();

  constructor(
    private readonly fetch: IngestDeps['fetch'],
    private readonly gate: HostGate,
    private readonly logger: Logger,
    private readonly ttlMs = 86_400_000,
  ) {}

  /** Throws FETCH_REFUSED when robots.txt disallows `url`; otherwise says the Crawl-delay. */
  async check(url: string): Promise<RobotsVerdict> {
    const rules = await this.rulesFor(new URL(url).origin);
    if (rules?.isDisallowed(url, ROBOTS_AGENT) === true)
      throw new DmonError('FETCH_REFUSED', `refused to fetch ${url}: its site's robots.txt disallows it`);
    const delayS = rules?.getCrawlDelay(ROBOTS_AGENT);
    return { crawlDelayMs: typeof delayS === 'number' && delayS > 0 ? delayS * 1000 : 0 };
  }

  private rulesFor(origin: string): Promise<Rules | null> {
    const now = Date.now();
    const hit = this.cache.get(origin);
    if (hit && hit.expires > now) return hit.rules;
    if (this.cache.size > 10_000) for (const [k, v] of this.cache) if (v.expires <= now) this.cache.delete(k);
    const rules = this.read(origin);
    this.cache.set(origin, { rules, expires: now + this.ttlMs });
    // A robots.txt that could not be read is not kept: the next attempt reads it again.
    rules.catch(() => this.cache.get(origin)?.rules === rules && this.cache.delete(origin));
    return rules;
  }

  private async read(origin: string): Promise<Rules | null> {
    const robotsUrl = `${origin}/robots.txt`;
    let rules: Rules | null = null;
    try {
      await this.gate.wait(robotsUrl);
      const res = await this.fetch(robotsUrl, { accept: 'text/plain' });
      rules = robotsParser(robotsUrl, new TextDecoder().decode(res.body));
    } catch (e) {
      // A refusal by policy (private address, scheme) refuses the URL itself: no retry.
      if (isDmonError(e) && e.code === 'FETCH_REFUSED') throw e;
      const status = (e as { httpStatus?: unknown }).httpStatus;
      if (!(typeof status === 'number' && status >= 400 && status < 500)) {
        this.logger.warn(
          { err: e, url: robotsUrl },
          'robots.txt cannot be read now; fetches to this site wait',
        );
        throw new DmonError(
          'FETCH_FAILED',
          `could not read ${robotsUrl} (${(e as Error).message}); will try again`,
          {
            cause: e,
          },
        );
      }
      this.logger.debug({ url: robotsUrl, status }, 'no robots.txt: everything allowed');
    }
    return rules;
  }
}
