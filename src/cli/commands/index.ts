// The ordered list of subcommands; `dmon --help` lists them in this order.
import type { Command } from 'commander';
import { registerExtract } from './extract.js';
import { registerClassify } from './classify.js';
import { registerExport } from './export.js';
import { registerFeeds } from './feeds.js';
import { registerIngest } from './ingest.js';
import { registerWorker } from './worker.js';
import { registerServe } from './serve.js';
import { registerTokens } from './tokens.js';
import { registerGeoparse } from './geoparse.js';

export type RegisterCommand = (program: Command, setExit: (code: number) => void) => void;

export const COMMANDS: RegisterCommand[] = [registerExtract, registerClassify, registerGeoparse, registerFeeds, registerIngest, registerWorker, registerServe, registerExport, registerTokens];
