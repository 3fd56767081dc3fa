import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { issuersWithRecordsToSubmit } from '@app/read-models';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { READ_MODELS } from '../../storage/read-models.module';
import { APP_CONFIG } from '../../storage/tokens';
import { aeatTransportSettingsFrom, HttpsAeatTransport } from './aeat-transport';
import { DEFAULT_SOFTWARE, InvoicingSoftware } from './suministro-xml';
import { VerifactuSubmitter } from './verifactu-submitter';

/** A refused submission's records are offered again after this wait (a Fault's backoff). */
const FAULT_BACKOFF_MS = 15 * 60 * 1000;

/** `SistemaInformatico` from the `VERIFACTU_SOFTWARE_*` settings, defaults for those unset. */
export const invoicingSoftwareFrom = (config: AppConfig): InvoicingSoftware => ({
  ...DEFAULT_SOFTWARE,
  producerName: config.VERIFACTU_SOFTWARE_PRODUCER_NAME ?? DEFAULT_SOFTWARE.producerName,
  producerNif: config.VERIFACTU_SOFTWARE_PRODUCER_NIF ?? DEFAULT_SOFTWARE.producerNif,
  name: config.VERIFACTU_SOFTWARE_NAME ?? DEFAULT_SOFTWARE.name,
  id: config.VERIFACTU_SOFTWARE_ID ?? DEFAULT_SOFTWARE.id,
  version: config.VERIFACTU_SOFTWARE_VERSION ?? DEFAULT_SOFTWARE.version,
  installationNumber: config.VERIFACTU_INSTALLATION_NUMBER ?? DEFAULT_SOFTWARE.installationNumber,
});

/**
 * Rule 22 in the API process: every `VERIFACTU_SUBMIT_INTERVAL_MS`, one submission round per
 * issuer with records not answered for good (found in the outbox read model; each round decides
 * on the streams). Only when `VERIFACTU_ENDPOINT` and a certificate are configured; otherwise
 * it never starts and the records wait as pending. Rounds never overlap; shutdown stops the
 * interval and waits for the round under way.
 */
@Injectable()
export class VerifactuSubmissionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('VERI*FACTU');
  private readonly transport: HttpsAeatTransport | null;
  private readonly submitter: VerifactuSubmitter;
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const settings = aeatTransportSettingsFrom(config);
    this.transport = settings === null ? null : new HttpsAeatTransport(settings);
    this.submitter = new VerifactuSubmitter(store, this.transport, {
      software: invoicingSoftwareFrom(config),
      retryInitialMs: config.VERIFACTU_RETRY_INITIAL_MS,
      faultBackoffMs: FAULT_BACKOFF_MS,
    });
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  onApplicationBootstrap(): void {
    if (this.transport === null) {
      this.logger.log('VERIFACTU_ENDPOINT or its certificate not set: records wait as pending');
      return;
    }
    this.timer = setInterval(() => {
      if (this.round === null)
        this.round = this.runRound().finally(() => {
          this.round = null;
        });
    }, this.config.VERIFACTU_SUBMIT_INTERVAL_MS);
  }

  /** One round: each issuer with records to send, one after the other; failures contained. */
  async runRound(): Promise<void> {
    let issuers: string[];
    try {
      issuers = await issuersWithRecordsToSubmit(this.readModels);
    } catch (error) {
      this.logger.error(`could not list the issuers to submit for: ${(error as Error).message}`);
      return;
    }
    for (const issuerId of issuers) {
      try {
        const outcome = await this.submitter.submitFor(issuerId);
        if (outcome.kind === 'answered' || outcome.kind === 'failed')
          this.logger.log(
            `issuer ${issuerId}: submission ${outcome.submissionId} attempt ${outcome.attempt} ${outcome.kind} (${outcome.records} records)`,
          );
      } catch (error) {
        this.logger.error(`issuer ${issuerId}: ${(error as Error).message}`);
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.round;
    this.transport?.close();
  }
}
