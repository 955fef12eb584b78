// Runs the CLI from source (`node --import tsx src/cli/run.ts …`): the tests use it to check
// real exit codes and output without building dist/.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
