import { Inject } from '@nestjs/common';
import { remittanceFileOf, DEFAULT_ISSUER_ID } from '@app/application';
import { RemittanceCreated, remittanceLedgerStream } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { Command, CommandRunner, Option } from 'nest-commander';
import { CliOutput } from '../cli-output';

interface RemittanceFileOptions {
  issuer?: string;
}

/**
 * A remittance's SEPA file, written from its `RemittanceCreated` in the issuer's ledger (the
 * log, not a read model: the CLI follows no projection), the same bytes the API serves.
 */
@Command({
  name: 'remittance-file',
  arguments: '<remittanceId>',
  description: "Write a remittance's SEPA Core Direct Debit file (pain.008) on stdout",
})
export class RemittanceFileCommand extends CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly output: CliOutput,
  ) {
    super();
  }

  @Option({ flags: '--issuer <id>', description: `the issuer (default ${DEFAULT_ISSUER_ID})` })
  parseIssuer(value: string): string {
    return value;
  }

  async run([remittanceId]: string[], options: RemittanceFileOptions = {}): Promise<void> {
    const stream = remittanceLedgerStream(options.issuer ?? DEFAULT_ISSUER_ID);
    const events = await this.store.readStream(stream);
    const created = events.find(
      (event) =>
        event.type === 'RemittanceCreated' &&
        (event.data as RemittanceCreated['data']).remittanceId === remittanceId,
    );
    if (!created) {
      this.output.fail(`No remittance ${remittanceId} in ${stream}`);
      return;
    }
    await this.output.data(remittanceFileOf(created.data as RemittanceCreated['data']));
    this.output.message(`Wrote the SEPA file of remittance ${remittanceId}`);
  }
}
