// Property targets for fast-check, shared by `npm run fuzz` (100,000 cases each) and a short
// seeded pass in `npm test` (targets.test.ts). Each property states what must hold for any
// input: no crash but our own errors, offsets inside the text and on the words they quote,
// figures non-negative safe integers, output valid against the prediction contract (the
// scorer's own checks, src/eval/gold.ts), the same output twice.
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { classify } from '../classify/index.js';
import { htmlToDocument, htmlToPlainText } from '../document/html.js';
import { validatePredictions } from '../eval/gold.js';
import { extract } from '../extract/index.js';
import { loadLexicon } from '../extract/lexicon.js';
import { findQuantities } from '../extract/quantity/find.js';
import { MAX_SENTENCE_CHARS, splitSentences } from '../extract/segment/sentences.js';
import { tokenize } from '../extract/segment/tokens.js';
import { FEED_DEFAULTS, parseFeed } from '../feeds/parseFeed.js';
import { geoparse } from '../geoparse/index.js';
import { readImportStream } from '../importers/readImportSource.js';
import { isImportError, type ImportItem } from '../importers/types.js';
import { parseFactQuery, type FactQuery } from '../serve/params.js';
import { decodeCursor } from '../store/queries/cursor.js';
import { TERMS, type ExtractResult, type Place } from '../types.js';
import {
  anyText,
  chunked,
  chunking,
  csvFile,
  feedish,
  htmlish,
  jsonlFile,
  numberish,
  prose,
  refusesCleanly,
  refusesCleanlyAsync,
  writtenNumber,
} from './arbitraries.js';
import { fuzzApp } from './http.js';

/** Each target: a name, a property over its arbitrary input, and how many cases `npm test` runs. */
export interface FuzzTarget {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each target's input type differs
  property: fc.IProperty<any> | fc.IAsyncProperty<any>;
  /** Cases in the seeded pass of `npm test` (default 200); the slow targets run fewer. */
  testRuns?: number;
  /**
   * A failure found and not fixed yet, with who owns it: `npm test` reports the target as a
   * to-do (it still runs, and says when it starts passing); `npm run fuzz` still fails on it.
   */
  knownIssue?: string;
}

const factQuery: fc.Arbitrary<FactQuery> = fc.record(
  {
    country: fc.oneof(anyText, fc.constantFrom('SDN', 'sdn,irq', 'SD', 'SDN,,IRQ')),
    admin1: anyText,
    term: fc.oneof(anyText, fc.constantFrom('displaced', 'displaced,evacuated', 'displaced,bogus')),
    cause: anyText,
    hazard: anyText,
    from: fc.oneof(
      anyText,
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    ),
    to: anyText,
    min: numberish,
    min_confidence: numberish,
    q: anyText,
  },
  { requiredKeys: [] },
);

const cursorText = fc.oneof(
  anyText,
  fc
    .tuple(
      fc.oneof(fc.double(), fc.integer(), anyText, fc.constant(null)),
      fc.oneof(fc.integer(), fc.double()),
    )
    .map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
);

const fail = (what: string): never => {
  throw new Error(what);
};
const isSpanIn = (s: unknown, length: number): s is [number, number] =>
  Array.isArray(s) &&
  s.length === 2 &&
  Number.isInteger(s[0]) &&
  Number.isInteger(s[1]) &&
  0 <= s[0] &&
  s[0] <= s[1] &&
  s[1] <= length;
/** The quoted words: not empty, and not starting or ending inside white space. */
const onWords = (text: string, [a, b]: [number, number]) => {
  const q = text.slice(a, b);
  return q.length > 0 && q.trim() === q;
};
const SURROGATE_SPLIT = (text: string, i: number) =>
  i > 0 && i < text.length && /[\uD800-\uDBFF]/.test(text[i - 1]!) && /[\uDC00-\uDFFF]/.test(text[i]!);
const TERM_SET = new Set<string>(TERMS);
const YMD = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (d: string) => YMD.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

function checkPlaces(text: string, places: readonly Place[], where: string): void {
  for (const p of places) {
    if (!isSpanIn([p.start, p.end], text.length) || p.start === p.end)
      fail(`${where}: place [${p.start}, ${p.end}] outside a text of ${text.length}`);
    if (!onWords(text, [p.start, p.end]))
      fail(`${where}: place "${text.slice(p.start, p.end)}" not on words`);
    if (p.lat !== null && !(Math.abs(p.lat) <= 90)) fail(`${where}: lat ${p.lat}`);
    if (p.lon !== null && !(Math.abs(p.lon) <= 180)) fail(`${where}: lon ${p.lon}`);
    if (p.country !== null && !/^[A-Z][A-Z0-9]{2}$/.test(p.country)) fail(`${where}: country ${p.country}`);
  }
}

