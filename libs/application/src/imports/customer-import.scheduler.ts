import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { CUSTOMER_IMPORT_SETTINGS, CustomerImportSettings } from './customer-import-settings';
import { CustomerImportRunner } from './customer-import.runner';

/**
 * The imports' background job in the API process, as `BulkOperationsScheduler` runs bulk
 * operations: every `intervalMs` (and when an import starts) one round carries every unfinished
 * import forward, those a restart interrupted included. Rounds never overlap; shutdown waits
 * for the round under way.
 */
@Injectable()
export class CustomerImportScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CustomerImports');
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private again = false;
  private stopping = false;

  constructor(
    private readonly runner: CustomerImportRunner,
    @Inject(CUSTOMER_IMPORT_SETTINGS) private readonly settings: CustomerImportSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.intervalMs === 0) return;
    this.timer = setInterval(() => this.nudge(), this.settings.intervalMs);
    this.nudge();
  }

  /** Starts a round now, or one more after the round under way. */
  nudge(): void {
    if (this.stopping) return;
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

  /** One round: every unfinished import carried to its end. Never throws. */
  async runRound(): Promise<void> {
    try {
      for (const importId of await this.runner.unfinished()) {
        try {
          await this.runner.advance(importId, () => this.stopping);
        } catch (error) {
          this.logger.warn(`customer import ${importId}: ${(error as Error).message}`);
        }
      }
    } catch (error) {
      this.logger.error(`customer imports round failed: ${(error as Error).message}`);
    }
  }

  /** Waits for the round under way, if any (tests: after `nudge`). */
  async settled(): Promise<void> {
    while (this.round !== null) await this.round;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.round;
  }
}
