// The rule lists' order is part of the output (the first reason given is the one reported).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GATE_RULES } from './gate.js';
import { ACCEPT_RULES } from './accept.js';
import { choice, documentOf, entry, mention } from './test-cases.js';

const firstGate = (m: ReturnType<typeof mention>) => {
  for (const r of GATE_RULES) {
    const reason = r.gate(m, 0, documentOf([m]));
    if (reason) return reason;
  }
  return null;
};
const firstReject = (over: Parameters<typeof choice>[0]) => {
  for (const r of ACCEPT_RULES) {
    const reason = r.reject(choice(over));
    if (reason) return reason;
  }
  return null;
};

test('gate: a piece of another name is reported before a person reading', () =>
  assert.equal(firstGate(mention({ inName: 'a name in a byline', person: true })), 'a name in a byline'));
test('gate: a person before a not-place word', () =>
  assert.equal(firstGate(mention({ person: true, notPlace: true })), 'person (title or given name before)'));
test('gate: no candidate first', () =>
  assert.equal(firstGate(mention({ candidates: [], person: true })), 'no candidate'));
test('gate: an ordinary name passes', () => assert.equal(firstGate(mention()), null));

test('accept: a small respelled place is reported as such, not as a small place', () =>
  assert.equal(
    firstReject({ mention: mention({ respelled: true }), entry: entry({ population: 300 }) }),
    'another spelling of a small place',
  ));
test('accept: an area that passes the look-alike rules is a place whatever its size', () =>
  assert.equal(firstReject({ entry: entry({ kind: 'admin2', population: 10 }) }), null));
test('accept: a town word in lower case elsewhere before its size', () =>
  assert.equal(
    firstReject({ mention: mention({ lowercaseElsewhere: true }), entry: entry({ population: 300 }) }),
    'also a common word in this text',
  ));
