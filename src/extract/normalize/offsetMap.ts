// Offsets from repaired text back to the text as stored. Each repair pass proposes edits on its
// input (replace [start, end) by `text`); applying them gives the pass's output and one layer of
// the map. A position is mapped back through the layers, last pass first. Evidence spans must
// point into the original document, so a span's start and end map with different biases: a start
// inside a replaced stretch goes to the stretch's start, an end to its end.
import type { Span } from '../../types.js';

/** Replace the input's [start, end) with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** One pass's edits, with where each replacement landed in the pass's output. */
interface Layer {
  inStart: Int32Array;
  inEnd: Int32Array;
  outStart: Int32Array;
  outEnd: Int32Array;
}

export class OffsetMap {
  private constructor(private readonly layers: readonly Layer[]) {}

  static identity(): OffsetMap {
    return new OffsetMap([]);
  }

  get isIdentity(): boolean {
    return this.layers.length === 0;
  }

  /**
   * Applies `edits` (sorted by start, not overlapping) to `text`; returns the new text and this
   * map extended by one layer. No edits: the same text and the same map.
   */
  apply(text: string, edits: readonly Edit[]): { text: string; map: OffsetMap } {
    if (edits.length === 0) return { text, map: this };
    const n = edits.length;
    const layer: Layer = {
      inStart: new Int32Array(n),
      inEnd: new Int32Array(n),
      outStart: new Int32Array(n),
      outEnd: new Int32Array(n),
    };
    const parts: string[] = [];
    let at = 0;
    let out = 0;
    edits.forEach((e, k) => {
      if (e.start < at || e.end < e.start || e.end > text.length)
        throw new RangeError(`edit [${e.start}, ${e.end}) overlaps another or leaves the text`);
      parts.push(text.slice(at, e.start), e.text);
      out += e.start - at;
      layer.inStart[k] = e.start;
      layer.inEnd[k] = e.end;
      layer.outStart[k] = out;
      out += e.text.length;
      layer.outEnd[k] = out;
      at = e.end;
    });
    parts.push(text.slice(at));
    return { text: parts.join(''), map: new OffsetMap([...this.layers, layer]) };
  }

  /** The original offset of a span start at `pos` in the repaired text. */
  toOriginalStart(pos: number): number {
    for (let i = this.layers.length - 1; i >= 0; i--) pos = mapStart(this.layers[i]!, pos);
    return pos;
  }

  /** The original offset of a span end at `pos` in the repaired text. */
  toOriginalEnd(pos: number): number {
    for (let i = this.layers.length - 1; i >= 0; i--) pos = mapEnd(this.layers[i]!, pos);
    return pos;
  }

  toOriginal(span: Span): Span {
    const start = this.toOriginalStart(span[0]);
    return [start, Math.max(start, this.toOriginalEnd(span[1]))];
  }
}

/** Index of the last edit whose output starts at or before `pos` (strictly before when `strict`). */
function lastEditBefore(outStart: Int32Array, pos: number, strict: boolean): number {
  let lo = 0;
  let hi = outStart.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = outStart[mid]!;
    if (s < pos || (!strict && s === pos)) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function mapStart(l: Layer, pos: number): number {
  const k = lastEditBefore(l.outStart, pos, false);
  if (k < 0) return pos;
  if (pos < l.outEnd[k]!) return l.inStart[k]!;
  return l.inEnd[k]! + (pos - l.outEnd[k]!);
}

function mapEnd(l: Layer, pos: number): number {
  const k = lastEditBefore(l.outStart, pos, true);
  if (k < 0) return pos;
  if (pos <= l.outEnd[k]!) return l.inEnd[k]!;
  return l.inEnd[k]! + (pos - l.outEnd[k]!);
}
