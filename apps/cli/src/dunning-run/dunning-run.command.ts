import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { isPlainDate } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { allReadModelProjections } from '@app/read-models';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource } from 'typeorm';
import { DunningRunProcess, READ_MODELS, RunDunningCommand } from '@app/application';
import { CliOutput } from '../cli-output';
import { logHead, replayProjections } from '../replay/replay-projections';

interface DunningRunOptions {
  asOf?: string;
}

/** Who the events of a run from the command line are recorded as. */
export const CLI_DUNNING_ACTOR = 'cli:dunning-run';

@Command({
  name: 'dunning-run',
  description:
    "Rule R20's daily dunning run for a day: the steps due (7 reminder, 15 warning, 30 suspend, 90 cancel), the system's suspensions resumed once paid; prints what it did as JSON",
})
export class DunningRunCommand extends CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly dataSource: DataSource,
    private readonly dunning: DunningRunProcess,
    private readonly output: CliOutput,
  ) {
    super();
  }

  @Option({ flags: '--as-of <YYYY-MM-DD>', description: 'the day of the run', required: true })
  parseAsOf(value: string): string {
    if (!isPlainDate(value))
      throw new Error('--as-of must be a calendar day that exists, YYYY-MM-DD');
    return value;
  }

  async run(_arguments: string[], options: DunningRunOptions = {}): Promise<void> {
    if (options.asOf === undefined) return this.output.fail('--as-of YYYY-MM-DD is required');
    // No projection runner follows the log here: bring the read models the run reads up to date.
    await replayProjections(this.store, this.dataSource, allReadModelProjections(), {
      upTo: await logHead(this.store),
    });
    const correlationId = randomUUID();
    const result = await this.dunning.execute(
      new RunDunningCommand(
        { asOf: options.asOf },
        {
          actor: CLI_DUNNING_ACTOR,
          via: CLI_DUNNING_ACTOR,
          correlationId,
          causationId: null,
          at: new Date().toISOString(),
        },
      ),
    );
    await this.output.data(`${JSON.stringify(result, null, 2)}\n`);
    if (result.failed.length > 0)
      this.output.fail(`${result.failed.length} customer(s) failed; the next run tries them again`);
  }
}
