// The inputs the fuzz targets draw from: any string (UTF-16 units, lone surrogates, graphemes),
// prose built from the words the extractor reacts to, numbers in every written form, HTML and
// feed documents assembled from hostile pieces, JSONL and CSV files, and random ways of cutting
// a byte stream into chunks.
import fc from 'fast-check';
import { isDmonError } from '../errors.js';

/** Runs `f`; a DmonError (a clear refusal) is fine, anything else fails the property. */
export function refusesCleanly<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (isDmonError(e)) return null;
    throw e;
  }
}

/** The async form of refusesCleanly. */
export async function refusesCleanlyAsync<T>(f: () => Promise<T>): Promise<T | null> {
  try {
    return await f();
  } catch (e) {
    if (isDmonError(e)) return null;
    throw e;
  }
}

export const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));

export const numberish = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.constantFrom('', ' ', 'NaN', 'Infinity', '-0', '1e309', '0x10', '٣'),
  anyText,
);

/** A number as reporters write it: separators of every country, scale words, number words, ranges. */
export const writtenNumber = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => n.toLocaleString('en-US')),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => n.toLocaleString('de-DE')),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => n.toLocaleString('fr-FR')),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => n.toLocaleString('en-IN')),
  fc.bigInt({ min: 0n, max: 10n ** 40n }).map(String),
  fc
    .tuple(
      fc.double({ min: 0, max: 1e6, noNaN: true }),
      fc.constantFrom('million', 'm', 'lakh', 'crore', 'bn', 'thousand', 'k'),
    )
    .map(([n, w]) => `${n.toFixed(1)} ${w}`),
  fc.constantFrom(
    'nine hundred and twenty-one',
    'half a million',
    'tens of thousands of',
    'hundreds',
    'a dozen',
    'un centenar',
    'between 3,000 and 5,000',
    'up to 1.2m',
    'more than 9,999,999,999,999,999,999',
    '3,57,243',
    '190 000',
    '2.500',
    '1e309',
    '-5,000',
    '½',
    '٣٠٠٠',
    '0x1F',
    '12-15',
    '5,000 to 3,000',
  ),
);

export const prose = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'people',
        'displaced',
        'evacuated',
        'families',
        'households',
        'fled',
        'homes',
        'destroyed',
        'were',
        'have been',
        'in',
        'from',
        'Mosul',
        'Sudan',
        'Darfur',
        'Sylhet',
        'Kharkiv',
        'about',
        'more than',
        'at least',
        'million',
        'on 4 May 2024',
        'last week',
        'floods',
        'fighting',
        'refugees',
        'returned',
        ',',
        '.',
        '\n',
        '\n\n',
        '•',
        '"',
        '(',
        ')',
      ),
      writtenNumber,
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 60 },
  )
  .map((words) => words.join(' '));

const HTML_PIECES = [
  '<html>',
  '</html>',
  '<head>',
  '<title>',
  '</title>',
  '<body>',
  '</body>',
  '<article>',
  '</article>',
  '<p>',
  '</p>',
  '<div class="story">',
  '</div>',
  '<br/>',
  '<script>document.write("SCRIPTTEXT")</script>',
  '<style>p{color:red}</style>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '&amp;',
  '&nbsp;',
  '&#x1F600;',
  '&#99999999;',
  '&bogus;',
  '<a href="javascript:alert(1)">',
  '</a>',
  '<meta charset="klingon">',
  '<meta property="article:published_time" content="2024-13-45">',
  '<link rel="canonical" href="file:///etc/passwd">',
  '<time datetime="2024-05-01">',
  '<table><tr><td>',
  '</td></tr></table>',
  '<svg><foreignObject>',
  '<template>',
  '<',
  '>',
  '"',
];

/** HTML assembled from real and broken pieces around displacement prose. */
export const htmlish = fc
  .array(fc.oneof(fc.constantFrom(...HTML_PIECES), prose, anyText), { maxLength: 40 })
  .map((parts) => parts.join(''));

const XML_TEXT = fc.oneof(
  prose,
  anyText,
  fc.constantFrom('&amp;', '&lt;b&gt;', '<![CDATA[<p>x</p>]]>', '&xxe;'),
);
const LINK = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    'javascript:alert(1)',
    '/relative/path',
    '',
    'mailto:a@b.org',
    'http://[::1]/',
    'https://a.example/a b',
  ),
  anyText,
);
const DATE = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('', 'yesterday', '2024-02-30', 'Mon, 99 Foo 2024 25:61:00 +9999', '0000-00-00'),
  anyText,
);
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const feedItem = fc.record(
  {
    title: XML_TEXT,
    link: LINK,
    date: DATE,
    summary: XML_TEXT,
    guid: anyText,
  },
  { requiredKeys: [] },
);

