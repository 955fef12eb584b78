// `dmon eval --gold FILE`: measures the product on a labelled file in the shared evaluation
// format and prints the shared scorer's table (or --json). --calibration adds the reliability
// table of the facts' confidence (raw and calibrated). --reviews prints per-rule precision from the
// store's reviews (src/review/precision.ts); with --calibration, the reliability of reviewed facts.
import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { loadConfig } from '../../config.js';
import { DmonError } from '../../errors.js';
import {
  calibrate,
  EVAL_TASKS,
  guessTask,
  labelledConfidences,
  metricsTable,
  parseJsonl,
  predict,
  reliability,
  reliabilityTable,
  reviewedConfidences,
  scoreTask,
  shippedCalibration,
  validateGold,
  validatePredictions,
  type EvalTask,
  type LabelledConfidence,
  type Prediction,
  type Reliability,
} from '../../eval/index.js';
import { precisionTable, rulePrecision } from '../../review/precision.js';
import { openStore } from '../../store/index.js';
import type { RegisterCommand } from './index.js';

interface EvalFlags {
  gold?: string;
  task?: EvalTask;
  pred?: string;
  json?: boolean;
  bySource?: boolean;
  source?: string;
  limit?: string;
  calibration?: boolean;
  reviews?: boolean;
  raw?: boolean;
  by?: 'rule' | 'term';
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new DmonError(
      'INPUT_NOT_FOUND',
      `cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      { cause: e },
    );
  }
}

export const registerEval: RegisterCommand = (program: Command) => {
  program
    .command('eval')
    .description(
      "measure extraction, classification or geoparsing on a labelled JSONL file (the shared evaluation format) and print the scorer's table",
    )
    .option('--gold <file>', 'gold JSONL: facts, classification or geoparsing documents')
    .addOption(
      new Option(
        '--task <task>',
        'what to score (default: facts for a facts file, geo for a geo file, else classify)',
      ).choices([...EVAL_TASKS]),
    )
    .option(
      '--pred <file>',
      'score saved predictions (the --jsonl output of extract or geoparse) instead of running the product',
    )
    .option('--by-source', 'add a column per source')
    .option('--source <a,b>', 'score only documents from these sources')
    .option('--limit <n>', 'score only the first N documents')
    .option('--calibration', 'add the reliability table: confidence bins against observed precision, ECE')
    .option(
      '--reviews',
      "per-rule precision from the store's reviews (--by term for per term); with --calibration, their reliability table",
    )
    .addOption(new Option('--by <key>', 'with --reviews: group by rule or term').choices(['rule', 'term']))
    .option('--raw', "score the extractor's raw confidence instead of the calibrated one")
    .option('--json', 'print one JSON object instead of the tables')
    .action(async (flags: EvalFlags) => {
      if (flags.reviews) return evalReviews(flags);
      if (!flags.gold) throw new DmonError('USAGE', 'dmon eval needs --gold FILE (or --reviews)');
      const rows = parseJsonl(await readText(flags.gold, 'gold file'), flags.gold);
      const task = flags.task ?? guessTask(rows.map((r) => r.v));
      let docs = validateGold(task, rows, flags.gold);
      if (flags.source) {
        const wanted = new Set(
          flags.source
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        );
        const known = new Set(docs.map((d) => d.source ?? '(none)'));
        for (const s of wanted)
          if (!known.has(s))
            throw new DmonError(
              'USAGE',
              `--source ${s}: no such source in ${flags.gold} (has: ${[...known].join(', ')})`,
            );
        docs = docs.filter((d) => wanted.has(d.source ?? '(none)'));
      }
      if (flags.limit !== undefined) {
        const n = Number(flags.limit);
        if (!Number.isInteger(n) || n < 0)
          throw new DmonError(
            'USAGE',
            `--limit needs a non-negative integer, got ${JSON.stringify(flags.limit)}`,
          );
        docs = docs.slice(0, n);
      }
      if (!docs.length) throw new DmonError('USAGE', 'no gold documents left to score');
      if (flags.calibration && task !== 'facts')
        throw new DmonError('USAGE', '--calibration needs a facts gold file (--task facts)');

      const calibrated = shippedCalibration();
      let preds: Map<string, Prediction>;
      let rawPreds: Map<string, Prediction> | null = null;
      if (flags.pred) {
        preds = validatePredictions(
          task,
          parseJsonl(await readText(flags.pred, 'prediction file'), flags.pred),
          flags.pred,
        );
      } else {
        // The extractor runs once; the calibrated predictions are the raw ones with the map applied.
        const raw = new Map([...predict(task, docs, { calibration: null })].map((p) => [p.id, p]));
        const useRaw = flags.raw === true || task !== 'facts';
        const withMap = (p: Prediction): Prediction => ({
          ...p,
          facts: (p.facts ?? []).map((f) =>
            typeof f.confidence === 'number' ? { ...f, confidence: calibrate(f.confidence, calibrated) } : f,
          ),
        });
        preds = useRaw ? raw : new Map([...raw].map(([id, p]) => [id, withMap(p)]));
        if (flags.calibration && !useRaw) rawPreds = raw;
      }
      const points: LabelledConfidence[] = [];
      const result = scoreTask(task, flags.gold, docs, preds, {
        bySource: flags.bySource === true,
        onFactOutcome: (_d, o) => points.push(...labelledConfidences(o)),
      });
      let tables: Record<string, Reliability> | null = null;
      if (flags.calibration) {
        tables = {};
        if (rawPreds) {
          const rawPoints: LabelledConfidence[] = [];
          scoreTask(task, flags.gold, docs, rawPreds, {
            onFactOutcome: (_d, o) => rawPoints.push(...labelledConfidences(o)),
          });
          tables.raw = reliability(rawPoints);
          tables.calibrated = reliability(points);
        } else tables[flags.pred ? 'given' : 'raw'] = reliability(points);
      }
      if (flags.json) {
        process.stdout.write(JSON.stringify(tables ? { ...result, calibration: tables } : result) + '\n');
        return;
      }
      const head = `${task}: ${docs.length} gold documents from ${flags.gold}; ${result.predictions} predictions${flags.pred ? ` from ${flags.pred}` : ''}, ${result.missing_predictions} documents without one`;
      const out = [head, '', metricsTable(task, result.results)];
      if (tables) {
        out.push(
          '',
          'Reliability (scored facts in documents whose gold is complete: right = figure and term match a gold fact)',
        );
        for (const [name, r] of Object.entries(tables)) out.push(reliabilityTable(r, `${name} confidence`));
      }
      process.stdout.write(out.join('\n') + '\n');
    });
};

async function evalReviews(flags: EvalFlags): Promise<void> {
  const config = loadConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  try {
    const outcomes = await store.reviews.outcomes();
    if (!outcomes.length)
      throw new DmonError(
        'USAGE',
        `the store at ${store.where} has no reviewed facts or claims yet; review some (dmon review, POST /api/reviews) or use --gold FILE`,
      );
    if (flags.calibration) {
      const r = reliability(
        await reviewedConfidences({
          async *reviewedFacts() {
            yield* outcomes;
          },
        }),
      );
      process.stdout.write(
        flags.json
          ? JSON.stringify({ calibration: { reviews: r } }) + '\n'
          : reliabilityTable(r, 'reviewed facts') + '\n',
      );
      return;
    }
    const by = flags.by ?? 'rule';
    const rows = rulePrecision(outcomes, by);
    process.stdout.write(
      flags.json
        ? JSON.stringify({ reviews: { by, rows } }) + '\n'
        : `Precision from ${outcomes.length} reviewed facts and claims (right = confirmed, or corrected in neither figure nor term)\n\n${precisionTable(rows, by)}\n`,
    );
  } finally {
    await store.close();
  }
}
