// Splits a byte stream into UTF-8 lines without ever holding more than one line (capped) in
// memory. A line longer than the cap is reported as overlong and skipped to its end.

export interface Line {
  /** 1-based line number. */
  number: number;
  text: string;
  /** True when the line exceeded the cap; `text` is then empty. */
  overlong: boolean;
  /** Invalid UTF-8 sequences in the line, each replaced with U+FFFD in `text`. */
  replaced: number;
}

const FFFD_BYTES = Buffer.from([0xef, 0xbf, 0xbd]);

/** U+FFFD in the decoded text that were not written as U+FFFD in the bytes. */
function replacedIn(text: string, bytes: Buffer): number {
  if (!text.includes('\uFFFD')) return 0;
  let decoded = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) decoded++;
  let literal = 0;
  for (let i = bytes.indexOf(FFFD_BYTES); i >= 0; i = bytes.indexOf(FFFD_BYTES, i + 3)) literal++;
  return decoded - literal;
}

export async function* splitLines(
  source: AsyncIterable<Uint8Array | string>,
  maxLineBytes: number,
): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8');
  let parts: Buffer[] = [];
  let size = 0;
  let overlong = false;
  let number = 0;
  const finish = (): Line => {
    number++;
    const bytes = overlong ? Buffer.alloc(0) : Buffer.concat(parts);
    let text = decoder.decode(bytes);
    const replaced = replacedIn(text, bytes);
    if (number === 1) text = text.replace(/^\uFEFF/, '');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    const line = { number, text, overlong, replaced };
    parts = [];
    size = 0;
    overlong = false;
    return line;
  };
  for await (const chunk of source) {
    let buf =
      typeof chunk === 'string'
        ? Buffer.from(chunk, 'utf8')
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (;;) {
      const nl = buf.indexOf(0x0a);
      const piece = nl < 0 ? buf : buf.subarray(0, nl);
      if (!overlong) {
        if (size + piece.length > maxLineBytes) {
          overlong = true;
          parts = [];
        } else {
          parts.push(Buffer.from(piece));
          size += piece.length;
        }
      }
      if (nl < 0) break;
      yield finish();
      buf = buf.subarray(nl + 1);
    }
  }
  if (size > 0 || overlong) yield finish();
}
