// The input options every document-reading command shares (extract, geoparse, classify).
import { Option, type Command, InvalidArgumentError } from 'commander';
import { DEFAULT_MAX_BYTES, readDocuments, type InputDocument } from './input.js';

export interface DocumentFlags {
  jsonl?: boolean;
  keepGoing?: boolean;
  maxBytes?: number;
  format?: 'text' | 'html' | 'pdf';
}

export function documentOptions(cmd: Command): Command {
  return cmd
    .option(
      '--jsonl',
      'read JSON Lines (the records `dmon import` reads: {id, text or html, published, lang, title, url, …} per line) and print one JSON line per document',
    )
    .option(
      '--keep-going',
      'skip invalid JSON lines and unreadable files (reported on stderr, exit 1 at the end) instead of stopping',
    )
    .option('--max-bytes <n>', 'largest accepted document in bytes (default 10 MB)', parseBytes)
    .addOption(
      new Option('--format <format>', 'read files as text, HTML or PDF (default: guess)').choices([
        'text',
        'html',
        'pdf',
      ]),
    );
}

function parseBytes(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError('expected a positive whole number of bytes');
  return n;
}

/**
 * The documents a command was given, read with its flags. Lines skipped with --keep-going are
 * reported on stderr as they come, and make the command exit 1 once the rest is done.
 */
export async function* documentsFrom(
  command: string,
  files: string[],
  flags: DocumentFlags,
  setExit: (code: number) => void,
): AsyncGenerator<InputDocument> {
  let skipped = 0;
  const docs = readDocuments(files, {
    jsonl: flags.jsonl === true,
    keepGoing: flags.keepGoing === true,
    maxBytes: flags.maxBytes ?? DEFAULT_MAX_BYTES,
    ...(flags.format ? { format: flags.format } : {}),
    onSkip: (e) => {
      skipped++;
      process.stderr.write(`dmon ${command}: skipped ${e.message}\n`);
    },
  });
  for await (const doc of docs) {
    for (const w of doc.warnings ?? []) process.stderr.write(`dmon ${command}: warning: ${w}\n`);
    yield doc;
  }
  if (skipped > 0) setExit(1);
}
