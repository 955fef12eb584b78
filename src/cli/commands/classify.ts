// `dmon classify`: relevance, cause, hazard and type of documents (text, HTML, stdin or JSON
// Lines). A short summary per document on a terminal, JSON with --json, one prediction line
// per document; --explain adds the relevance model's features and the cues (words, offsets,
// points, reasons).
import type { Command } from 'commander';
import { explain, type Explanation } from '../../classify/index.js';
import { documentOptions, documentsFrom, type DocumentFlags } from '../documentOptions.js';
import type { RegisterCommand } from './index.js';

interface ClassifyFlags extends DocumentFlags {
  json?: boolean;
  explain?: boolean;
}

export const registerClassify: RegisterCommand = (program: Command, setExit) => {
  const cmd = program
    .command('classify')
    .description('tell whether documents are about displacement, and its cause, hazard and document type')
    .argument('[files...]', 'text or HTML files; standard input when none or "-"')
    .option('--json', 'print one JSON object (or array) instead of a summary')
    .option('--explain', 'add the cues behind each decision (phrase, offsets, points, reason)');
  documentOptions(cmd).action(async (files: string[], flags: ClassifyFlags) => {
    const results: Array<Record<string, unknown>> = [];
    for await (const doc of documentsFrom('classify', files, flags, setExit)) {
      const e = explain(doc);
      const row = toRow(doc.id, e, flags.explain === true);
      if (flags.jsonl) process.stdout.write(JSON.stringify(row) + '\n');
      else if (flags.json) results.push(row);
      else process.stdout.write(summary(doc.id, e, flags.explain === true));
    }
    if (flags.json)
      process.stdout.write(JSON.stringify(results.length === 1 ? results[0] : results, null, 2) + '\n');
  });
};

function toRow(id: string, e: Explanation, withCues: boolean): Record<string, unknown> {
  const row: Record<string, unknown> = {
    id,
    relevant: e.relevant,
    relevance: e.relevance,
    cause: e.cause,
    hazard: e.hazard,
    type: e.type,
    facts: [],
  };
  if (withCues) {
    row.points = e.points;
    row.features = e.features;
    row.cues = e.cues.map((c) => ({ ...c, weight: Math.round(c.weight * 100) / 100 }));
  }
  return row;
}

function summary(id: string, e: Explanation, withCues: boolean): string {
  const lines = [
    `${id}: ${e.relevant ? 'relevant' : 'not relevant'} (${e.relevance.toFixed(2)})` +
      `  cause ${e.cause ?? '–'}${e.hazard ? ` (${e.hazard})` : ''}  type ${e.type ?? '–'}`,
  ];
  if (withCues) {
    // The relevance model's features, strongest push first, then every lexicon cue.
    for (const f of [...e.features].sort((a, b) => Math.abs(b.points) - Math.abs(a.points)))
      if (Math.abs(f.points) >= 0.05)
        lines.push(`  feature   ${f.name.padEnd(22)} ${f.points.toFixed(2).padStart(6)}  value ${f.value}`);
    for (const c of [...e.cues].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))) {
      const at = c.span[1] > c.span[0] ? ` @${c.span[0]}-${c.span[1]}` : '';
      lines.push(
        `  ${c.kind.padEnd(9)} ${c.label.padEnd(22)} ${c.weight.toFixed(2).padStart(6)}  "${c.match}"${at}  ${c.reason}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}
