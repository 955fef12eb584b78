// Installs dependencies when node_modules is missing or older than the lockfile, so that
// `npm start` and `npm test` work as the first commands on a fresh clone.
import { existsSync, lstatSync, statSync } from 'node:fs';
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
