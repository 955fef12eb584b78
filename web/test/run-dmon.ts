// Runs the dmon CLI from the sources (through tsx), for the browser tests' server process.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
