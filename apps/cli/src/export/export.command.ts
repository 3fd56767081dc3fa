import { Inject } from '@nestjs/common';
import { EVENT_STORE, EventStore, RecordedEvent } from '@app/event-store';
import { Command, CommandRunner } from 'nest-commander';
import { auditedEvent } from '@app/application';
import { CliOutput } from '../cli-output';

const PAGE = 1000;

/** The log, or one stream, page by page: never more than one page in memory. */
export async function* exportedEvents(
  store: EventStore,
  stream: string,
): AsyncGenerator<RecordedEvent> {
  if (stream === 'all') {
    let fromPosition = 0n;
    const head = (await store.lastCommittedPosition()) ?? 0n;
    let waitingSince = Date.now();
    while (fromPosition < head) {
      const page = await store.readAll({ fromPosition, limit: PAGE });
      if (page.length === 0) {
        // Committed but hidden behind an older transaction still running (PostgreSQL).
        if (Date.now() - waitingSince > 30_000)
          throw new Error(`Events up to position ${head} did not become readable in time`);
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      waitingSince = Date.now();
      yield* page.filter((event) => event.position <= head);
      fromPosition = page[page.length - 1].position;
    }
    return;
  }
  for (let fromRevision = 0n; ; fromRevision += BigInt(PAGE)) {
    const page = await store.readStream(stream, { fromRevision, maxCount: PAGE });
    yield* page;
    if (page.length < PAGE) return;
  }
}

@Command({
  name: 'export',
  arguments: '<stream|all>',
  description:
    'Write the events of one stream, or of the whole log ("all"), as NDJSON with metadata and positions, on stdout',
})
export class ExportCommand extends CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly output: CliOutput,
  ) {
    super();
  }

  async run([stream]: string[]): Promise<void> {
    let count = 0;
    for await (const event of exportedEvents(this.store, stream)) {
      await this.output.data(`${JSON.stringify(auditedEvent(event))}\n`);
      count++;
    }
    this.output.message(`Exported ${count} event(s) of ${stream === 'all' ? 'the log' : stream}`);
  }
}
