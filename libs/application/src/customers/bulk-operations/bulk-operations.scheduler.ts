import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { BULK_OPERATION_SETTINGS, BulkOperationSettings } from './bulk-operation-settings';
import { BulkOperationRunner } from './bulk-operation-runner';

/**
 * Rule 14's background jobs in the API process: every `intervalMs` (and when an operation is
 * started), one round carries every unfinished bulk operation forward — those a restart left
 * half done included, since they are found in the log. Rounds never overlap in this process;
 * across processes each append expects the revision read, so a customer is never changed twice.
 * Shutdown waits for the round under way.
 */
@Injectable()
export class BulkOperationsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('BulkOperations');
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly runner: BulkOperationRunner,
    @Inject(BULK_OPERATION_SETTINGS) private readonly settings: BulkOperationSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.intervalMs === 0) return;
    this.timer = setInterval(() => this.nudge(), this.settings.intervalMs);
    this.nudge();
  }

  /** Starts a round now, or one more after the round under way. */
  nudge(): void {
    if (this.round !== null) {
      this.again = true;
      return;
    }
    this.round = this.runRound().finally(() => {
      this.round = null;
      if (this.again) {
        this.again = false;
        this.nudge();
      }
    });
  }

  /** One round: every unfinished operation carried to its end. Never throws. */
  async runRound(): Promise<void> {
    try {
      for (const bulkOperationId of await this.runner.unfinished()) {
        try {
          await this.runner.advance(bulkOperationId);
        } catch (error) {
          this.logger.warn(`bulk operation ${bulkOperationId}: ${(error as Error).message}`);
        }
      }
    } catch (error) {
      this.logger.error(`bulk operations round failed: ${(error as Error).message}`);
    }
  }

  /** Waits for the round under way, if any (tests: after `nudge`). */
  async settled(): Promise<void> {
    while (this.round !== null) await this.round;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.round;
  }
}
