// Shared by the disk-fault tests: a report that yields facts, and SQLite's own integrity check.
import { sql } from 'kysely';
import { queryBuilderForTests, type Store } from './index.js';

/** A short flood report with three figures; `i` makes each one distinct. */
export function report(i: number): string {
  return (
    `Floods forced ${(1200 + i * 41).toLocaleString('en')} people from their homes in Beira on ` +
    `${1 + (i % 27)} March 2024, officials said in bulletin ${i}. About ${300 + i} families were ` +
    `staying in ${4 + (i % 7)} schools and ${20 + i} houses were destroyed.`
  );
}

/** PRAGMA integrity_check: 'ok' for an intact store, else what is broken. */
export async function integrity(store: Store): Promise<string> {
  const r = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(
    queryBuilderForTests(store),
  );
  return r.rows.map((row) => row.integrity_check).join('; ');
}
