// The lines of a text with their offsets, for the readers that work by layout (tables, key-figure
// boxes): each line without its newline, empty ones included.

export interface TextLine {
  start: number;
  end: number;
  raw: string;
}

export function linesOf(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lines.push({ start, end, raw: text.slice(start, end) });
    start = end + 1;
  }
  return lines;
}
