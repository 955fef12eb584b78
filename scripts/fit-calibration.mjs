// Fits the confidence calibration map (data/calibration.json): an isotonic map from the
// extractor's raw confidence to the precision observed at that confidence (src/eval/calibrate.ts).
// Data: the facts the product predicts in documents whose gold is complete (`scoring: prf`), right
// when figure and term match a gold fact by the shared scorer's rules: the project's real-text set,
// dev half only (eval/real/dev/; the held-back half is never read here), and the shared
// development facts files beside the checkout (../shared/eval/dev: ISI spans and articles, the
// seed). The product never reads these files; only this script does. Deterministic: same data,
// same map, byte for byte.
//
//   node scripts/fit-calibration.mjs            # cross-validate, fit on everything, write the map
//   node scripts/fit-calibration.mjs --dry-run  # cross-validate and print, write nothing
//
// Cross-validation: documents are split in two halves by a fixed hash of their id; the map is
// fitted on one half and the expected calibration error (ECE, 10 bins) measured on the other,
// both ways, against the raw confidence's ECE on the same half.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = `${root}../shared/eval/dev`;
const out = `${root}data/calibration.json`;
const dryRun = process.argv.includes('--dry-run');

const goldFiles = [
  ...readdirSync(`${root}eval/real/dev`)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => `eval/real/dev/${f}`),
  ...['facts-sentences', 'facts-articles', 'smoke'].map((f) => `../shared/eval/dev/${f}.jsonl`),
];
for (const f of goldFiles)
  if (!existsSync(`${root}${f}`)) {
    console.error(`fit-calibration: ${root}${f} not found (the shared folder must sit beside the checkout)`);
    process.exit(1);
  }
if (!existsSync(shared)) process.exit(1);

// Build dist/ if src/ changed (the CLI does it on start).
const build = spawnSync(process.execPath, [`${root}bin/dmon.mjs`, '--version'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) process.exit(1);
const ev = await import(`${root}dist/eval/index.js`);

/** Every labelled confidence, with the id of its document. */
const points = [];
for (const file of goldFiles) {
  const docs = ev
    .validateGold('facts', ev.parseJsonl(readFileSync(`${root}${file}`, 'utf8'), file), file)
    .filter((d) => d.scoring === 'prf');
  const preds = new Map([...ev.predict('facts', docs, { calibration: null })].map((p) => [p.id, p]));
  ev.scoreTask('facts', file, docs, preds, {
    onFactOutcome: (d, o) => {
      for (const p of ev.labelledConfidences(o)) points.push({ ...p, id: d.id, file });
    },
  });
  console.error(`fit-calibration: ${file}: ${docs.length} complete-gold documents`);
}
const half = (id) => createHash('sha256').update(id).digest()[0] & 1;
const f3 = (x) => (x === null ? '–' : x.toFixed(3));
const cv = [];
const calibrated = (ps, map) => ps.map((p) => ({ ...p, confidence: ev.calibrate(p.confidence, map) }));
const isReal = (p) => p.file.startsWith('eval/real/');
for (const k of [0, 1]) {
  const train = points.filter((p) => half(p.id) === k);
  const test = points.filter((p) => half(p.id) !== k);
  const map = ev.fitIsotonic(train);
  const row = { fit_facts: train.length, test_facts: test.length };
  // Measured on every held-out fact, and on the real-text set's held-out facts alone.
  for (const [name, ps] of [
    ['all', test],
    ['real_dev', test.filter(isReal)],
  ]) {
    const before = ev.reliability(ps).ece;
    const after = ev.reliability(calibrated(ps, map)).ece;
    row[`${name}_facts`] = ps.length;
    row[`${name}_ece_raw`] = round(before);
    row[`${name}_ece_calibrated`] = round(after);
    console.log(
      `half ${k}: fitted on ${train.length} facts; measured on ${ps.length} held-out ${name} facts: ECE raw ${f3(before)} → calibrated ${f3(after)}`,
    );
  }
  cv.push(row);
}
const map = ev.fitIsotonic(points);
console.log(ev.reliabilityTable(ev.reliability(points), `raw confidence, all ${points.length} facts`));
console.log(ev.reliabilityTable(ev.reliability(calibrated(points, map)), 'calibrated (in sample)'));
console.log('map:', map.x.map((x, i) => `${x}→${map.y[i]}`).join('  '));
if (!dryRun) {
  const json = {
    method: map.method,
    x: map.x,
    y: map.y,
    facts: map.facts,
    fitted_on: goldFiles,
    cross_validation: cv,
  };
  writeFileSync(out, JSON.stringify(json, null, 2) + '\n');
  console.error(`fit-calibration: wrote ${out}`);
}

function round(x) {
  return x === null ? null : Math.round(x * 1e4) / 1e4;
}
