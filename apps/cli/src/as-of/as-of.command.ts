import { Inject } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { Command, CommandRunner } from 'nest-commander';
import {
  aggregateOfStream,
  aggregateStateAsOf,
  auditedAggregates,
  InvalidAsOfError,
} from '@app/application';
import { CliOutput } from '../cli-output';

@Command({
  name: 'as-of',
  arguments: '<stream> [time|version]',
  description:
    'Print an aggregate (customer-, contract-, subscription- or invoice-<id>) folded from the log as of an ISO-8601 instant or a version (default: now), as JSON',
})
export class AsOfCommand extends CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly output: CliOutput,
  ) {
    super();
  }

  async run([stream, asOf]: string[]): Promise<void> {
    const aggregate = aggregateOfStream(stream);
    if (aggregate === null) {
      const prefixes = Object.values(auditedAggregates).map(
        ({ stream: name }) => `${name('')}<id>`,
      );
      return this.output.fail(
        `"${stream}" is not an aggregate's stream: use ${prefixes.join(', ')}`,
      );
    }
    try {
      const state = await aggregateStateAsOf(this.store, aggregate.kind, aggregate.id, asOf);
      if (state === null) return this.output.fail(`No events in stream ${stream}`);
      await this.output.data(`${JSON.stringify(state, null, 2)}\n`);
    } catch (error) {
      if (error instanceof InvalidAsOfError) return this.output.fail(error.message);
      throw error;
    }
  }
}
