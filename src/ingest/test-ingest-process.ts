// A child process for the crash test: imports N generated articles into the store named by
// argv[2] (a SQLite path or postgres:// URL) and extracts them, printing one line per step,
// so the test can kill -9 it at any point and run it again.
import { loadConfig } from '../config.js';
import { openRuntime } from './open.js';

// argv[4] 'extract-only': run the extract jobs only, print 'waiting' and wait to be killed
// (a crash after the facts and their clustering marks committed, before the clustering job).
const [target = '', count = '100', mode = ''] = process.argv.slice(2);
const env = target.startsWith('postgres') ? { DATABASE_URL: target } : { DMON_SQLITE: target };
const rt = await openRuntime(loadConfig(env), undefined);
const places = ['Amberton', 'Birchfield', 'Copperdale', 'Dunmore', 'Elmstead'];
for (let i = 0; i < Number(count); i++) {
  const text =
    `Bulletin ${i}: flooding forced ${1000 + i * 37} people to leave their homes in ${places[i % 5]} on ${1 + (i % 27)} March 2024, officials said. ` +
    `Relief workers registered ${200 + i} families at ${2 + (i % 9)} temporary sites; reference code ${i * 7919}.`;
  const r = await rt.ingest.addDocument({
    text,
    title: `Bulletin ${i}`,
    published: '2024-03-30',
    origin: 'import',
    externalId: `crash-${i}`,
  });
  process.stdout.write(`stored ${i} ${r.status}\n`);
}
process.stdout.write('imported\n');
await rt.ingest.run({
  drain: true,
  concurrency: 2,
  ...(mode === 'extract-only' ? { kinds: ['extract'] } : {}),
  onEvent: (e) =>
    e.type === 'done' &&
    process.stdout.write(`${e.job.kind === 'cluster' ? 'clustered' : 'extracted'} ${e.job.id}\n`),
});
if (mode === 'extract-only') {
  process.stdout.write('waiting\n');
  await new Promise(() => setInterval(() => undefined, 60_000));
}
process.stdout.write('finished\n');
await rt.close();
