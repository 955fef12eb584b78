// The floor a text benchmark is measured against, in the same process and the same run: parse
// each document from its JSON line and run one regular expression over its text (a crude
// "number near a displacement word" reader). What the machine is doing besides slows both
// alike, so the ratio (how many times the floor's time a document costs) stays comparable
// between runs where absolute rates do not. Passes alternate floor and measured work; the ratio
// is taken on this process's CPU time, which other processes disturb less than the wall clock,
// and the floor, a hundred times quicker, is repeated so that its time is long enough to read.
import { performance } from 'node:perf_hooks';
import { loadCorpus } from './corpus.mjs';

const FLOOR = /\d[\d,.]*\s+(?:people|persons|families|households|homes|houses|residents)\b/gi;

/** The corpus as JSON lines, as `dmon extract --jsonl` reads it. */
export function corpusLines() {
  const docs = loadCorpus();
  return {
    lines: docs.map((d) => JSON.stringify(d)),
    chars: docs.reduce((n, d) => n + d.text.length, 0),
  };
}

export function floorWork(line) {
  const d = JSON.parse(line);
  let n = 0;
  FLOOR.lastIndex = 0;
  while (FLOOR.exec(d.text)) n++;
  return n;
}

const FLOOR_REPEAT = 10;

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Times `work(doc)` over every line against the floor: one warm-up pass of each, then `passes`
 * alternating passes. Articles per second by wall clock and by this process's CPU time.
 */
export function timeAgainstFloor(lines, work, passes = 3) {
  const measured = (line) => work(JSON.parse(line));
  for (const l of lines) floorWork(l);
  for (const l of lines) measured(l);
  const t = { floor: { wall: 0, cpu: 0 }, work: { wall: 0, cpu: 0 } };
  let out = 0;
  const pass = (fn, acc) => {
    const w = performance.now();
    const c = cpuMs();
    let o = 0;
    for (const l of lines) o += fn(l);
    if (fn === measured) out += o;
    acc.wall += performance.now() - w;
    acc.cpu += cpuMs() - c;
  };
  for (let p = 0; p < passes; p++) {
    for (let k = 0; k < FLOOR_REPEAT; k++) pass(floorWork, t.floor);
    pass(measured, t.work);
  }
  const n = lines.length * passes;
  const rate = (ms, times = 1) => Math.round((n * times) / (ms / 1000));
  return {
    articles_per_s: rate(t.work.wall),
    articles_per_cpu_s: rate(t.work.cpu),
    floor_per_cpu_s: rate(t.floor.cpu, FLOOR_REPEAT),
    times_floor: +((t.work.cpu * FLOOR_REPEAT) / t.floor.cpu).toFixed(1),
    /** What `work` returned, summed over one pass. */
    per_pass: out / passes,
  };
}

export const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
