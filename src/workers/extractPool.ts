// Runs extract() on worker threads (piscina), for `dmon serve`'s in-process worker: extraction
// is CPU-bound and takes seconds on a large page, and on the event loop it stalled every API
// request meanwhile. Each thread loads the lexicons and the gazetteer once, at its first task.
import { Piscina } from 'piscina';
import type { DocumentInput, ExtractResult } from '../types.js';

export interface ExtractPool {
  extract(doc: DocumentInput): Promise<ExtractResult>;
  close(): Promise<void>;
}

// Compiled, this module sits beside extractTask.js; under tsx (tests, development) beside the
// .ts source, and the thread inherits tsx through the process's --import flag.
function taskFile(): string {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./extractTask${ext}`, import.meta.url).href;
}

export function createExtractPool(options: { threads?: number } = {}): ExtractPool {
  const threads = options.threads ?? 1;
  const pool = new Piscina({
    filename: taskFile(),
    minThreads: threads,
    maxThreads: threads,
    // A thread that sat idle this long exits and frees its gazetteer; the next task starts one.
    idleTimeout: 10 * 60_000,
  });
  return {
    extract: (doc) => pool.run(doc) as Promise<ExtractResult>,
    close: () => pool.destroy(),
  };
}
