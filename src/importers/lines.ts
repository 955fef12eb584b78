// Splits a byte stream into UTF-8 lines without ever holding more than one line (capped) in
// memory. A line longer than the cap is reported as overlong and skipped to its end.

export interface Line {
  /** 1-based line number. */
  number: number;
  text: string;
  /** True when the line exceeded the cap; `text` is then empty. */
  overlong: boolean;
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
    let text = overlong ? '' : decoder.decode(Buffer.concat(parts));
    if (number === 1) text = text.replace(/^\uFEFF/, '');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    const line = { number, text, overlong };
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
