// JSON Lines: one article object per line. Blank lines are skipped; every other line yields
// an article or an ImportError naming the line.
import { DmonError } from '../errors.js';
import { splitLines } from './lines.js';
import { recordItem } from './items.js';
import { isImportError, type ImportItem } from './types.js';
import { replacedWarning } from '../document/fromBytes.js';

export async function* readJsonl(
  source: AsyncIterable<Uint8Array | string>,
  name: string,
  maxRecordBytes: number,
): AsyncGenerator<ImportItem> {
  for await (const line of splitLines(source, maxRecordBytes)) {
    const origin = `${name}:${line.number}`;
    if (line.overlong) {
      yield {
        origin,
        error: new DmonError(
          'INPUT_TOO_LARGE',
          `${origin}: line longer than ${maxRecordBytes} bytes; split the record or raise the limit`,
        ),
      };
      continue;
    }
    if (line.text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (e) {
      yield {
        origin,
        error: new DmonError('JSONL_INVALID', `${origin}: not valid JSON (${(e as Error).message})`),
      };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield {
        origin,
        error: new DmonError(
          'JSONL_INVALID',
          `${origin}: each line must be a JSON object like {"text": "…"}`,
        ),
      };
      continue;
    }
    const item = recordItem(value as Record<string, unknown>, origin, 'JSONL_INVALID');
    // Bad bytes inside a JSON string are read as U+FFFD; the record is kept and says so.
    if (line.replaced > 0 && !isImportError(item))
      item.warnings = [...(item.warnings ?? []), replacedWarning(origin, line.replaced)];
    yield item;
  }
}
