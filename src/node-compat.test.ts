// Node 20 reached end of life in April 2026; the program must also run on Node 22 and 24. This
// scans our own code for the APIs those versions removed (or turned into errors), so none
// creeps back in: a hit names the file, the line and what to use instead.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Removed in Node 22, 23 or 24, with what replaces it. */
export const REMOVED: { pattern: RegExp; what: string }[] = [
  {
    pattern: /\bassert\s*\{\s*type\s*:/,
    what: "import assertions (removed in 22): use `with { type: 'json' }`",
  },
  {
    pattern:
      /\butil\.(isArray|isBoolean|isBuffer|isDate|isError|isFunction|isNull|isNullOrUndefined|isNumber|isObject|isPrimitive|isRegExp|isString|isSymbol|isUndefined|log|_extend)\b/,
    what: 'util.is*(), util.log(), util._extend() (removed in 23): use typeof, Array.isArray, Object.assign',
  },
  {
    pattern: /\bcrypto\.create(De)?[Cc]ipher\(/,
    what: 'crypto.createCipher/createDecipher (removed in 22): use createCipheriv',
  },
  { pattern: /\bcreateSecurePair\b/, what: 'tls.createSecurePair (removed in 24): use tls.TLSSocket' },
  { pattern: /\bSlowBuffer\b/, what: 'SlowBuffer (removed in 24): use Buffer.allocUnsafeSlow' },
  { pattern: /\bprocess\.binding\(/, what: 'process.binding (throws in 22+ for most modules)' },
  { pattern: /\bnew Buffer\(/, what: 'new Buffer() (runtime-deprecated): use Buffer.from / Buffer.alloc' },
  {
    pattern: /\bfs\.rmdirSync?\([^)]*recursive/,
    what: 'fs.rmdir recursive (removed in 24 behaviour): use fs.rm',
  },
  { pattern: /\bprocess\.assert\(/, what: 'process.assert (removed in 23): use node:assert' },
  { pattern: /--experimental-loader|--loader\b/, what: '--loader (use --import with module.register)' },
];

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!['node_modules', 'dist', 'fixtures'].includes(e.name)) out.push(...files(p));
    } else if (/\.(ts|tsx|mjs|js)$/.test(e.name) && p !== fileURLToPath(import.meta.url)) out.push(p);
  }
  return out;
}

test('no API removed in Node 22, 23 or 24 is used by the program, its scripts or its web app', () => {
  const hits: string[] = [];
  for (const dir of ['src', 'bin', 'scripts', 'bench', 'web/src', 'web/test'])
    for (const f of files(join(root, dir)))
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const r of REMOVED)
            if (r.pattern.test(line)) hits.push(`${relative(root, f)}:${i + 1}: ${r.what}`);
        });
  assert.deepEqual(hits, []);
});

test('the scan finds what it looks for', () => {
  const sample = [
    "import data from './x.json' assert { type: 'json' };",
    'if (util.isArray(x)) util.log(x);',
    'const c = crypto.createCipher("aes", k);',
    'const b = new Buffer(10);',
  ];
  for (const line of sample)
    assert.ok(
      REMOVED.some((r) => r.pattern.test(line)),
      line,
    );
  assert.ok(!REMOVED.some((r) => r.pattern.test("import data from './x.json' with { type: 'json' };")));
});
