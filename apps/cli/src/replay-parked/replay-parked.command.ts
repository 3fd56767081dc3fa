import { Inject } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { replayParked } from '@app/read-models';
import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';
import { READ_MODELS } from '@app/application';
import { CliOutput } from '../cli-output';
import { projectionsNamedOrFail } from '../rebuild/rebuild-read-models';

/**
 * After a fix (an upcaster, a projection change, an erasure of the bad value), applies the
 * events projections parked: those that apply now are removed, those that still fail keep
 * their new error. One line per projection with the counts; exit 1 while any still fails.
 */
@Command({
  name: 'replay-parked',
  arguments: '[projection]',
  description:
    'Retry the events projections parked (one projection, or all): apply those that now apply, keep the rest with their new error',
})
export class ReplayParkedCommand extends CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly dataSource: DataSource,
    private readonly output: CliOutput,
  ) {
    super();
  }

  async run([name]: string[]): Promise<void> {
    const projections = projectionsNamedOrFail(name, this.output);
    if (projections === undefined) return;
    const outcomes = await replayParked(this.store, this.dataSource, projections);
    let stillParked = 0;
    for (const { projection, applied, failed, stillBlocked } of outcomes) {
      if (applied + failed + stillBlocked === 0) continue;
      stillParked += failed + stillBlocked;
      this.output.message(
        `${projection}: ${applied} applied, ${failed} still failing, ${stillBlocked} still waiting behind them`,
      );
    }
    const applied = outcomes.reduce((sum, outcome) => sum + outcome.applied, 0);
    if (stillParked > 0)
      return this.output.fail(
        `${applied} parked event(s) applied; ${stillParked} still parked (GET /api/audit/projection-failures)`,
      );
    this.output.message(`${applied} parked event(s) applied; none left`);
  }
}
