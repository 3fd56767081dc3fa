import { randomUUID } from 'node:crypto';
import { Command, CommandRunner } from 'nest-commander';
import { CatalogMigration } from '@app/application';
import { CliOutput } from '../cli-output';

/** Who the events of a migration from the command line are recorded as. */
export const CLI_CATALOGS_ACTOR = 'cli:catalogs-migrate';

@Command({
  name: 'catalogs-migrate',
  description:
    'Rule 28: carries the free-text zones, sellers, collectors and tariffs written before catalogs into catalog entries (one per name, case and accents aside) and links each customer to its entries by id; idempotent, prints what it did as JSON',
})
export class CatalogsMigrateCommand extends CommandRunner {
  constructor(
    private readonly migration: CatalogMigration,
    private readonly output: CliOutput,
  ) {
    super();
  }

  async run(): Promise<void> {
    const result = await this.migration.run({
      actor: CLI_CATALOGS_ACTOR,
      via: CLI_CATALOGS_ACTOR,
      correlationId: randomUUID(),
      causationId: null,
      at: new Date().toISOString(),
    });
    await this.output.data(`${JSON.stringify(result, null, 2)}\n`);
  }
}
