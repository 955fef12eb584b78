// Reading and checking gold and prediction files, with the shared scorer's rules: one JSON object
// per line, unique ids, the fields each task needs. A bad line is named file:line with the field.
import { DmonError } from '../errors.js';
import { COARSE_TERMS } from './terms.js';
import type { EvalTask, GoldDoc, Prediction } from './types.js';

const isObj = (x: unknown): x is Record<string, unknown> =>
  x !== null && typeof x === 'object' && !Array.isArray(x);
export const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isInt = (x: unknown): x is number => Number.isInteger(x);
const isSpan = (x: unknown) =>
  Array.isArray(x) && x.length === 2 && isInt(x[0]) && isInt(x[1]) && x[0] <= x[1];
const isNumOrNull = (x: unknown) => x === null || x === undefined || isNum(x);
const isStrOrNull = (x: unknown) => x === null || x === undefined || typeof x === 'string';

const bad = (msg: string) => new DmonError('JSONL_INVALID', msg);

/** The JSON objects of a JSONL text, with their line numbers; blank lines are skipped. */
export function parseJsonl(text: string, where: string): { v: Record<string, unknown>; line: number }[] {
  const out: { v: Record<string, unknown>; line: number }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.replace(/\r$/, '');
    if (!l.trim()) continue;
    let v: unknown;
    try {
      v = JSON.parse(l);
    } catch (e) {
      throw bad(`${where}:${i + 1} is not JSON (${(e as Error).message})`);
    }
    if (!isObj(v)) throw bad(`${where}:${i + 1}: expected a JSON object`);
    out.push({ v, line: i + 1 });
  }
  return out;
}

/** The task a gold file was written for: facts files carry `facts`, geo files `toponyms`. */
export function guessTask(docs: readonly Record<string, unknown>[]): EvalTask {
  const first = docs[0] ?? {};
  if (Array.isArray(first.toponyms)) return 'geo';
  if (Array.isArray(first.facts)) return 'facts';
  return 'classify';
}

/** Checks gold documents for `task`; throws on the first bad line, naming it. */
export function validateGold(
  task: EvalTask,
  rows: { v: Record<string, unknown>; line: number }[],
  path: string,
): GoldDoc[] {
  const docs: GoldDoc[] = [];
  const seen = new Set<string>();
  for (const { v: d, line } of rows) {
    const at = `${path}:${line}`;
    if (typeof d.id !== 'string' || !d.id) throw bad(`${at}: "id" must be a non-empty string`);
    if (seen.has(d.id)) throw bad(`${at}: duplicate id ${d.id}`);
    seen.add(d.id);
    if (typeof d.text !== 'string') throw bad(`${at} (${d.id}): "text" must be a string`);
    if (task === 'facts') {
      if (!Array.isArray(d.facts))
        throw bad(`${at} (${d.id}): "facts" must be an array (is this a facts file?)`);
      if (d.scoring !== 'prf' && d.scoring !== 'recall')
        throw bad(`${at} (${d.id}): "scoring" must be "prf" or "recall"`);
      d.facts.forEach((f: unknown, k) => {
        if (!isObj(f)) throw bad(`${at} (${d.id}): facts[${k}] must be an object`);
        if (!(f.figure === null || isInt(f.figure)))
          throw bad(`${at} (${d.id}): facts[${k}].figure must be an integer or null`);
        if (!(f.term === null || COARSE_TERMS.has(f.term as string)))
          throw bad(
            `${at} (${d.id}): facts[${k}].term ${JSON.stringify(f.term)} is not a coarse term or null`,
          );
      });
    } else if (task === 'classify') {
      if (!(d.relevant === undefined || d.relevant === null || typeof d.relevant === 'boolean'))
        throw bad(`${at} (${d.id}): "relevant" must be true, false or null`);
      if (!isStrOrNull(d.cause) || !isStrOrNull(d.type))
        throw bad(`${at} (${d.id}): "cause" and "type" must be strings or null`);
    } else {
      if (!Array.isArray(d.toponyms))
        throw bad(`${at} (${d.id}): "toponyms" must be an array (is this a geo file?)`);
      d.toponyms.forEach((t: unknown, k) => {
        if (!isObj(t) || !isInt(t.start) || !isInt(t.end) || t.start > t.end)
          throw bad(`${at} (${d.id}): toponyms[${k}] needs integer start <= end`);
        if (!isNumOrNull(t.lat) || !isNumOrNull(t.lon))
          throw bad(`${at} (${d.id}): toponyms[${k}].lat/lon must be numbers or null`);
      });
    }
    docs.push(d as unknown as GoldDoc);
  }
  if (!docs.length) throw bad(`${path} holds no documents`);
  return docs;
}

