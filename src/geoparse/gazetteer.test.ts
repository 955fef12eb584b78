import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDmonError } from '../errors.js';
import { loadGazetteer, parseGazetteerIndex } from './gazetteer.js';
import { normalizeName } from './normalize.js';

const INDEX = [
  '# dmon-gazetteer v2 entries=3 keys=4 maxWords=2 — test',
  '# columns',
  '99072\tP\tPPLA\tMosul\t36.3350\t43.1190\tIQ\t15\t1683000\tmosul',
  '92877\tA\tADM1\tNineveh\t36.1700\t42.8100\tIQ\t15\t3800000\tnineveh',
  '99237\tC\tPCLI\tIraq\t33.0000\t44.0000\tIQ\t\t26000000\tiraq',
  '#keys',
  'al mawsil\t0',
  'iraq\t2',
  'mosul\t0',
  'nineveh\t1',
  '',
].join('\n');

test('normalizeName folds accents, case, apostrophes and punctuation', () => {
  assert.equal(normalizeName('Khān Yūnis'), 'khan yunis');
  assert.equal(normalizeName('Winston-Salem'), 'winston salem');
  assert.equal(normalizeName("Cox's Bazar"), 'coxs bazar');
  assert.equal(normalizeName('U.S.'), 'u s');
});

test('the index format: binary-searched keys, lazily parsed entries, admin1 and country tables', () => {
  const g = parseGazetteerIndex(INDEX, 'test');
  assert.equal(g.size, 3);
  assert.equal(g.lookup('al mawsil')[0]?.name, 'Mosul');
  assert.equal(g.lookup('mosul')[0]?.id, 99072);
  assert.deepEqual(g.lookup('baghdad'), []);
  assert.ok(g.startsName('al'));
  assert.ok(!g.startsName('mawsil'));
  assert.equal(g.admin1('IQ', '15')?.name, 'Nineveh');
  assert.equal(g.country('IQ')?.name, 'Iraq');
  const mosul = g.lookup('mosul')[0];
  assert.ok(mosul && g.isPrimaryName(mosul, 'mosul') && !g.isPrimaryName(mosul, 'al mawsil'));
});

test('a damaged index is a clear DmonError, not a crash', () => {
  assert.throws(
    () => parseGazetteerIndex('not an index\n', 'bad.tsv'),
    (e) => isDmonError(e) && e.code === 'CONFIG_INVALID' && /bad\.tsv/.test(e.message),
  );
  const truncated = INDEX.replace('#keys', '#nokeys');
  assert.throws(
    () => parseGazetteerIndex(truncated, 'cut.tsv'),
    (e) => isDmonError(e) && /rebuild/.test(e.message),
  );
});

test('the built index loads and knows countries, admin1 areas, cities and alternate names', () => {
  const g = loadGazetteer();
  assert.ok(g.size > 150_000);
  assert.ok(g.lookup('mosul').some((e) => e.country === 'IQ' && e.kind === 'city'));
  assert.ok(g.lookup('khan younis').some((e) => e.country === 'PS'));
  assert.equal(g.country('SY')?.kind, 'country');
  assert.ok(g.lookup('nineveh').some((e) => e.kind === 'admin1' && e.country === 'IQ'));
  assert.ok(g.lookup('laurel county').some((e) => e.kind === 'admin2' && e.admin1 === 'KY'));
  assert.ok(g.lookup('darfur').some((e) => e.kind === 'region'));
});
