// The Node releases on which the SQLite engine cannot run. better-sqlite3 12 subclasses
// node::ObjectWrap. Node 24.19.0 made ObjectWrap's constructor add an environment cleanup hook
// and its destructor remove it, but the destructor runs when the garbage collector frees a
// database or statement, outside any JavaScript context, where those releases find no
// environment and abort the process ("Assertion failed: (env) != nullptr" in
// node::RemoveEnvironmentCleanupHook; nodejs/node#65446). 24.22.0 keeps one global list of
// addon cleanup hooks and runs the same binary cleanly. Node 20 and 22 never had the change.
// Measured on 2026-12-02 with one better-sqlite3 12.11.1 binary: 24.21.0 aborts, 24.22.3 does not.

/** [first affected, first fixed) per major line, as [major, minor, patch]. */
const ABORTING: [number[], number[]][] = [
  [
    [24, 19, 0],
    [24, 22, 0],
  ],
];

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** Why the SQLite engine cannot run on this Node release, with the fix; null when it can. */
export function sqliteRuntimeProblem(version: string = process.versions.node): string | null {
  const v = version.replace(/^v/, '').split(/[.-]/).slice(0, 3).map(Number);
  if (v.length < 3 || v.some((n) => !Number.isInteger(n))) return null;
  for (const [from, to] of ABORTING)
    if (compare(v, from) >= 0 && compare(v, to) < 0)
      return (
        `Node ${v.join('.')} aborts the process when it frees a better-sqlite3 object ` +
        `(Node ${from.join('.')} to ${to[0]}.${to[1]! - 1}.x, nodejs/node#65446); ` +
        `use Node ${to.join('.')} or later (or Node 22), or a PostgreSQL store (DATABASE_URL)`
      );
  return null;
}
