// The calibration map: fitting (pool-adjacent-violators, smoothing), reading (interpolation,
// flat ends), the reliability table and ECE, the shipped map's shape, and reviews as labels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calibrate, calibrateFacts, fitIsotonic, reliability, type LabelledConfidence } from './calibrate.js';
import { shippedCalibration } from './calibrationData.js';
import { reviewOutcome } from './reviews.js';

const pts = (confidence: number, right: number, wrong: number): LabelledConfidence[] => [
  ...Array.from({ length: right }, () => ({ confidence, correct: true })),
  ...Array.from({ length: wrong }, () => ({ confidence, correct: false })),
];

test('pools that would make precision fall as confidence rises are merged', () => {
  // 0.5: 8/10 right, 0.7: 4/10 right (a violation), 0.9: 9/10 right.
  const map = fitIsotonic([...pts(0.5, 8, 2), ...pts(0.7, 4, 6), ...pts(0.9, 9, 1)]);
  assert.deepEqual(map.x, [0.5, 0.7, 0.9]);
  // (12 + 1) / (20 + 2), flat over the merged pool's raw values, and (9 + 1) / (10 + 2)
  assert.deepEqual(map.y, [0.5909, 0.5909, 0.8333]);
  // Flat over the pool, but still rising a little (0.1 per unit) so the order inside it is kept.
  assert.equal(calibrate(0.6, map), 0.601);
  assert.equal(calibrate(0.8, map), 0.722);
  assert.equal(map.facts, 30);
});

test('smoothing keeps a small perfect pool below 1 and the map non-decreasing', () => {
  const map = fitIsotonic([...pts(0.4, 50, 50), ...pts(0.6, 70, 30), ...pts(0.8, 3, 0)]);
  assert.equal(map.y[2], 0.8); // 3 right of 3: (3 + 1) / (3 + 2)
  for (let i = 1; i < map.y.length; i++) assert.ok(map.y[i]! >= map.y[i - 1]!);
  // One wrong fact at 0.2 smooths up to 1/3, above a large pool right 30 % of the time at 0.5:
  // the map does not go down.
  const m2 = fitIsotonic([...pts(0.2, 0, 1), ...pts(0.5, 30, 70)]);
  assert.equal(m2.y.length, 2);
  assert.deepEqual(m2.y, [0.3333, 0.3333]);
});

test('calibrate interpolates between knots, barely rises beyond them and keeps the order', () => {
  const map = { method: 'isotonic' as const, x: [0.5, 0.7, 0.9], y: [0.6, 0.7, 0.9] };
  assert.equal(calibrate(0.2, map), 0.57);
  assert.equal(calibrate(0.6, map), 0.65);
  assert.equal(calibrate(0.8, map), 0.8);
  assert.equal(calibrate(0.99, map), 0.909);
  // A map flat over most of the range still orders every raw confidence (two decimals, as the
  // extractor gives them).
  const flat = { method: 'isotonic' as const, x: [0.3, 0.84, 0.85, 0.9], y: [0.5, 0.5, 0.9, 0.9] };
  for (const m of [map, flat]) {
    let last = -1;
    for (let k = 0; k <= 100; k++) {
      const c = calibrate(k / 100, m);
      assert.ok(c > last, `not rising at ${k / 100}: ${c} after ${last}`);
      last = c;
    }
  }
  assert.ok(Math.abs(calibrate(0.5, flat) - 0.5) <= 0.03, 'the rise moves confidences little');
  const res = calibrateFacts({ relevant: true, facts: [{ confidence: 0.6, term: 'displaced' }] }, map);
  assert.deepEqual(res.facts, [{ confidence: 0.65, term: 'displaced' }]);
});

test('reliability: bins, observed precision and ECE by hand', () => {
  const r = reliability([...pts(0.85, 3, 1), ...pts(0.55, 1, 1)]);
  const used = r.bins.filter((b) => b.count);
  assert.deepEqual(
    used.map((b) => [b.lo, b.count, b.precision]),
    [
      [0.5, 2, 0.5],
      [0.8, 4, 0.75],
    ],
  );
  // (2/6)·|0.5 − 0.55| + (4/6)·|0.75 − 0.85|
  assert.ok(Math.abs(r.ece! - (2 / 6) * 0.05 - (4 / 6) * 0.1) < 1e-9);
  assert.equal(reliability([]).ece, null);
  // Confidence 1 falls in the last bin.
  assert.equal(reliability(pts(1, 1, 0)).bins[9]!.count, 1);
});

test('a map fitted on well-calibrated data stays close to the identity; on over-confident data it lowers', () => {
  const fair = [...pts(0.3, 30, 70), ...pts(0.6, 60, 40), ...pts(0.9, 90, 10)];
  const m = fitIsotonic(fair);
  for (const x of [0.3, 0.6, 0.9]) assert.ok(Math.abs(calibrate(x, m) - x) <= 0.02, `at ${x}`);
  const over = fitIsotonic([...pts(0.9, 60, 40)]);
  assert.ok(calibrate(0.9, over) < 0.65);
  const before = reliability(pts(0.9, 60, 40)).ece!;
  const after = reliability(pts(0.9, 60, 40).map((p) => ({ ...p, confidence: calibrate(0.9, over) }))).ece!;
  assert.ok(after < before / 10);
});

test('the shipped map is monotone, in 0..1, and improved ECE on both held-out halves', () => {
  const map = shippedCalibration() as ReturnType<typeof shippedCalibration> & {
    cross_validation?: Record<string, number>[];
  };
  assert.ok(map.x.length >= 2);
  assert.equal(map.cross_validation?.length, 2);
  for (const h of map.cross_validation!) {
    assert.ok(h.all_ece_calibrated! < h.all_ece_raw!, JSON.stringify(h));
    assert.ok(h.real_dev_facts! > 50, 'measured on the real-text set too');
  }
  assert.ok(!map.fitted_on!.some((f) => f.includes('held')), 'never fitted on the held-back half');
});

test('reviews as labels: confirmed right, rejected wrong, a corrected place leaves the figure right', () => {
  assert.equal(reviewOutcome({ confidence: 0.8, action: 'confirm' }).correct, true);
  assert.equal(reviewOutcome({ confidence: 0.8, action: 'reject' }).correct, false);
  assert.equal(reviewOutcome({ confidence: 0.8, action: 'correct', corrected: ['place'] }).correct, true);
  assert.equal(reviewOutcome({ confidence: 0.8, action: 'correct', corrected: ['figure'] }).correct, false);
  assert.equal(
    reviewOutcome({ confidence: 0.8, action: 'correct', corrected: ['term', 'date'] }).correct,
    false,
  );
});
