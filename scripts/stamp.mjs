// Records when dist/ was built, so bin/dmon.mjs can tell whether src/ changed since.
import { writeFileSync } from 'node:fs';
writeFileSync(new URL('../dist/.stamp', import.meta.url), new Date().toISOString() + '\n');
