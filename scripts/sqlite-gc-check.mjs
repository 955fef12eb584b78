// Does this Node run better-sqlite3 when the garbage collector frees its objects? Opens 100
// in-memory databases with 22 statements each, keeps none, then allocates for four seconds so
// that major collections free them outside any JavaScript context. Node 24.19.0 to 24.21.x abort
// here (exit 134, "Assertion failed: (env) != nullptr" in node::RemoveEnvironmentCleanupHook;
// nodejs/node#65446), which is why src/store/nodeRuntime.ts refuses them; other releases print
// "ok". Usage: node scripts/sqlite-gc-check.mjs
import { clearInterval, setInterval, setTimeout } from 'node:timers';
import Database from 'better-sqlite3';

function use() {
  const db = new Database(':memory:');
  db.exec('create table t (x integer)');
  for (let i = 0; i < 20; i++) db.prepare(`insert into t values (${i})`).run();
  return db.prepare('select count(*) n from t').get().n;
}

let rows = 0;
for (let i = 0; i < 100; i++) rows += use();
let junk = [];
const churn = setInterval(() => {
  for (let i = 0; i < 1e5; i++) junk.push({ i });
  if (junk.length > 3e6) junk = [];
}, 1);
setTimeout(() => {
  clearInterval(churn);
  console.log(`ok: Node ${process.version}, ${rows} rows written, every database left to the collector`);
}, 4000);
