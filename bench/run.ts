import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_STAGES, processPeakRssMb, runOnce, RunResult, Stage, STAGES } from './bench-run';
import { BenchDatabaseKind } from './support/bench-storage';
import { scalingBetween } from './support/scaling';
import { printRun } from './support/report';

const LARGE_CUSTOMERS = 100_000;
const DEFAULT_CUSTOMERS = 2_000;

const usage = `npm run bench -- [--customers N | --large | --sizes a,b] [--db pg|pglite|both]
                      [--only ${STAGES.join('|')}[,…]] [--http-seconds S] [--append-commands N]
                      [--peer-rounds N] [--scale-out-rounds N]
                      [--rebuild-per-event] [--reuse-database] [--startup-runs N]
                      [--console-customers N] [--out file]`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string' },
      large: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      db: { type: 'string', default: 'pg' },
      only: { type: 'string' },
      'http-seconds': { type: 'string', default: '10' },
      'append-commands': { type: 'string', default: '2000' },
      'peer-rounds': { type: 'string', default: '4' },
      'scale-out-rounds': { type: 'string', default: '2' },
      'rebuild-per-event': { type: 'boolean', default: false },
      'reuse-database': { type: 'boolean', default: false },
      'startup-runs': { type: 'string', default: '5' },
      'console-customers': { type: 'string', default: '50' },
      out: { type: 'string', default: 'bench/results/latest.json' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const sizes = values.sizes
    ? values.sizes.split(',').map(Number)
    : [values.large ? LARGE_CUSTOMERS : Number(values.customers ?? DEFAULT_CUSTOMERS)];
  const dbs: BenchDatabaseKind[] =
    values.db === 'both' ? ['pg', 'pglite'] : [values.db as BenchDatabaseKind];
  const stages = (values.only?.split(',') ?? [...DEFAULT_STAGES]) as Stage[];
  const problems = [
    ...sizes.filter((size) => !Number.isInteger(size) || size < 10).map((s) => `size ${s}`),
    ...dbs.filter((db) => db !== 'pg' && db !== 'pglite').map((db) => `--db ${db}`),
    ...stages.filter((stage) => !STAGES.includes(stage)).map((stage) => `stage ${stage}`),
  ];
  if (problems.length > 0) {
    console.error(`Invalid: ${problems.join(', ')}\n${usage}`);
    process.exit(2);
  }
  return {
    sizes,
    dbs,
    stages,
    httpSeconds: Number(values['http-seconds']),
    appendCommands: Number(values['append-commands']),
    peerRounds: Number(values['peer-rounds']),
    scaleOutRounds: Number(values['scale-out-rounds']),
    rebuildPerEvent: values['rebuild-per-event'],
    reuseDatabase: values['reuse-database'],
    startupRuns: Number(values['startup-runs']),
    consoleCustomers: Number(values['console-customers']),
    out: resolve(values.out),
  };
}

async function main(): Promise<void> {
  const options = parseOptions();
  const started = Date.now();
  const runs: RunResult[] = [];
  for (const db of options.dbs) {
    for (const customers of options.sizes) {
      const run = await runOnce({ ...options, db, customers, log: (line) => console.log(line) });
      runs.push(run);
      printRun(run);
    }
  }
  const scaling = options.sizes.length === 2 ? scalingBetween(runs) : [];
  for (const line of scaling) console.log(line.text);
  const results = {
    kind: 'benchmark: figures, not pass/fail',
    finishedAt: new Date().toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
    options: { ...options, out: undefined },
    benchProcessPeakRssMb: processPeakRssMb(),
    runs,
    scaling,
  };
  mkdirSync(resolve(options.out, '..'), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwritten to ${options.out} after ${results.seconds} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
