import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { SqlDatabase } from '@app/database';
import { AttachmentEvent, customerFilesStream, CustomerEventType } from '@app/domain';
import {
  EVENT_STORE,
  EventStore,
  RecordedEvent,
  untilTheLogShowsWhatIsCommitted,
} from '@app/event-store';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG, SQL_DATABASE } from '../storage/tokens';
import { UnreferencedBlobs } from './unreferenced-blobs';

/** The process's place in the log, beside the projections' checkpoints. */
export const CUSTOMER_FILES_ERASURE_CHECKPOINT = 'customer-files-erasure';
const ERASURE: CustomerEventType = 'CustomerPersonalDataErased';

/** Every blob the customer's files stream ever named: attachments, images, thumbnails. */
export function blobsNamedBy(events: readonly RecordedEvent[]): string[] {
  const hashes: string[] = [];
  for (const recorded of events) {
    const event = { type: recorded.type, data: recorded.data } as AttachmentEvent;
    if (event.type === 'AttachmentAdded') hashes.push(event.data.sha256);
    if (event.type === 'CustomerImageChanged')
      hashes.push(event.data.image.sha256, event.data.thumbnail.sha256);
  }
  return [...new Set(hashes)];
}

/**
 * The erasure of a customer's personal data reaches its files: for each
 * `CustomerPersonalDataErased` past its checkpoint, every blob the customer's files stream
 * named (read from the log: the hashes stay in clear) is deleted unless another customer's
 * attachment or image names the same bytes (in two phases, `UnreferencedBlobs`: another
 * customer may be uploading those bytes right then). The first run in a process first resolves
 * the blobs a crash left set aside. Idempotent (deleting twice is nothing), and the checkpoint
 * moves only past erasures handled, so a crash repeats, never skips. Runs every
 * `ATTACHMENT_ERASURE_INTERVAL_MS` in the API process; `runOnce()` on demand (tests).
 */
@Injectable()
export class CustomerFilesErasure implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CustomerFilesErasure');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_DATABASE) private readonly database: SqlDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly unreferenced: UnreferencedBlobs,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.ATTACHMENT_ERASURE_INTERVAL_MS === 0) return;
    this.timer = setInterval(() => {
      this.runOnce().catch((error: Error) =>
        this.logger.error(`erasure of customer files failed: ${error.message}`),
      );
    }, this.config.ATTACHMENT_ERASURE_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Handles every erasure committed past the checkpoint; answers how many blobs it deleted. */
  runOnce(): Promise<number> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<number> {
    // The log shows an erasure only once older transactions have ended: wait (a while) so a run
    // handles every erasure committed before it; one still hidden is handled by the next run.
    await untilTheLogShowsWhatIsCommitted(this.store);
    const leftBehind = await this.unreferenced.resolveLeftBehind();
    if (leftBehind.length > 0)
      this.logger.log(`${leftBehind.length} blobs a deletion left set aside purged`);
    let deleted = leftBehind.length;
    let checkpoint = await this.checkpoint();
    for (;;) {
      const erasures = await this.store.readAll({
        fromPosition: checkpoint,
        limit: 100,
        eventTypes: [ERASURE],
      });
      if (erasures.length === 0) return deleted;
      for (const erasure of erasures) {
        const { customerId } = erasure.data as { customerId: string };
        const named = blobsNamedBy(await this.store.readStream(customerFilesStream(customerId)));
        const gone = await this.unreferenced.delete(named, erasure.position, { customerId });
        if (gone.length > 0)
          this.logger.log(`customer ${customerId} erased: ${gone.length} blobs deleted`);
        deleted += gone.length;
        checkpoint = erasure.position;
        await this.saveCheckpoint(checkpoint);
      }
    }
  }

  private async checkpoint(): Promise<bigint | undefined> {
    const { rows } = await this.database.query<{ position: string }>(
      'SELECT position FROM projection_checkpoints WHERE name = $1',
      [CUSTOMER_FILES_ERASURE_CHECKPOINT],
    );
    return rows.length === 0 ? undefined : BigInt(rows[0].position);
  }

  private async saveCheckpoint(position: bigint): Promise<void> {
    await this.database.query(
      `INSERT INTO projection_checkpoints (name, position, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET position = GREATEST(projection_checkpoints.position, EXCLUDED.position),
         updated_at = now()`,
      [CUSTOMER_FILES_ERASURE_CHECKPOINT, position.toString()],
    );
  }
}
