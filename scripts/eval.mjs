// `npm run eval`: scores the CLI with the project's shared scorer on every development file
// (../shared/eval) and prints the Markdown table kept in the README. Needs the shared folder
// beside the checkout; the product itself never reads it.
//
// It also scores the project's own real-text set (eval/real/, see its README): the studied dev
// half always, the held-back half only with `npm run eval -- --held`, once a piece of work is done.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const evalDir = `${root}../shared/eval`;
if (!existsSync(`${evalDir}/score.mjs`)) {
  console.error(
    `eval: ${evalDir}/score.mjs not found; the shared evaluation folder must sit beside the checkout`,
  );
  process.exit(1);
}
const shared = (file) => `${evalDir}/dev/${file}.jsonl`;
const runs = [
  ['facts', 'smoke', 'extract', shared('smoke')],
  ['facts', 'facts-sentences', 'extract', shared('facts-sentences')],
  ['facts', 'facts-articles', 'extract', shared('facts-articles')],
  ['classify', 'classify', 'extract', shared('classify')],
  ['geo', 'geo-lgl', 'geoparse', shared('geo-lgl')],
  ['geo', 'geo-trnews', 'geoparse', shared('geo-trnews')],
];
// The real-text halves are several files each (one per part); the scorer reads one.
const tmp = mkdtempSync(join(tmpdir(), 'dmon-eval-'));
for (const half of process.argv.includes('--held') ? ['dev', 'held'] : ['dev']) {
  const dir = `${root}eval/real/${half}`;
  const gold = join(tmp, `real-${half}.jsonl`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  writeFileSync(gold, files.map((f) => readFileSync(join(dir, f), 'utf8').trim()).join('\n') + '\n');
  runs.push(
    ['facts', `real (${half} half)`, 'extract', gold],
    ['classify', `real (${half} half) relevance`, 'extract', gold],
  );
}
const f = (x) => (x == null ? '–' : x.toFixed(3));
const rows = [];
for (const [mode, file, cmd, gold] of runs) {
  const r = spawnSync(
    process.execPath,
    [
      `${evalDir}/score.mjs`,
      mode,
      '--gold',
      gold,
      '--cmd',
      `node ${root}bin/dmon.mjs ${cmd} --jsonl`,
      '--json',
    ],
    { encoding: 'utf8', cwd: root, maxBuffer: 1 << 26 },
  );
  if (r.status !== 0) {
    console.error(`eval: ${file}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    process.exitCode = 1;
    continue;
  }
  const a = JSON.parse(r.stdout.trim().split('\n').pop()).results.all;
  if (mode === 'facts')
    rows.push(
      `| ${file} | recall ${f(a.recall)} · prf P ${f(a.prf_docs_precision)} R ${f(a.prf_docs_recall)} F1 ${f(a.prf_docs_f1)} · unit ${f(a.unit_accuracy)} · country ${f(a.country_accuracy)} · place ${f(a.location_match)} |`,
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