/** RSS, Atom, RDF and JSON feeds with hostile fields, and some that are not feeds at all. */
export const feedish = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('rss', 'atom', 'rdf', 'json'),
      XML_TEXT,
      fc.array(feedItem, { maxLength: 8 }),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([kind, title, items, escape, cut]) => {
      const t = (s: string | undefined) => (s === undefined ? '' : escape ? escapeXml(s) : s);
      let out: string;
      if (kind === 'json')
        out = JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title,
          items: items.map((i) => ({
            id: i.guid,
            url: i.link,
            title: i.title,
            date_published: i.date,
            summary: i.summary,
          })),
        });
      else if (kind === 'atom')
        out = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${t(title)}</title>${items
          .map(
            (i) =>
              `<entry><title>${t(i.title)}</title><link href="${t(i.link)}"/><id>${t(i.guid)}</id><updated>${t(i.date)}</updated><summary type="html">${t(i.summary)}</summary></entry>`,
          )
          .join('')}</feed>`;
      else if (kind === 'rdf')
        out = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>${t(title)}</title></channel>${items
          .map(
            (i) =>
              `<item rdf:about="${t(i.link)}"><title>${t(i.title)}</title><link>${t(i.link)}</link><description>${t(i.summary)}</description></item>`,
          )
          .join('')}</rdf:RDF>`;
      else
        out = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>${t(title)}</title>${items
          .map(
            (i) =>
              `<item><title>${t(i.title)}</title><link>${t(i.link)}</link><guid>${t(i.guid)}</guid><pubDate>${t(i.date)}</pubDate><description>${t(i.summary)}</description></item>`,
          )
          .join('')}</channel></rss>`;
      return cut ? out.slice(0, Math.floor(out.length * 0.7)) : out;
    }),
  htmlish,
  anyText,
);

const FIELD = fc.constantFrom(
  'id',
  'text',
  'html',
  'url',
  'published',
  'lang',
  'title',
  'source',
  'body',
  'link',
  'date',
  'Language',
  'extra',
);
const FIELD_VALUE = fc.oneof(
  prose,
  anyText,
  LINK,
  DATE,
  fc.constantFrom('en', 'fr', 'xx', 'english', '2024-05-01', null, 7, true),
  fc.integer(),
  fc.array(fc.string(), { maxLength: 2 }),
);

/** A JSON Lines file: records with any fields, broken lines, blank lines, a BOM, CRLF. */
export const jsonlFile = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.dictionary(FIELD, FIELD_VALUE, { maxKeys: 6 }).map((r) => JSON.stringify(r)),
        fc.constantFrom(
          '',
          '   ',
          '{not json}',
          '[1,2]',
          'null',
          '{"text":',
          '"text"',
          '{"text":"x"}{"text":"y"}',
        ),
        anyText,
      ),
      { maxLength: 12 },
    ),
    fc.boolean(),
    fc.boolean(),
  )
  .map(
    ([lines, bom, crlf]) =>
      (bom ? '\uFEFF' : '') + lines.map((l) => l.replace(/\n/g, ' ')).join(crlf ? '\r\n' : '\n'),
  );

const csvCell = (v: unknown, delimiter: string, quote: boolean) => {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  return quote || s.includes(delimiter) || /["\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** A CSV or TSV file: a header naming some fields, rows with quoting right and wrong. */
export const csvFile = fc
  .tuple(
    fc.constantFrom(',', ';', '\t', '|'),
    fc.uniqueArray(FIELD, { minLength: 1, maxLength: 5 }),
    fc.array(fc.array(FIELD_VALUE, { maxLength: 6 }), { maxLength: 10 }),
    fc.boolean(),
    fc.oneof(fc.constant(''), fc.constantFrom('"unterminated', 'a,"b"c', '\n\n', '\r\n'), anyText),
  )
  .map(
    ([d, header, rows, quote, junk]) =>
      [header.join(d), ...rows.map((r) => r.map((v) => csvCell(v, d, quote)).join(d))].join('\n') + junk,
  );

/** Cut points for a byte stream: the same bytes delivered in chunks of any size. */
export const chunking = fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 6 });

/** `bytes` cut into chunks by cycling through `sizes` (every split, including inside a UTF-8 character). */
export function chunked(bytes: Buffer, sizes: readonly number[]): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const n = sizes[k % sizes.length]!;
    out.push(bytes.subarray(i, i + n));
    i += n;
  }
  return out;
}
