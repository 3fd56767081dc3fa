import { Inject } from '@nestjs/common';
import { SqlDatabase } from '@app/database';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';
import { READ_MODELS } from '@app/application';
import { SQL_DATABASE } from '@app/application';
import { CliOutput } from '../cli-output';
import { ReplayProgressBar } from '../replay/progress-bar';
import { RowDifference } from './table-differences';
import { verifyReadModels } from './verify-read-models';

const show = (value: unknown) => JSON.stringify(value) ?? 'undefined';

/** One line per difference: table, key, and each column live vs rebuilt. */
export function describeDifference(difference: RowDifference): string[] {
  const where = `${difference.table} ${show(difference.key)}`;
  if (difference.kind === 'missing') return [`${where}: missing from the live read models`];
  if (difference.kind === 'extra') return [`${where}: in the live read models, not in the rebuild`];
  return difference.columns.map(
    ({ column, live, rebuilt }) =>
      `${where} ${column}: live ${show(live)} vs rebuilt ${show(rebuilt)}`,
  );
}

@Command({
  name: 'verify',
  description:
    'Rebuild every read model into a scratch schema and compare it row by row with the live one; exit 1 on any difference',
})
export class VerifyCommand extends CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_DATABASE) private readonly database: SqlDatabase,
    @Inject(READ_MODELS) private readonly dataSource: DataSource,
    private readonly output: CliOutput,
  ) {
    super();
  }

  async run(): Promise<void> {
    let bar: ReplayProgressBar | undefined;
    try {
      const outcome = await verifyReadModels(this.store, this.database, this.dataSource, {
        onRebuildStart: (target) =>
          (bar = new ReplayProgressBar('verify', target, this.output.stderr)),
        onProgress: (progress) => bar?.update(progress),
      });
      bar?.stop();
      if (outcome.differences.length === 0) {
        this.output.message(
          `OK: the read models (${outcome.tables.join(', ')}) equal a rebuild from the log at position ${outcome.position}`,
        );
        return;
      }
      for (const difference of outcome.differences) {
        for (const line of describeDifference(difference)) this.output.message(line);
      }
      this.output.fail(
        `FAILED: ${outcome.differences.length} row(s) differ from a rebuild from the log at position ${outcome.position}`,
      );
    } finally {
      bar?.stop();
    }
  }
}
