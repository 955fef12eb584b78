import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentHash, hammingDistance, normaliseForHash, simhash, simhashHex } from './hash.js';

test('normaliseForHash: case, punctuation, layout and compatibility forms do not count', () => {
  assert.equal(normaliseForHash('  Hello,\n\nWORLD!  — ﬁne… '), 'hello world fine');
  assert.equal(normaliseForHash('1,200 people'), '1 200 people');
  assert.equal(normaliseForHash('...'), '');
});

test('contentHash: equal for the same words in another layout, different otherwise', () => {
  const a = contentHash('Families left the town.\n\nThe river rose.');
  assert.equal(a, contentHash('families left the town   the river rose'));
  assert.match(a, /^[0-9a-f]{64}$/);
  assert.notEqual(a, contentHash('Families left the city. The river rose.'));
  assert.equal(contentHash(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});

test('simhash: deterministic 64-bit values; hex form round-trips', () => {
  const t = 'the river rose in the night and the town hall opened the school';
  assert.equal(simhash(t), simhash(t));
  assert.ok(simhash(t) < 1n << 64n);
  assert.match(simhashHex(t), /^[0-9a-f]{16}$/);
  assert.equal(BigInt(`0x${simhashHex(t)}`), simhash(t));
  assert.equal(simhash(''), 0n);
  assert.equal(simhash('!!!'), 0n);
  assert.notEqual(simhash('single'), 0n);
});

test('simhash: the values stored articles already carry (computed by the former Map-of-shingles code)', () => {
  // Stored SimHashes and their bands are compared with new ones: the function must not drift.
  assert.equal(
    simhashHex('About 1,200 people fled the floods in Beira on 3 May; 300 homes were destroyed.'),
    '83e22c38abc16ac4',
  );
  assert.equal(simhashHex('the the the the'), '0ffc9d8ddc3329e0');
  assert.equal(simhashHex('one'), 'ed9a1626b97d209b');
  assert.equal(
    simhashHex('Été à Nîmes: 45 familles déplacées, selon la mairie, et 12 écoles fermées.'),
    '0d581600155e9815',
  );
});

test('hammingDistance: counts differing bits, bigint or hex', () => {
  assert.equal(hammingDistance(0n, 0n), 0);
  assert.equal(hammingDistance(0n, (1n << 64n) - 1n), 64);
  assert.equal(hammingDistance(0b1011n, 0b0001n), 2);
  assert.equal(hammingDistance('00000000000000ff', '000000000000000f'), 4);
  assert.equal(hammingDistance('ffffffffffffffff', 0n), 64);
});
