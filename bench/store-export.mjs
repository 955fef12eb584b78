// Runs `dmon export` from the built dist/ directly (no rebuild check, no child processes), so
// that /usr/bin/time measures the export alone. Used by bench/store.mjs.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
