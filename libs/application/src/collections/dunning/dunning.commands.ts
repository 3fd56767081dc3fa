import { Command } from '@nestjs/cqrs';
import { DunningPolicy, PlainDate } from '@app/domain';
import { CommandContext } from '../../commands/command-context';
import type { DunningRunResult } from './dunning-run.process';

export interface DunningRunRequest {
  /** The day the run is for: days overdue are counted to it. */
  asOf: PlainDate;
  /** The steps and their days; rule R20's default (7, 15, 30, 90) when left out. */
  policy?: DunningPolicy;
}

/**
 * `POST /collections/dunning-runs` and `cli dunning-run`: rule R20's daily run. Handled by its
 * process manager (dunning-run.process.ts); the bus answers what the run did.
 */
export class RunDunningCommand extends Command<DunningRunResult> {
  constructor(
    readonly request: DunningRunRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
