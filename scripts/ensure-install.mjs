// Installs dependencies when node_modules is missing or older than the lockfile, and builds the
// web dashboard (web/dist) when it is missing or older than its sources, so that `npm start`
// and `npm test` work as the first commands on a fresh clone.
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const marker = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
// A node_modules that is a symbolic link is shared with another checkout (a git worktree) and
// installed there: reinstalling through the link would empty it under the other checkout's feet.
const linked =
  existsSync(join(root, 'node_modules')) && lstatSync(join(root, 'node_modules')).isSymbolicLink();
const stale =
  !linked && (!existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs));
if (stale) {
  const args = existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  process.stderr.write(`dmon: installing dependencies (npm ${args[0]})…\n`);
  const r = spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('dmon: npm install failed; see the messages above.\n');
    process.exit(r.status ?? 1);
  }
}

// The dashboard: rebuilt when any of its sources (or the installed packages) changed since the
// last build. An installed package without web/ sources serves the web/dist it shipped with.
const web = join(root, 'web');
const built = join(web, 'dist', 'index.html');
function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let n = 0;
  for (const e of readdirSync(path)) n = Math.max(n, newest(join(path, e)));
  return n;
}
if (existsSync(join(web, 'src'))) {
  const sources = Math.max(
    ...['src', 'public', 'index.html', 'vite.config.mjs'].map((p) => newest(join(web, p))),
    existsSync(lock) ? statSync(lock).mtimeMs : 0,
  );
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    process.stderr.write('dmon: building the web dashboard (web/dist)…\n');
    const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const r = spawnSync(process.execPath, [vite, 'build', '--config', join(web, 'vite.config.mjs')], {
      cwd: root,
      stdio: 'inherit',
    });
    if (r.status !== 0) {
      process.stderr.write('dmon: building the dashboard failed; see the messages above.\n');
      process.exit(r.status ?? 1);
    }
  }
}
