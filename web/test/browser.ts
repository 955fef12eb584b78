// What the browser tests share: Debian's Chromium driven by playwright-core (never a browser
// download), a real `dmon start` on a temporary SQLite store with the bundled sample, axe-core
// injected into pages, and screenshots kept under web/test/artifacts/ (gitignored).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.DMON_CHROMIUM ?? '/usr/bin/chromium';
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ARTIFACTS = join(ROOT, 'web', 'test', 'artifacts');
const RUN_DMON = join(ROOT, 'web', 'test', 'run-dmon.ts');

/** Why the browser tests cannot run here, or null when they can. */
export function browserSkipReason(): string | null {
  if (!existsSync(CHROMIUM))
    return `no Chromium at ${CHROMIUM} (apt-get install chromium, or set DMON_CHROMIUM); browser tests skipped`;
  if (!existsSync(join(ROOT, 'web', 'dist', 'index.html')))
    return 'web/dist is not built (npm run build:web); browser tests skipped';
  return null;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    chromiumSandbox: false,
    // Quiet and offline: no background requests to Google services, no updates, no sync.
    args: [
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface DashboardServer {
  url: string;
  token: string;
  /** Runs a dmon command on the server's store (e.g. `alerts check`); throws when it fails. */
  dmon(...args: string[]): string;
  stop(): Promise<void>;
}

/** `dmon start` on a fresh store in a temporary folder: imports the sample, serves on a free port. */
export async function startServer(): Promise<DashboardServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dmon-browser-'));
  const env = { ...process.env, DMON_DATA_DIR: dataDir, DATABASE_URL: '', HOST: '127.0.0.1' };
  const tsx = ['--import', 'tsx', RUN_DMON];
  const created = spawnSync(
    process.execPath,
    [...tsx, 'tokens', 'create', '--name', 'browser-test', '--scope', 'review', '--json'],
    {
      env,
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  // Read whole from the JSON, never picked out of the text by a pattern: a word-boundary match
  // took a token ending in '-' without it, and every request with it was refused (401).
  const token = created.status === 0 ? createdToken(created.stdout) : null;
  if (!token) throw new Error(`dmon tokens create failed: ${created.stderr}${created.stdout}`);
  const child: ChildProcess = spawn(process.execPath, [...tsx, 'start', '--port', '0'], {
    env,
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (b: Buffer) => {
      log += b.toString();
      const m = /on (http:\/\/localhost:\d+)\/api/.exec(log);
      if (m) resolve(m[1]!.replace('localhost', '127.0.0.1'));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`dmon start exited (${code}) before serving:\n${log}`)));
  });
  return {
    url,
    token,
    dmon: (...args: string[]) => {
      const r = spawnSync(process.execPath, [...tsx, ...args], { env, cwd: ROOT, encoding: 'utf8' });
      if (r.status !== 0)
        throw new Error(`dmon ${args.join(' ')} failed (${r.status}): ${r.stderr}${r.stdout}`);
      return r.stdout;
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The token that `dmon tokens create --json` printed, or null when it printed none. */
export function createdToken(stdout: string): string | null {
  try {
    const t = (JSON.parse(stdout) as { token?: unknown }).token;
    return typeof t === 'string' && t ? t : null;
  } catch {
    return null;
  }
}

/** Collects console errors, page errors (CSP violations among them) and failed requests. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('requestfailed', (r) => {
    // Requests cut short by a navigation or a reload (ERR_ABORTED) are not failures.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED')
      errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  return errors;
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2 A and AA rules). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
    });
    return r.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** A dashboard server, a browser and a page context, shared by the tests of one describe block. */
export interface Dashboard {
  readonly server: DashboardServer;
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** A new page at `path`, with the console errors it logs. */
  open(path: string): Promise<{ page: Page; errors: string[] }>;
}

/**
 * Starts `dmon start` on the sample and Chromium before the tests of the describe block it is
 * called in, and stops them after.
 */
export function useDashboard(viewport = { width: 1366, height: 768 }): Dashboard {
  let server: DashboardServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await browser.newContext({ viewport, baseURL: server.url });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('the dashboard is not started yet (use it inside a test)');
    return x;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    get context() {
      return started(context);
    },
    async open(path) {
      const page = await started(context).newPage();
      const errors = watchErrors(page);
      await page.goto(path);
      return { page, errors };
    },
  };
}