/** Checks prediction lines for `task` (saved predictions given with `--pred`). */
export function validatePredictions(
  task: EvalTask,
  rows: { v: Record<string, unknown>; line: number }[],
  where: string,
): Map<string, Prediction> {
  const preds = new Map<string, Prediction>();
  for (const { v: p, line } of rows) {
    const at = `${where}:${line}`;
    if (typeof p.id !== 'string' || !p.id) throw bad(`${at}: "id" must be a non-empty string`);
    if (preds.has(p.id)) throw bad(`${at}: second prediction for id ${p.id} (one line per document)`);
    const id = ` (id ${p.id})`;
    if (task === 'geo') {
      if (p.places === undefined || p.places === null) p.places = [];
      if (!Array.isArray(p.places)) throw bad(`${at}${id}: "places" must be an array`);
      p.places.forEach((t: unknown, k) => {
        if (!isObj(t)) throw bad(`${at}${id}: places[${k}] must be an object`);
        if (!isInt(t.start) || !isInt(t.end) || t.start > t.end)
          throw bad(`${at}${id}: places[${k}] needs integer "start" <= "end" (UTF-16 offsets)`);
        if (!isNumOrNull(t.lat) || !isNumOrNull(t.lon))
          throw bad(`${at}${id}: places[${k}].lat/lon must be numbers or null`);
      });
    } else {
      if (p.facts === undefined || p.facts === null) p.facts = [];
      if (!Array.isArray(p.facts)) throw bad(`${at}${id}: "facts" must be an array`);
      if (!(p.relevant === undefined || p.relevant === null || typeof p.relevant === 'boolean'))
        throw bad(`${at}${id}: "relevant" must be true or false`);
      if (!(
        p.relevance === undefined ||
        p.relevance === null ||
        (isNum(p.relevance) && p.relevance >= 0 && p.relevance <= 1)
      ))
        throw bad(`${at}${id}: "relevance" must be a number in 0..1`);
      if (!isStrOrNull(p.cause) || !isStrOrNull(p.type))
        throw bad(`${at}${id}: "cause" and "type" must be strings or null`);
      p.facts.forEach((f: unknown, k) => {
        const fk = `${at}${id}: facts[${k}]`;
        if (!isObj(f)) throw bad(`${fk} must be an object`);
        if (!isNumOrNull(f.figure))
          throw bad(`${fk}.figure must be a number or null, got ${JSON.stringify(f.figure)}`);
        if (!isStrOrNull(f.term)) throw bad(`${fk}.term must be a string`);
        if (!isStrOrNull(f.unit) || !isStrOrNull(f.country))
          throw bad(`${fk}.unit and .country must be strings or null`);
        if (!(
          f.locations === undefined ||
          f.locations === null ||
          (Array.isArray(f.locations) && f.locations.every(isObj))
        ))
          throw bad(`${fk}.locations must be an array of objects`);
        for (const s of ['span', 'quantity_span'])
          if (!(f[s] === undefined || f[s] === null || isSpan(f[s])))
            throw bad(`${fk}.${s} must be [start, end] integers`);
        if (!isNumOrNull(f.confidence)) throw bad(`${fk}.confidence must be a number`);
      });
    }
    preds.set(p.id, p as unknown as Prediction);
  }
  return preds;
}
