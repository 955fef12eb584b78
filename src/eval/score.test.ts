// The ported metrics against the shared scorer itself: the same gold and the same predictions
// must give the same JSON result, metric for metric. Predictions come from the product (a few
// documents of each shared development file and of the real-text set's dev half) and from the
// gold itself, perturbed in every way the matching rules care about (dropped, re-termed, ranged,
// unit aliases, countries only on locations, confidences for top-1, a missing document, an id
// the gold lacks). Skipped, with a message, where the shared folder is not beside the checkout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  parseJsonl,
  predict,
  scoreTask,
  shippedCalibration,
  validateGold,
  validatePredictions,
} from './index.js';
import type { EvalTask, GoldDoc, Prediction } from './types.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const shared = join(root, '../shared/eval');
const SCORER = join(shared, 'score.mjs');
const skip = existsSync(SCORER) ? false : `the shared scorer is not at ${SCORER}`;
const dir = mkdtempSync(join(tmpdir(), 'dmon-evalport-'));

function goldDocs(path: string, task: EvalTask, pick: (d: GoldDoc, i: number) => boolean): GoldDoc[] {
  const docs = validateGold(task, parseJsonl(readFileSync(path, 'utf8'), path), path);
  return docs.filter(pick);
}

/** Both scorers on one gold subset and one prediction set; returns ours for further checks. */
function compare(task: EvalTask, name: string, docs: GoldDoc[], preds: Prediction[]) {
  const gold = join(dir, `${name}.gold.jsonl`);
  const pred = join(dir, `${name}.pred.jsonl`);
  writeFileSync(gold, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  writeFileSync(pred, preds.map((p) => JSON.stringify(p)).join('\n') + '\n');
  const theirs = JSON.parse(
    execFileSync(process.execPath, [SCORER, task, '--gold', gold, '--pred', pred, '--json', '--by-source'], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    })
      .trim()
      .split('\n')
      .pop()!,
  ) as Record<string, unknown>;
  // Ours reads the same files the same way.
  const ourDocs = validateGold(task, parseJsonl(readFileSync(gold, 'utf8'), gold), gold);
  const ourPreds = validatePredictions(task, parseJsonl(readFileSync(pred, 'utf8'), pred), pred);
  const ours = scoreTask(task, gold, ourDocs, ourPreds, { bySource: true });
  for (const k of ['mode', 'gold', 'docs', 'predictions', 'missing_predictions', 'unknown_ids'] as const)
    assert.deepEqual(ours[k], theirs[k], `${name}: ${k}`);
  assert.deepEqual(
    JSON.parse(JSON.stringify(ours.results)),
    theirs.results,
    `${name}: the metrics differ from the shared scorer's`,
  );
  return ours;
}

const every = (n: number) => (_d: GoldDoc, i: number) => i % n === 0;

test('facts: the product on shared dev documents scores as the shared scorer scores it', { skip }, () => {
  for (const [file, n] of [
    ['smoke', 6],
    ['facts-sentences', 8],
    ['facts-articles', 6],
  ] as const) {
    const docs = goldDocs(join(shared, 'dev', `${file}.jsonl`), 'facts', every(n));
    const preds = [...predict('facts', docs, { calibration: shippedCalibration() })];
    const ours = compare('facts', file, docs, preds);
    assert.ok((ours.results.all as { matched: number }).matched > 0, `${file}: something matched`);
  }
});

test('facts and classify: the real-text dev half scores as the shared scorer scores it', { skip }, () => {
  const docs = ['news-en', 'reports', 'es-fr'].flatMap((f) =>
    goldDocs(join(root, 'eval/real/dev', `${f}.jsonl`), 'facts', every(7)),
  );
  const preds = [...predict('facts', docs, { calibration: null })];
  compare('facts', 'real-dev', docs, preds);
  compare('classify', 'real-dev-classify', docs, preds);
});

test('classify: relevance, cause and type on the shared classification file', { skip }, () => {
  const docs = goldDocs(join(shared, 'dev', 'classify.jsonl'), 'classify', every(60));
  const preds = [...predict('classify', docs, { calibration: null })];
  const ours = compare('classify', 'classify', docs, preds);
  assert.ok((ours.results.all as { relevance_docs: number }).relevance_docs > 10);
});

test('geo: tagging and geocoding on a few TR-News documents', { skip }, () => {
  const docs = goldDocs(join(shared, 'dev', 'geo-trnews.jsonl'), 'geo', every(12));
  const preds = [...predict('geo', docs, { calibration: null })];
  const ours = compare('geo', 'geo', docs, preds);
  assert.ok((ours.results.all as { geocoded_pairs: number }).geocoded_pairs > 1);
});

test('facts: perturbed gold as predictions exercises every matching rule the same way', { skip }, () => {
  const docs = ['news-en', 'reports'].flatMap((f) =>
    goldDocs(join(root, 'eval/real/dev', `${f}.jsonl`), 'facts', every(3)),
  );
  const moreDocs = goldDocs(join(shared, 'dev', 'smoke.jsonl'), 'facts', every(4));
  const all = [...docs, ...moreDocs];
  const coarseToFine: Record<string, string> = {
    displaced: 'forced_to_flee',
    sheltered: 'in_relief_camp',
    destroyed_housing: 'partially_destroyed_housing',
  };
  const preds: Prediction[] = [];
  all.forEach((d, i) => {
    if (i % 11 === 5) return; // a document without a prediction
    const facts = (d.facts ?? []).flatMap((g, k) => {
      const v = (i + k) % 8;
      if (v === 0) return []; // missed
      const f: Record<string, unknown> = {
        term: v === 1 ? 'evacuated' : v === 2 ? (coarseToFine[g.term ?? ''] ?? g.term) : g.term,
        figure: v === 3 && g.figure !== null ? g.figure - 1 : g.figure,
        unit: v === 4 ? 'families' : g.unit,
        confidence: ((i * 7 + k * 3) % 10) / 10,
      };
      if (v === 3 && g.figure !== null) f.range = [g.figure - 1, g.figure];
      if (v === 5)
        f.locations = [
          { name: g.location ?? 'Nowhere', country: g.country ?? null, lat: g.lat ?? 0, lon: g.lon ?? 0 },
        ];
      else f.country = v === 6 ? 'xyz' : (g.country ?? null);
      if (v === 7) f.figure = null;
      return [f, ...(k % 3 === 0 ? [{ ...f, figure: 12345, term: 'returns' }] : [])];
    });
    preds.push({ id: d.id, relevant: i % 2 === 0, relevance: (i % 10) / 10, facts } as Prediction);
  });
  preds.push({ id: 'not-in-gold', facts: [] });
  const ours = compare('facts', 'perturbed', all, preds);
  const m = ours.results.all as { matched: number; gold_facts: number; top1_accuracy: number | null };
  assert.ok(m.matched > 0 && m.matched < m.gold_facts, 'some matched, some not');
  assert.notEqual(m.top1_accuracy, null);
  compare('classify', 'perturbed-classify', all, preds);
});
