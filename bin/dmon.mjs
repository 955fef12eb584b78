#!/usr/bin/env node
// Entry point of the `dmon` CLI. In a source checkout it rebuilds dist/ first when any file
// under src/ is newer than the last build, so `npm run dmon -- …` works on a fresh clone.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.stamp');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const src = join(root, 'src');
if (existsSync(src)) {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  if (newestMtime(src) > built) {
    if (!existsSync(join(root, 'node_modules', 'typescript'))) {
      const inst = spawnSync(process.execPath, [join(root, 'scripts', 'ensure-install.mjs')], {
        stdio: ['ignore', 2, 2],
      });
      if (inst.status !== 0) process.exit(1);
    }
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
      encoding: 'utf8',
    });
    // tsc still emits JavaScript when it finds type errors; `npm run typecheck` (and CI) are
    // where type errors stop work, so here they are only reported.
    if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
      process.stderr.write(
        `${r.stdout}${r.stderr}dmon: the TypeScript build failed; see the errors above.\n`,
      );
      process.exit(1);
    }
    if (r.status !== 0) {
      const lines = `${r.stdout}${r.stderr}`.trim().split('\n');
      process.stderr.write(
        `dmon: warning: the build has ${lines.length} type error line(s), first: ${lines[0]}\n`,
      );
    } else spawnSync(process.execPath, [join(root, 'scripts', 'stamp.mjs')], { stdio: 'inherit' });
  }
}

const { main } = await import(pathToFileURL(join(root, 'dist', 'cli', 'main.js')).href);
process.exitCode = await main(process.argv.slice(2));
