import { Inject } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/application';
import { READ_MODELS } from '@app/application';
import { APP_CONFIG } from '@app/application';
import { CliOutput } from '../cli-output';
import { ReplayProgressBar } from '../replay/progress-bar';
import { rebuildReadModels, projectionsNamedOrFail } from './rebuild-read-models';

@Command({
  name: 'rebuild',
  arguments: '[projection]',
  description:
    'Drop and rebuild read models from the log (one projection, or all), with a progress bar',
})
export class RebuildCommand extends CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly output: CliOutput,
  ) {
    super();
  }

  async run([name]: string[]): Promise<void> {
    const projections = projectionsNamedOrFail(name, this.output);
    if (projections === undefined) return;
    let bar: ReplayProgressBar | undefined;
    const startedAt = Date.now();
    let events = 0;
    try {
      const outcome = await rebuildReadModels(this.store, this.dataSource, projections, {
        deferIndexesFrom: this.config.REBUILD_DEFER_INDEXES_FROM,
        onStart: (target) => (bar = new ReplayProgressBar('rebuild', target, this.output.stderr)),
        onProgress: (progress) => {
          events = progress.events;
          bar?.update(progress);
        },
      });
      bar?.stop();
      const seconds = (Date.now() - startedAt) / 1000;
      this.output.message(
        `Rebuilt ${outcome.projections.join(', ')} (${outcome.tables.join(', ')}) up to position ${outcome.position}: ${events} events in ${seconds.toFixed(1)} s`,
      );
      for (const [projection, count] of outcome.parked)
        this.output.message(
          `${projection}: ${count} event(s) parked, could not be applied (GET /api/audit/projection-failures)`,
        );
    } finally {
      bar?.stop();
    }
  }
}
