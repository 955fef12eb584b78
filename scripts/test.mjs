// Runs every *.test.ts under src/ (and test/) with Node's own test runner through tsx.
// Node 20's --test does not expand globs, so the files are collected here.
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// web/ holds the dashboard's unit tests (web/src) and its browser tests (web/test).
const roots = ['src', 'test', 'web'].filter((d) => existsSync(d));
const only = process.argv.slice(2);
const files = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'dist') walk(p);
    } else if (e.name.endsWith('.test.ts') && (only.length === 0 || only.some((o) => p.includes(o))))
      files.push(p);
  }
};
roots.forEach(walk);
files.sort();
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
