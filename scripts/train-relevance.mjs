// Trains the relevance model (data/classify/relevance-model.json): an L2-regularised logistic
// regression over the features of src/classify/features.ts, fitted by Newton's method
// (deterministic: same data, same weights). Data: the shared development classification sets
// beside the checkout (../shared/eval/dev): the ISI full articles (34, relevance by majority of
// labellers), the CrowdFlower relevance paragraphs (982) and the Data4Democracy articles that
// carry an IDMC fact (59, relevant by construction, from facts-articles.jsonl). The product never
// reads these files; only this script does.
//
//   node scripts/train-relevance.mjs            # cross-validate, fit on everything, write the model
//   node scripts/train-relevance.mjs --dry-run  # cross-validate and print, write nothing
//
// Cross-validation: the regularisation strength is chosen by 10-fold cross-validation (folds
// stratified by source and label, assigned by a fixed hash of the id); the ISI articles are also
// scored leave-one-out, since there are only 34 of them. Both are printed and stored in the
// model file, so the numbers in src/classify/README.md can be checked.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dev = `${root}../shared/eval/dev`;
const out = `${root}data/classify/relevance-model.json`;
const dryRun = process.argv.includes('--dry-run');
/** ISI articles are the kind of document the monitor reads and few: each counts this many times. */
const ISI_WEIGHT = Number(argValue('--isi-weight') ?? 4);
const LAMBDAS = [0.3, 1, 3, 10];

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (!existsSync(`${dev}/classify.jsonl`)) {
  console.error(
    `train-relevance: ${dev}/classify.jsonl not found; the shared evaluation folder must sit beside the checkout`,
  );
  process.exit(1);
}
// Build dist/ if src/ changed (the CLI does it on start).
const build = spawnSync(process.execPath, [`${root}bin/dmon.mjs`, '--version'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) process.exit(1);
const { relevanceFeaturesOf, FEATURES, FEATURE_NAMES, loadModel } = await import(
  `${root}dist/classify/index.js`
);
const { extract } = await import(`${root}dist/extract/index.js`);
// extract() classifies too. A model written for other features no longer loads: stand a neutral
// one in while the features are computed (the facts count does not depend on it); a dry run puts
// the old file back.
const previous = existsSync(out) ? readFileSync(out, 'utf8') : null;
try {
  loadModel(out);
} catch {
  writeFileSync(out, JSON.stringify({ bias: 0, features: [] }) + '\n');
}

const readJsonl = (f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const docs = [];
const seen = new Set();
for (const d of readJsonl(`${dev}/classify.jsonl`))
  if ((d.source === 'isi-article' || d.source === 'crowd-relevance') && typeof d.relevant === 'boolean') {
    docs.push({ ...d, weight: d.source === 'isi-article' ? ISI_WEIGHT : 1 });
    seen.add(d.id);
  }
for (const d of readJsonl(`${dev}/facts-articles.jsonl`))
  if (d.source === 'd4d-article' && !seen.has(d.id)) docs.push({ ...d, relevant: true, weight: 1 });

// Features exactly as extract() computes them: the facts counts come from the extractor.
for (const d of docs) {
  const input = { text: d.text, published: d.published ?? null, lang: d.lang ?? null };
  const read = extract(input, { geoparse: false }).facts.filter((f) => f.term !== 'evicted');
  const facts = read.filter((f) => f.figure !== null).length;
  const x = relevanceFeaturesOf(input, { facts, vague: read.length - facts });
  d.x = FEATURE_NAMES.map((n) => x[n] ?? 0);
  d.y = d.relevant ? 1 : 0;
}

// ---- logistic regression -------------------------------------------------------------------

function standardise(rows) {
  const k = FEATURE_NAMES.length;
  const W = rows.reduce((s, r) => s + r.weight, 0);
  const mean = Array.from({ length: k }, (_, j) => rows.reduce((s, r) => s + r.weight * r.x[j], 0) / W);
  const scale = Array.from({ length: k }, (_, j) => {
    const v = rows.reduce((s, r) => s + r.weight * (r.x[j] - mean[j]) ** 2, 0) / W;
    return v > 1e-12 ? Math.sqrt(v) : 1;
  });
  return { mean, scale };
}

/** Newton's method on the weighted, L2-penalised log-loss (the bias is not penalised). */
function fit(rows, lambda) {
  const { mean, scale } = standardise(rows);
  const k = FEATURE_NAMES.length + 1;
  const Z = rows.map((r) => [1, ...r.x.map((v, j) => (v - mean[j]) / scale[j])]);
  let w = new Array(k).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const g = new Array(k).fill(0);
    const H = Array.from({ length: k }, () => new Array(k).fill(0));
    rows.forEach((r, i) => {
      const z = Z[i];
      const p = sigmoid(dot(w, z));
      const c = r.weight;
      for (let a = 0; a < k; a++) {
        g[a] += c * (p - r.y) * z[a];
        for (let b = 0; b <= a; b++) H[a][b] += c * p * (1 - p) * z[a] * z[b];
      }
    });
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) H[b][a] = H[a][b];
    for (let a = 1; a < k; a++) {
      g[a] += lambda * w[a];
      H[a][a] += lambda;
    }
    const step = solve(H, g);
    w = w.map((v, a) => v - step[a]);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return { bias: w[0], weights: w.slice(1), mean, scale };
}

const predict = (m, x) =>
  sigmoid(m.bias + x.reduce((s, v, j) => s + (m.weights[j] * (v - m.mean[j])) / m.scale[j], 0));
const sigmoid = (t) => 1 / (1 + Math.exp(-t));
const dot = (a, b) => a.reduce((s, v, i) => s + v * b[i], 0);

/** Gaussian elimination with partial pivoting. */
function solve(A, b) {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x;
}

// ---- evaluation ------------------------------------------------------------------------------

function metrics(pairs) {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  for (const [p, y] of pairs) {
    if (p >= 0.5 && y) tp++;
    else if (p >= 0.5) fp++;
    else if (y) fn++;
    else tn++;
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
  return {
    n: pairs.length,
    precision: r3(precision),
    recall: r3(recall),
    f1: r3(f1),
    accuracy: r3((tp + tn) / pairs.length),
    auc: r3(auc(pairs)),
  };
}

function auc(pairs) {
  const pos = pairs.filter(([, y]) => y).map(([p]) => p);
  const neg = pairs.filter(([, y]) => !y).map(([p]) => p);
  if (pos.length === 0 || neg.length === 0) return NaN;
  let s = 0;
  for (const a of pos) for (const b of neg) s += a > b ? 1 : a === b ? 0.5 : 0;
  return s / (pos.length * neg.length);
}
const r3 = (v) => Math.round(v * 1000) / 1000;

/** Fold of a document: stratified by source and label, in the order of a fixed hash of its id. */
function folds(rows, k) {
  const groups = new Map();
  for (const r of rows) {
    const key = `${r.source}/${r.y}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  const fold = new Map();
  for (const g of groups.values()) {
    g.sort((a, b) => hash(a.id).localeCompare(hash(b.id)));
    g.forEach((r, i) => fold.set(r, i % k));
  }
  return fold;
}
const hash = (s) => createHash('sha1').update(s).digest('hex');

function crossValidate(lambda) {
  const fold = folds(docs, 10);
  const pred = new Map();
  for (let f = 0; f < 10; f++) {
    const m = fit(
      docs.filter((r) => fold.get(r) !== f),
      lambda,
    );
    for (const r of docs) if (fold.get(r) === f) pred.set(r, predict(m, r.x));
  }
  return bySource((r) => pred.get(r));
}

function leaveOneOutIsi(lambda) {
  const pred = new Map();
  for (const r of docs.filter((d) => d.source === 'isi-article'))
    pred.set(
      r,
      predict(
        fit(
          docs.filter((d) => d !== r),
          lambda,
        ),
        r.x,
      ),
    );
  return metrics([...pred].map(([r, p]) => [p, r.y]));
}

function bySource(p) {
  const res = { all: metrics(docs.map((r) => [p(r), r.y])) };
  for (const s of [...new Set(docs.map((r) => r.source))])
    res[s] = metrics(docs.filter((r) => r.source === s).map((r) => [p(r), r.y]));
  return res;
}

// ---- run ----------------------------------------------------------------------------------------

console.log(
  `documents: ${docs.length} (${[...new Set(docs.map((d) => d.source))].map((s) => `${s} ${docs.filter((d) => d.source === s).length}`).join(', ')}); ISI weight ${ISI_WEIGHT}`,
);
let best = null;
for (const lambda of LAMBDAS) {
  const cv = crossValidate(lambda);
  // Chosen on the weighted log-loss would favour the paragraphs; choose on the mean of the
  // per-source F1 of the two labelled sets, so the 34 articles count as much as 982 paragraphs.
  const score = (cv['isi-article'].f1 + cv['crowd-relevance'].f1) / 2;
  console.log(`lambda ${lambda}: 10-fold CV ${fmt(cv)}`);
  // On a tie the stronger regularisation wins: fewer surprises on unseen text.
  if (!best || score >= best.score - 1e-9) best = { lambda, score, cv };
}
const loo = leaveOneOutIsi(best.lambda);
console.log(`chosen lambda ${best.lambda}; ISI leave-one-out ${JSON.stringify(loo)}`);
const model = fit(docs, best.lambda);
const train = bySource((r) => predict(model, r.x));
console.log(`fit on all (training data, optimistic): ${fmt(train)}`);
const features = FEATURE_NAMES.map((name, j) => ({
  name,
  reason: FEATURES[name],
  mean: r6(model.mean[j]),
  scale: r6(model.scale[j]),
  weight: r6(model.weights[j]),
}));
for (const f of [...features].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)))
  console.log(`  ${f.weight.toFixed(3).padStart(7)}  ${f.name}`);
if (!dryRun) {
  const file = {
    about:
      'Relevance model: logistic regression over the standardised features of src/classify/features.ts (z = (value - mean) / scale; log-odds = bias + sum of weight * z). Written by scripts/train-relevance.mjs; do not edit by hand.',
    trained: {
      documents: Object.fromEntries(
        [...new Set(docs.map((d) => d.source))].map((s) => [s, docs.filter((d) => d.source === s).length]),
      ),
      isi_weight: ISI_WEIGHT,
      lambda: best.lambda,
      cv_10fold: best.cv,
      isi_leave_one_out: loo,
    },
    bias: r6(model.bias),
    features,
  };
  writeFileSync(out, JSON.stringify(file, null, 2) + '\n');
  console.log(`wrote ${out}`);
} else if (previous !== null) writeFileSync(out, previous);

function fmt(res) {
  return Object.entries(res)
    .map(([s, m]) => `${s} F1 ${m.f1} (P ${m.precision} R ${m.recall}) AUC ${m.auc}`)
    .join(' · ');
}
function r6(v) {
  return Math.round(v * 1e6) / 1e6;
}
