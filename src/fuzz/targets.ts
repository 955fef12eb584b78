// Property targets for fast-check, shared by `npm run fuzz` (100,000 cases each) and a short
// seeded pass in `npm test` (targets.test.ts). Each property states what must hold for any
// input: no crash but our own errors, results inside their bounds, the same output twice.
import fc from 'fast-check';
import { isDmonError } from '../errors.js';
import { extract } from '../extract/index.js';
import { parseFactQuery, type FactQuery } from '../serve/params.js';
import { decodeCursor } from '../store/queries/cursor.js';

/** Runs `f`; a DmonError (a clear refusal) is fine, anything else fails the property. */
function refusesCleanly<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (isDmonError(e)) return null;
    throw e;
  }
}

const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
const numberish = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.constantFrom('', ' ', 'NaN', 'Infinity', '-0', '1e309', '0x10', '٣'),
  anyText,
);

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

const prose = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'people',
        'displaced',
        'evacuated',
        'families',
        'fled',
        'homes',
        'destroyed',
        'in',
        'Mosul',
        'Sudan',
        'about',
        'more than',
        'million',
        ',',
        '.',
        '\n',
      ),
      fc.integer({ min: 0, max: 10_000_000 }).map((n) => n.toLocaleString('en-US')),
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 60 },
  )
  .map((words) => words.join(' '));

/** Each target: a name and a synchronous property over its arbitrary input. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each target's input type differs
export const TARGETS: { name: string; property: fc.IProperty<any> }[] = [
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
    name: 'extract on arbitrary prose',
    property: fc.property(fc.oneof(prose, anyText), (text) => {
      const doc = { id: 'fuzz', text, published: '2024-05-01' };
      const r = refusesCleanly(() => extract(doc));
      if (!r) return;
      for (const f of r.facts) {
        for (const [a, b] of [f.span, f.quantity_span, f.term_span])
          if (!(Number.isInteger(a) && Number.isInteger(b) && 0 <= a && a <= b && b <= text.length))
            throw new Error(`span [${a}, ${b}] outside a text of ${text.length}`);
        if (f.figure !== null && !(Number.isSafeInteger(f.figure) && f.figure >= 0))
          throw new Error(`figure ${f.figure}`);
      }
      if (JSON.stringify(extract(doc)) !== JSON.stringify(r)) throw new Error('not deterministic');
    }),
  },
];
