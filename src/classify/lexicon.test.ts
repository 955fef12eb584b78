import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DmonError } from '../errors.js';
import { compileLexicons, loadLexicons, type LanguageLexicon } from './lexicon.js';
import { classify } from './index.js';
import { patternWords } from './matcher.js';

test('the shipped word lists load, validate and cover en, es and fr', () => {
  const lexicons = loadLexicons();
  const langs = lexicons.map((l) => l.lang);
  for (const lang of ['en', 'es', 'fr']) assert.ok(langs.includes(lang), `missing ${lang}`);
  const compiled = compileLexicons(lexicons);
  assert.ok(compiled.relevance.phrases > 300);
  assert.ok(compiled.causes.phrases > 300);
  assert.ok(compiled.pairs.length > 0);
});

test('every shipped term folds to at least one word and has no stray punctuation', () => {
  for (const lex of loadLexicons()) {
    const groups = [
      ...(lex.relevance?.groups ?? []),
      ...(lex.causes?.groups ?? []),
      ...(lex.hazards?.groups ?? []),
      ...(lex.type?.groups ?? []),
    ];
    for (const g of groups)
      for (const t of g.terms) {
        assert.ok(patternWords(t).length > 0, `${lex.lang}: "${t}" has no words`);
        assert.doesNotMatch(t, /[:;,.!?]/, `${lex.lang}: "${t}" holds punctuation that matching ignores`);
      }
  }
});

test('pair rules name tags that exist', () => {
  const lexicons = loadLexicons();
  const tags = new Set(lexicons.flatMap((l) => l.relevance?.groups.map((g) => g.tag) ?? []));
  for (const p of compileLexicons(lexicons).pairs) {
    assert.ok(tags.has(p.a), p.a);
    assert.ok(tags.has(p.b), p.b);
  }
});

function dirWith(file: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dmon-lex-'));
  mkdirSync(join(dir, 'xx', 'classify'), { recursive: true });
  writeFileSync(join(dir, 'xx', file), content);
  return dir;
}

const bad: Array<[string, string, RegExp]> = [
  ['classify/relevance.json', '{ not json', /not readable JSON/],
  ['classify/relevance.json', '{"terms": []}', /"groups" array/],
  [
    'classify/relevance.json',
    '{"groups": [{"tag": "x", "weight": "3", "reason": "r", "terms": ["a"]}]}',
    /"weight"/,
  ],
  [
    'causes.json',
    '{"groups": [{"cause": "war", "weight": 3, "reason": "r", "terms": ["a"]}]}',
    /"cause" must be one of/,
  ],
  [
    'hazards.json',
    '{"groups": [{"hazard": "meteor", "weight": 3, "reason": "r", "terms": ["a"]}]}',
    /"hazard" must be one of/,
  ],
  ['hazards.json', '{"groups": [{"hazard": "flood", "weight": 3, "reason": "r", "terms": [""]}]}', /"terms"/],
];

for (const [file, content, message] of bad) {
  test(`a broken ${file} is refused with a message naming it (${message.source})`, () => {
    const dir = dirWith(file, content);
    assert.throws(
      () => loadLexicons(dir),
      (e: unknown) =>
        e instanceof DmonError &&
        e.code === 'CONFIG_INVALID' &&
        message.test(e.message) &&
        e.message.includes(file.split('/').pop() as string),
    );
  });
}

test('a missing lexicon folder is refused', () => {
  assert.throws(
    () => loadLexicons(join(tmpdir(), 'no-such-dmon-lexicon')),
    (e: unknown) => e instanceof DmonError && e.code === 'CONFIG_INVALID',
  );
});

test('a small custom lexicon drives the classifier', () => {
  const tiny: LanguageLexicon[] = [
    {
      lang: 'test',
      relevance: { groups: [{ tag: 'displace', weight: 5, reason: 'test', terms: ['zorped'] }] },
      hazards: { groups: [{ hazard: 'flood', weight: 3, reason: 'test', terms: ['splosh'] }] },
    },
  ];
  const lexicon = compileLexicons(tiny);
  const c = classify({ text: 'Ten people were zorped by the splosh.' }, undefined, lexicon);
  assert.equal(c.relevant, true);
  assert.equal(c.cause, 'disaster');
  assert.equal(c.hazard, 'flood');
  assert.equal(classify({ text: 'People were displaced by floods.' }, undefined, lexicon).relevant, false);
});