/** What every extraction result must satisfy, whatever the text. */
export function checkExtractResult(text: string, r: ExtractResult): void {
  validatePredictions('facts', [{ v: JSON.parse(JSON.stringify({ id: 'fuzz', ...r })), line: 1 }], 'fuzz');
  if (!(r.relevance >= 0 && r.relevance <= 1)) fail(`relevance ${r.relevance}`);
  for (const f of r.facts) {
    for (const [name, s] of [
      ['span', f.span],
      ['quantity_span', f.quantity_span],
      ['term_span', f.term_span],
    ] as const) {
      if (!isSpanIn(s, text.length)) fail(`${name} [${s[0]}, ${s[1]}] outside a text of ${text.length}`);
      if (!onWords(text, s)) fail(`${name} ${JSON.stringify(text.slice(s[0], s[1]))} is not on the words`);
      if (SURROGATE_SPLIT(text, s[0]) || SURROGATE_SPLIT(text, s[1])) fail(`${name} splits a character`);
    }
    for (const s of [f.quantity_span, f.term_span])
      if (s[0] < f.span[0] || s[1] > f.span[1]) fail(`[${s[0]}, ${s[1]}] outside the fact's span`);
    if (!/[\p{L}\p{N}]/u.test(text.slice(f.quantity_span[0], f.quantity_span[1])))
      fail(`quantity ${JSON.stringify(text.slice(f.quantity_span[0], f.quantity_span[1]))} quotes no number`);
    if (f.figure !== null && !(Number.isSafeInteger(f.figure) && f.figure >= 0)) fail(`figure ${f.figure}`);
    if (f.range && !f.range.every((n) => Number.isSafeInteger(n) && n >= 0)) fail(`range ${f.range}`);
    if (f.people && !(Number.isSafeInteger(f.people.count) && f.people.count >= 0))
      fail(`people ${f.people.count}`);
    if (!TERM_SET.has(f.term)) fail(`term ${f.term}`);
    if (f.unit !== 'people' && f.unit !== 'households') fail(`unit ${f.unit}`);
    if (!(f.confidence >= 0 && f.confidence <= 1)) fail(`confidence ${f.confidence}`);
    if (f.date && !isDate(f.date.start)) fail(`date ${f.date.start}`);
    checkPlaces(text, f.locations, 'fact location');
  }
}

const lexicon = loadLexicon('en');

