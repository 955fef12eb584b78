// `npm run eval`: scores the CLI with the project's shared scorer on every development file
// (../shared/eval) and prints the Markdown table kept in the README. Needs the shared folder
// beside the checkout; the product itself never reads it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const evalDir = `${root}../shared/eval`;
if (!existsSync(`${evalDir}/score.mjs`)) {
  console.error(`eval: ${evalDir}/score.mjs not found; the shared evaluation folder must sit beside the checkout`);
  process.exit(1);
}
const runs = [
  ['facts', 'smoke', 'extract'],
  ['facts', 'facts-sentences', 'extract'],
  ['facts', 'facts-articles', 'extract'],
  ['classify', 'classify', 'extract'],
  ['geo', 'geo-lgl', 'geoparse'],
  ['geo', 'geo-trnews', 'geoparse'],
];
const f = (x) => (x == null ? '–' : x.toFixed(3));
const rows = [];
for (const [mode, file, cmd] of runs) {
  const r = spawnSync(
    process.execPath,
    [`${evalDir}/score.mjs`, mode, '--gold', `${evalDir}/dev/${file}.jsonl`, '--cmd', `node ${root}bin/dmon.mjs ${cmd} --jsonl`, '--json'],
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
