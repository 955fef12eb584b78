// `npm run eval`: scores the product on every development file of the shared evaluation folder
// (../shared/eval) with `dmon eval` (the shared scorer's metrics, ported into src/eval) and prints
// the Markdown table kept in the README. Needs the shared folder beside the checkout for its gold
// files; the product itself never reads it.
//
// It also scores the project's own real-text set (eval/real/, see its README): the studied dev
// half always, the current held-back half (the `HELD` folder below) only with `npm run eval -- --held`, once a piece
// of work is done. Earlier held halves were scored once and merged into dev/.
// The real-text facts rows add the confidence's expected calibration error (ECE, raw → calibrated).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const evalDir = `${root}../shared/eval`;
if (!existsSync(`${evalDir}/dev`)) {
  console.error(`eval: ${evalDir}/dev not found; the shared evaluation folder must sit beside the checkout`);
  process.exit(1);
}
/** The current held-back half of eval/real/: scored once per round, then merged into dev/. */
const HELD = 'held59';
const shared = (file) => `${evalDir}/dev/${file}.jsonl`;
const runs = [
  ['facts', 'smoke', shared('smoke')],
  ['facts', 'facts-sentences', shared('facts-sentences')],
  ['facts', 'facts-articles', shared('facts-articles')],
  ['classify', 'classify', shared('classify')],
  ['geo', 'geo-lgl', shared('geo-lgl')],
  ['geo', 'geo-trnews', shared('geo-trnews')],
];
// The real-text halves are several files each (one per part); the scorer reads one.
const tmp = mkdtempSync(join(tmpdir(), 'dmon-eval-'));
if (process.argv.includes('--held') && !existsSync(`${root}eval/real/${HELD}`)) {
  console.error(
    `eval: eval/real/${HELD}/ does not exist yet: collect and label a fresh held-back half first`,
  );
  process.exit(1);
}
for (const half of process.argv.includes('--held') ? ['dev', HELD] : ['dev']) {
  const dir = `${root}eval/real/${half}`;
  const gold = join(tmp, `real-${half}.jsonl`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  writeFileSync(gold, files.map((f) => readFileSync(join(dir, f), 'utf8').trim()).join('\n') + '\n');
  runs.push(
    ['facts', `real (${half} half)`, gold, '--calibration'],
    ['classify', `real (${half} half) relevance`, gold],
  );
}
const f = (x) => (x == null ? '–' : x.toFixed(3));
const rows = [];
for (const [mode, file, gold, ...extra] of runs) {
  const r = spawnSync(
    process.execPath,
    [`${root}bin/dmon.mjs`, 'eval', '--gold', gold, '--task', mode, '--json', ...extra],
    { encoding: 'utf8', cwd: root, maxBuffer: 1 << 26 },
  );
  if (r.status !== 0) {
    console.error(`eval: ${file}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    process.exitCode = 1;
    continue;
  }
  const out = JSON.parse(r.stdout.trim().split('\n').pop());
  const a = out.results.all;
  const cal = out.calibration
    ? ` · confidence ECE ${f(out.calibration.raw.ece)} raw → ${f(out.calibration.calibrated.ece)} calibrated`
    : '';
  if (mode === 'facts')
    rows.push(
      `| ${file} | recall ${f(a.recall)} · prf P ${f(a.prf_docs_precision)} R ${f(a.prf_docs_recall)} F1 ${f(a.prf_docs_f1)} · unit ${f(a.unit_accuracy)} · country ${f(a.country_accuracy)} · place ${f(a.location_match)}${cal} |`,
    );
  else if (mode === 'classify')
    rows.push(
      `| ${file} | relevance F1 ${f(a.relevance_f1)} (AUC ${f(a.relevance_auc)}) · cause macro-F1 ${f(a.cause_macro_f1)} · type macro-F1 ${f(a.type_macro_f1)} |`,
    );
  else
    rows.push(
      `| ${file} | tagging F1 (overlap) ${f(a.tagging_overlap?.f1)} · acc@161 ${f(a.accuracy_161km)} · AUC ${f(a.auc)} · end-to-end recall@161 ${f(a.end_to_end_recall_161km)} |`,
    );
}
console.log('| dev set | result |\n| --- | --- |\n' + rows.join('\n'));
