// `dmon feeds add` refuses a private address before storing it, and `dmon feeds list` (text and
// JSON) never prints credentials written into a feed URL. Real CLI processes on a temp SQLite store.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const RUN = fileURLToPath(new URL('./run.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'dmon-feeds-cli-'));

function dmon(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; out: string; err: string }>((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, DMON_DATA_DIR: dataDir, ...env };
    delete childEnv.DATABASE_URL;
    execFile(
      process.execPath,
      ['--import', 'tsx', RUN, ...args],
      { encoding: 'utf8', env: childEnv },
      (error, out, err) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err }),
    );
  });
}

test('feeds add refuses private addresses in any spelling and stores nothing', async () => {
  for (const url of [
    'http://0x7f.1/rss',
    'http://[::ffff:169.254.169.254]/latest',
    'http://localhost:8080/feed.xml',
    'http://bob:pw@10.1.2.3/feed',
  ]) {
    const r = await dmon(['feeds', 'add', url]);
    assert.equal(r.code, 1, `${url}: ${r.out}${r.err}`);
    assert.match(r.err, /refused to fetch .*only public addresses/, url);
    assert.doesNotMatch(r.err, /pw@/);
  }
  const list = await dmon(['feeds', 'list', '--json']);
  assert.equal(list.code, 0, list.err);
  assert.deepEqual(JSON.parse(list.out), []);
  // DMON_FETCH_ALLOW lets an intranet feed in.
  const allowed = await dmon(['feeds', 'add', 'http://10.1.2.3/feed'], { DMON_FETCH_ALLOW: '10.0.0.0/8' });
  assert.equal(allowed.code, 0, allowed.err);
});

test('feeds add and list never print the credentials of a feed URL', async () => {
  const add = await dmon(['feeds', 'add', 'https://alice:s3cret@93.184.215.14/members.xml']);
  assert.equal(add.code, 0, add.err);
  assert.match(add.out, /added: feed \d+ https:\/\/93\.184\.215\.14\/members\.xml/);
  for (const args of [
    ['feeds', 'list'],
    ['feeds', 'list', '--json'],
  ]) {
    const r = await dmon(args);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /93\.184\.215\.14\/members\.xml/);
    assert.doesNotMatch(r.out, /s3cret|alice/, args.join(' '));
  }
});
