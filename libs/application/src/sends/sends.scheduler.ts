import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { SqlDatabase } from '@app/database';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { findInvoice } from '@app/read-models';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { invoiceDocumentModelOf, renderInvoicePdf } from '../invoices/document';
import { issuerSnapshotOf } from '../issuers/issuer-details';
import { IssuerDirectory } from '../issuers/issuer-directory';
import { READ_MODELS } from '../storage/read-models.module';
import { APP_CONFIG, SQL_DATABASE } from '../storage/tokens';
import { MessageAttachment, MessageTransport } from './outgoing-message';
import { SendDelivery, MessageTransports } from './send-delivery';
import { SendSecrets } from './send-secrets';
import { SendTriggerReactor } from './send-trigger-reactor';
import { OutboxFileTransport } from './transports/outbox-file-transport';
import { SmsGatewayTransport } from './transports/sms-gateway-transport';
import { SmtpMessageTransport } from './transports/smtp-transport';

/**
 * The transports of the configuration: SMTP for e-mail when `SMTP_URL` is set, the HTTP gateway
 * for SMS when `SMS_GATEWAY_URL` is; otherwise files under `DATA_DIR/outbox/` (an embedded
 * in-memory database, `memory://`, writes them under the working directory's `outbox/`).
 */
export function messageTransportsFrom(config: AppConfig): MessageTransports {
  const dataDir = config.DATA_DIR.startsWith('memory://') ? '.' : config.DATA_DIR;
  let files: MessageTransport | undefined;
  const filesTransport = () =>
    (files ??= new OutboxFileTransport(join(dataDir, 'outbox'), config.SMTP_FROM));
  return {
    email:
      config.SMTP_URL === undefined
        ? filesTransport()
        : new SmtpMessageTransport(config.SMTP_URL, config.SMTP_FROM),
    sms:
      config.SMS_GATEWAY_URL === undefined
        ? filesTransport()
        : new SmsGatewayTransport(config.SMS_GATEWAY_URL),
  };
}

/**
 * Rule 25 in the API process: every `SENDS_INTERVAL_MS`, one round — the triggers queue the
 * messages new events ask for, then the messages due are delivered. Rounds never overlap (in
 * this process; across processes the message streams decide), a failure stays with its
 * message, and shutdown waits for the round under way. `SENDS_INTERVAL_MS=0`: no rounds here
 * (`runRound()` still runs one on demand: the tests').
 */
@Injectable()
export class SendsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Sends');
  private readonly transports: MessageTransports;
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private parts: Promise<{
    reactor: SendTriggerReactor;
    delivery: SendDelivery;
    secrets: SendSecrets;
  }> | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(SQL_DATABASE) private readonly database: SqlDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly issuers: IssuerDirectory,
  ) {
    this.transports = messageTransportsFrom(config);
  }

  /** Where secrets for messages are held (the portal password): hold one before its event. */
  async secrets(): Promise<SendSecrets> {
    return (await this.assemble()).secrets;
  }

  onApplicationBootstrap(): void {
    if (this.config.SENDS_INTERVAL_MS === 0) return;
    this.logger.log(
      `e-mail via ${this.transports.email.description}, SMS via ${this.transports.sms.description}`,
    );
    this.timer = setInterval(() => {
      if (this.round === null)
        this.round = this.runRound().finally(() => {
          this.round = null;
        });
    }, this.config.SENDS_INTERVAL_MS);
  }

  /** One round: queue what the log asks for, then deliver what is due. Never throws. */
  async runRound(): Promise<void> {
    try {
      const { reactor, delivery } = await this.assemble();
      const stale = reactor.staleEvents;
      await reactor.runOnce();
      if (reactor.staleEvents > stale)
        this.logger.warn(
          `${reactor.staleEvents - stale} events older than SENDS_MAX_EVENT_AGE_HOURS sent nothing`,
        );
      const outcomes = await delivery.deliverDue((messageId, error) =>
        this.logger.error(`message ${messageId}: ${(error as Error).name}`),
      );
      await delivery.releaseSecretsOfFinishedMessages();
      for (const [messageId, outcome] of outcomes)
        if (outcome !== 'sent' && outcome !== 'not ready')
          this.logger.warn(`message ${messageId}: ${outcome}`);
    } catch (error) {
      this.logger.error(`sends round failed: ${(error as Error).message}`);
    }
  }

  private assemble() {
    this.parts ??= (async () => {
      const secrets = await SendSecrets.open(this.database);
      const reactor = new SendTriggerReactor(this.store, this.database, undefined, {
        maxEventAgeMs: this.config.SENDS_MAX_EVENT_AGE_HOURS * 3_600_000,
      });
      const delivery = new SendDelivery(
        this.store,
        this.readModels,
        this.transports,
        { secrets, invoicePdf: (invoiceId) => this.invoicePdf(invoiceId) },
        {
          retry: {
            initialDelayMs: this.config.SENDS_RETRY_INITIAL_MS,
            maxDelayMs: this.config.SENDS_RETRY_MAX_MS,
            maxAttempts: this.config.SENDS_MAX_ATTEMPTS,
          },
          leaseMs: this.config.SENDS_LEASE_MS,
        },
      );
      return { reactor, delivery, secrets };
    })();
    this.parts.catch(() => {
      this.parts = null;
    });
    return this.parts;
  }

  /** The invoice's PDF as `GET /invoices/:id/document.pdf` answers it (Spanish). */
  private async invoicePdf(invoiceId: string): Promise<MessageAttachment | null> {
    const invoice = await findInvoice(this.readModels, invoiceId);
    if (!invoice) return null;
    const issuer =
      invoice.issuer ?? issuerSnapshotOf(await this.issuers.issuerForSeries(invoice.series));
    const model = invoiceDocumentModelOf(
      { invoice },
      { issuer, environment: this.config.VERIFACTU_QR_ENVIRONMENT },
    );
    const content = await renderInvoicePdf(model, 'es');
    return {
      filename: `${invoice.formatted.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`,
      contentType: 'application/pdf',
      content,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.round;
    this.transports.email.close?.();
    this.transports.sms.close?.();
  }
}