export const TARGETS: FuzzTarget[] = [
  {
    name: 'API fact filter parameters',
    property: fc.property(factQuery, (q) => {
      const f = refusesCleanly(() => parseFactQuery(q));
      if (!f) return;
      if (f.minFigure !== undefined && !(Number.isSafeInteger(f.minFigure) && f.minFigure >= 0))
        throw new Error(`min ${f.minFigure}`);
      if (f.minConfidence !== undefined && !(f.minConfidence >= 0 && f.minConfidence <= 1))
        throw new Error(`min_confidence ${f.minConfidence}`);
      for (const c of f.country ?? []) if (!/^[A-Z0-9]{3}$/.test(c)) throw new Error(`country ${c}`);
    }),
  },
  {
    name: 'API cursors',
    property: fc.property(cursorText, (c) => {
      const v = refusesCleanly(() => decodeCursor(c));
      if (!v) return;
      const [sortValue, id] = v;
      if (!Number.isInteger(id) || id < 0 || id > 2_147_483_647) throw new Error(`id ${id}`);
      if (typeof sortValue === 'number' && !Number.isFinite(sortValue)) throw new Error('sort value');
      if (typeof sortValue === 'string' && sortValue.includes('\u0000')) throw new Error('NUL');
    }),
  },
  {
    name: 'quantity parser',
    property: fc.property(
      fc.oneof(
        fc
          .array(fc.oneof(writtenNumber, fc.constantFrom('people', 'families', 'and', 'to', '-', 'some')), {
            maxLength: 8,
          })
          .map((w) => w.join(' ')),
        prose,
        anyText,
      ),
      (text) => {
        const tokens = tokenize(text);
        const qs = refusesCleanly(() => findQuantities(text, tokens, lexicon));
        if (!qs) return;
        for (const q of qs) {
          if (!isSpanIn([q.start, q.end], text.length) || q.start === q.end)
            fail(`quantity [${q.start}, ${q.end}] outside a text of ${text.length}`);
          if (!onWords(text, [q.start, q.end]))
            fail(`quantity ${JSON.stringify(text.slice(q.start, q.end))} not on words`);
          if (!(q.lead <= q.first && q.first < q.next && q.next <= tokens.length))
            fail(`tokens ${q.lead} ${q.first} ${q.next}`);
          if (q.value !== null && !(Number.isFinite(q.value) && q.value >= 0)) fail(`value ${q.value}`);
          if (q.value !== null && !q.fractional && !Number.isSafeInteger(q.value))
            fail(`value ${q.value} not a safe integer`);
          if (q.range && !(q.range.every((n) => Number.isFinite(n) && n >= 0) && q.range[0] <= q.range[1]))
            fail(`range ${q.range}`);
          if (q.written === 'digits' && !/\p{N}/u.test(text.slice(q.start, q.end)))
            fail('digits without a digit');
        }
        if (JSON.stringify(findQuantities(text, tokenize(text), lexicon)) !== JSON.stringify(qs))
          fail('not deterministic');
      },
    ),
  },
  {
    name: 'sentence splitter',
    property: fc.property(fc.oneof(prose, htmlish, anyText), (text) => {
      const spans = splitSentences(text);
      let last = 0;
      for (const s of spans) {
        if (!isSpanIn(s, text.length) || s[0] === s[1])
          fail(`sentence [${s[0]}, ${s[1]}] outside ${text.length}`);
        if (s[0] < last) fail(`sentences overlap or go backwards at ${s[0]}`);
        if (!onWords(text, s)) fail(`sentence ${JSON.stringify(text.slice(s[0], s[1]))} not trimmed`);
        if (s[1] - s[0] > MAX_SENTENCE_CHARS) fail(`sentence of ${s[1] - s[0]} characters`);
        last = s[1];
      }
      if (JSON.stringify(splitSentences(text)) !== JSON.stringify(spans)) fail('not deterministic');
    }),
  },
  {
    name: 'extract on arbitrary prose',
    property: fc.property(fc.oneof(prose, anyText), (text) => {
      const doc = { id: 'fuzz', text, published: '2024-05-01' };
      const r = refusesCleanly(() => extract(doc));
      if (!r) return;
      checkExtractResult(text, r);
      if (JSON.stringify(extract(doc)) !== JSON.stringify(r)) throw new Error('not deterministic');
    }),
    testRuns: 100,
  },
  {
    name: 'geoparse',
    property: fc.property(fc.oneof(prose, anyText), (text) => {
      const r = refusesCleanly(() => geoparse(text));
      if (!r) return;
      checkPlaces(text, r.places, 'place');
      validatePredictions(
        'geo',
        [{ v: JSON.parse(JSON.stringify({ id: 'fuzz', places: r.places })), line: 1 }],
        'fuzz',
      );
      const total = r.countries.reduce((a, c) => a + c.weight, 0);
      // Weights are rounded to three decimals: each may be off by 0.0005.
      if (r.countries.length && Math.abs(total - 1) > 0.0005 * r.countries.length + 1e-9)
        fail(`country weights sum to ${total}`);
      if (JSON.stringify(geoparse(text)) !== JSON.stringify(r)) fail('not deterministic');
    }),
    testRuns: 100,
  },
  {
    name: 'classify',
    property: fc.property(
      fc.oneof(prose, anyText),
      fc.option(fc.constantFrom('en', 'fr', 'es', 'xx')),
      (text, lang) => {
        const doc = { text, lang, published: null };
        const c = refusesCleanly(() => classify(doc));
        if (!c) return;
        if (!(c.relevance >= 0 && c.relevance <= 1)) fail(`relevance ${c.relevance}`);
        if (c.relevant !== c.relevance >= 0.5) fail('relevant disagrees with relevance');
        if (![null, 'conflict', 'disaster', 'other'].includes(c.cause)) fail(`cause ${c.cause}`);
        if (![null, 'news', 'summary', 'both'].includes(c.type)) fail(`type ${c.type}`);
        if (JSON.stringify(classify(doc)) !== JSON.stringify(c)) fail('not deterministic');
      },
    ),
  },
  {
    name: 'feed parsing',
    property: fc.property(feedish, (xml) => {
      const url = 'https://feeds.example.org/rss.xml';
      const f = refusesCleanly(() => parseFeed(xml, url));
      if (!f) return;
      for (const i of f.items) {
        const u = new URL(i.url);
        if (u.protocol !== 'http:' && u.protocol !== 'https:') fail(`item URL ${i.url}`);
        if (i.published !== null && !isDate(i.published)) fail(`published ${i.published}`);
        if (i.summary !== null && i.summary.length > FEED_DEFAULTS.maxSummaryChars + 1)
          fail('summary too long');
        if (`${i.title ?? ''}${i.summary ?? ''}`.includes('root:x:0:0'))
          fail('an external entity was expanded');
      }
      if (JSON.stringify(parseFeed(xml, url)) !== JSON.stringify(f)) fail('not deterministic');
    }),
  },
  {
    name: 'HTML to text',
    property: fc.property(htmlish, (html) => {
      const d = refusesCleanly(() => htmlToDocument(html, { url: 'https://news.example.org/a' }));
      if (!d) return;
      if (d.published !== null && !isDate(d.published)) fail(`published ${d.published}`);
      if (d.url !== null && !/^https?:\/\//.test(d.url)) fail(`url ${d.url}`);
      htmlToPlainText(html);
      if (JSON.stringify(htmlToDocument(html, { url: 'https://news.example.org/a' })) !== JSON.stringify(d))
        fail('not deterministic');
    }),
  },
  {
    name: 'HTML to text leaves scripts and styles out',
    // Around well-formed script and style elements (a stray "<?" before one would, as in a
    // browser, turn it into text: that case is left to the target above).
    property: fc.property(prose, prose, fc.boolean(), (before, after, plainOnly) => {
      const clean = (s: string) => s.replace(/[<&]/g, ' ');
      const html = `<html><head><style>p{color:red}</style></head><body><p>${clean(before)}</p><script>document.write("SCRIPTTEXT")</script><p>${clean(after)}</p></body></html>`;
      const text = plainOnly ? htmlToPlainText(html) : htmlToDocument(html).text;
      if (text.includes('SCRIPTTEXT') || text.includes('color:red')) fail('script or style text kept');
    }),
  },
  {
    name: 'API query strings over HTTP (SQLite)',
    property: fc.asyncProperty(
      fc.nat(),
      fc.oneof(numberish, fc.constantFrom('1', '2', '0', '-1', '2147483648', '%2e%2e', 'x')),
      fc.array(
        fc.tuple(
          fc.oneof(fc.nat(), anyText),
          fc.oneof(
            numberish,
            anyText,
            fc.constantFrom("' OR '1'='1", '%', '_', '\\', 'SDN', 'displaced', '2024-01-01', 'csv', 'jsonl'),
          ),
          fc.boolean(),
        ),
        { maxLength: 6 },
      ),
      fc.constantFrom('', '%', '%ZZ', '%ED%A0%80', '%00', '&&', '=', '#frag', '&a[b]=1', '&__proto__=1'),
      async (pick, id, params, raw) => {
        const { app, routes, token } = await fuzzApp();
        const route = routes[pick % routes.length]!;
        const path = route.path.replace(/\{[^}]+\}/g, encodeURIComponent(id));
        const query = params
          .map(([name, value, encode]) => {
            const key =
              typeof name === 'number'
                ? (route.params[name % Math.max(1, route.params.length)] ?? 'q')
                : name;
            return `${encodeURIComponent(key)}=${encode ? encodeURIComponent(value) : value.replace(/[\s#&]/g, '')}`;
          })
          .join('&');
        const url = `${path}?${query}${raw}`;
        const r = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
        if (r.statusCode >= 500) fail(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
        if (/\n\s+at .+:\d+:\d+/.test(r.body)) fail(`${url}: a stack trace`);
        if (r.statusCode >= 400) {
          const body = r.json() as { error?: { code?: unknown; message?: unknown } };
          if (typeof body.error?.code !== 'string' || typeof body.error?.message !== 'string')
            fail(`${url}: ${r.statusCode} without the error shape`);
        }
      },
    ),
    testRuns: 150,
  },
  ...(['jsonl', 'csv'] as const).map((format): FuzzTarget => ({
    name: `${format.toUpperCase()} importer`,
    property: fc.asyncProperty(format === 'jsonl' ? jsonlFile : csvFile, chunking, async (file, sizes) => {
      const bytes = Buffer.from(file);
      const read = async (chunks: Buffer[]) => {
        const out: ImportItem[] = [];
        const r = await refusesCleanlyAsync(async () => {
          for await (const item of readImportStream(Readable.from(chunks), { format, name: 'in' }))
            out.push(item);
          return out;
        });
        return r;
      };
      const whole = await read([bytes]);
      if (!whole) return;
      for (const item of whole) {
        if (!/^in([:#]\d+)?$/.test(item.origin)) fail(`origin ${item.origin}`);
        if (isImportError(item)) {
          if (!item.error.message.startsWith(item.origin)) fail(`error does not name ${item.origin}`);
          continue;
        }
        if (item.text.trim() === '') fail('an article without text');
        if (item.url !== null && !/^https?:\/\//.test(item.url)) fail(`url ${item.url}`);
        if (item.published !== null && !isDate(item.published)) fail(`published ${item.published}`);
      }
      // The same bytes in any chunks (cut inside lines and characters) give the same items.
      const pieces = await read(chunked(bytes, sizes));
      const view = (items: ImportItem[] | null) =>
        JSON.stringify(
          items?.map((i) => (isImportError(i) ? { origin: i.origin, error: i.error.message } : i)),
        );
      if (view(pieces) !== view(whole)) fail('the result depends on how the bytes were chunked');
    }),
  })),
];
