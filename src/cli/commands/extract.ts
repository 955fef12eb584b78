// `dmon extract`: facts from text, HTML, stdin or JSON Lines, printed as a table on a
// terminal, as JSON with --json, or one prediction line per document with --jsonl.
import type { Command } from 'commander';
import { calibrateFacts } from '../../eval/calibrate.js';
import { shippedCalibration } from '../../eval/calibrationData.js';
import { extract } from '../../extract/index.js';
import type { ExtractResult } from '../../types.js';
import { documentOptions, documentsFrom, type DocumentFlags } from '../documentOptions.js';
import { factTable } from '../format.js';
import type { RegisterCommand } from './index.js';

interface ExtractFlags extends DocumentFlags {
  json?: boolean;
}

export const registerExtract: RegisterCommand = (program: Command, setExit) => {
  const cmd = program
    .command('extract')
    .description('read displacement facts (figure, term, unit, place, date, cause) from documents')
    .argument('[files...]', 'text or HTML files; standard input when none or "-"')
    .option('--json', 'print one JSON object (or array) instead of a table');
  documentOptions(cmd).action(async (files: string[], flags: ExtractFlags) => {
    const results: { id: string; result: ExtractResult }[] = [];
    for await (const doc of documentsFrom('extract', files, flags, setExit)) {
      // Confidence as printed is calibrated: a fact at 0.8 was right about 80 % of the time on
      // labelled documents (src/eval/calibrate.ts).
      const result = calibrateFacts(extract(doc), shippedCalibration());
      if (flags.jsonl) process.stdout.write(JSON.stringify({ id: doc.id, ...result }) + '\n');
      else results.push({ id: doc.id, result });
    }
    if (flags.jsonl) return;
    if (flags.json) {
      const out =
        results.length === 1
          ? { id: results[0]!.id, ...results[0]!.result }
          : results.map((r) => ({ id: r.id, ...r.result }));
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      return;
    }
    for (const r of results) process.stdout.write(factTable(r.id, r.result) + '\n');
  });
};
