import { Inject } from '@nestjs/common';
import {
  dateInZone,
  DEFAULT_VAT_RATE_PERCENT,
  isPlainDate,
  MAX_SIMULATED_CYCLES,
  MIN_SIMULATED_CYCLES,
  simulateCycles,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import {
  allReadModelProjections,
  billingIssuersOf,
  contractBillingSnapshots,
  issuedInvoicesOf,
} from '@app/read-models';
import { Presets, SingleBar } from 'cli-progress';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource } from 'typeorm';
import { DEFAULT_ISSUER_ID, READ_MODELS } from '@app/application';
import { CliOutput } from '../cli-output';
import { logHead, replayProjections } from '../replay/replay-projections';
import { SimulationSummary } from './simulation-summary';

interface SimulateOptions {
  cycles?: number;
  from?: string;
  customer?: string[];
  vat?: number;
}

/** Contracts priced per step of the progress bar. */
const SLICE = 200;

@Command({
  name: 'simulate',
  description:
    'Simulate the next billing cycles of every customer (rule R12): invoices and amounts per cycle, problems by code',
})
export class SimulateCommand extends CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly dataSource: DataSource,
    private readonly output: CliOutput,
  ) {
    super();
  }

  @Option({ flags: '-n, --cycles <n>', description: `cycles to simulate (1–24, default 3)` })
  parseCycles(value: string): number {
    const cycles = Number(value);
    if (!Number.isInteger(cycles) || cycles < MIN_SIMULATED_CYCLES || cycles > MAX_SIMULATED_CYCLES)
      throw new Error(
        `--cycles must be a whole number from ${MIN_SIMULATED_CYCLES} to ${MAX_SIMULATED_CYCLES}`,
      );
    return cycles;
  }

  @Option({
    flags: '--from <YYYY-MM-DD>',
    description: 'first day to simulate from (default today)',
  })
  parseFrom(value: string): string {
    if (!isPlainDate(value))
      throw new Error('--from must be a calendar day that exists, YYYY-MM-DD');
    return value;
  }

  @Option({ flags: '--customer <id>', description: 'only this customer (repeatable)' })
  parseCustomer(value: string, previous: string[] = []): string[] {
    return [...previous, value];
  }

  @Option({
    flags: '--vat <percent>',
    description: `VAT for customers with none (default ${DEFAULT_VAT_RATE_PERCENT})`,
  })
  parseVat(value: string): number {
    const vat = Number(value);
    if (!Number.isFinite(vat) || vat < 0 || vat > 100) throw new Error('--vat must be 0–100');
    return vat;
  }

  async run(_arguments: string[], options: SimulateOptions = {}): Promise<void> {
    await replayProjections(this.store, this.dataSource, allReadModelProjections(), {
      upTo: await logHead(this.store),
    });
    const snapshots = await contractBillingSnapshots(this.dataSource, {
      customerIds: options.customer,
    });
    const from = options.from ?? dateInZone(new Date().toISOString());
    const issuers = await billingIssuersOf(this.dataSource, DEFAULT_ISSUER_ID);
    const summary = new SimulationSummary();
    const bar = new SingleBar(
      {
        stream: this.output.stderr,
        format: 'simulate [{bar}] {percentage}% | {value}/{total} contracts | ETA {eta_formatted}',
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    bar.start(snapshots.length, 0);
    try {
      for (let start = 0; start < snapshots.length; start += SLICE) {
        const slice = snapshots.slice(start, start + SLICE);
        const cycles = options.cycles ?? 3;
        summary.add(
          simulateCycles(slice, {
            from,
            cycles,
            vatDefault: options.vat ?? DEFAULT_VAT_RATE_PERCENT,
            issuedInvoice: await issuedInvoicesOf(this.dataSource, slice, { from, cycles }),
            issuers,
          }),
        );
        bar.update(start + slice.length);
      }
    } finally {
      bar.stop();
    }
    await this.output.data(
      `Simulation from ${from}, ${options.cycles ?? 3} cycle(s)\n${summary.render()}`,
    );
  }
}
