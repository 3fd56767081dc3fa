import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  AttachmentCommand,
  AttachmentEvent,
  customerFilesDecider,
  CustomerFilesState,
  customerFilesStream,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { attachmentById, AttachmentView } from '@app/read-models';
import { DataSource } from 'typeorm';
import { CommandContext } from '../commands/command-context';
import { decideAndAppend, DecisionResult } from '../commands/decide-and-append';
import { ProjectionProgress } from '../storage/projection-progress';
import { READ_MODELS } from '../storage/read-models.module';
import { BLOB_STORE, BlobStore } from './blob-store/blob-store';
import { UnreferencedBlobs } from './unreferenced-blobs';

export interface BlobToStore {
  sha256: string;
  path: string;
  size: number;
}

/**
 * The write path of the customer's files: blobs stored before the event that names them (so
 * no event ever names a missing blob) and only once the command is accepted, and again after
 * it if a deletion of the same bytes set them aside meanwhile; blobs no longer named by
 * anything deleted once the read models show it (`UnreferencedBlobs`).
 */
@Injectable()
export class CustomerFiles {
  private readonly logger = new Logger('CustomerFiles');

  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(BLOB_STORE) readonly blobs: BlobStore,
    @Inject(READ_MODELS) readonly readModels: DataSource,
    private readonly progress: ProjectionProgress,
    private readonly unreferenced: UnreferencedBlobs,
  ) {}

  /**
   * The attachment as the read model has it, once the read model has caught up with the log
   * (it may lag a write made just before): `null` when there is no such attachment.
   */
  async findAttachment(attachmentId: string): Promise<AttachmentView | null> {
    const found = await attachmentById(this.readModels, attachmentId);
    if (found !== null) return found;
    await this.progress.waitFor(await this.store.lastCommittedPosition());
    return attachmentById(this.readModels, attachmentId);
  }

  /**
   * Decides on the loaded state first (a refusal stores nothing), then stores the blobs, then
   * appends the event that names them. Only a failure after the blobs were stored (the append
   * itself) takes back the blobs this call created — never one that was there before, and
   * through the same two-phase delete, as another upload may have found them there meanwhile.
   * Once the event is appended, each blob is stored again if a deletion of the same bytes took
   * it (the blob was found in place, then set aside before this event showed in the log): the
   * caller keeps the files until this returns.
   */
  async storeAndDecide(
    customerId: string,
    blobs: readonly BlobToStore[],
    command: AttachmentCommand,
    context: CommandContext,
  ): Promise<DecisionResult<AttachmentEvent, CustomerFilesState>> {
    const created = new Set<string>();
    let result: DecisionResult<AttachmentEvent, CustomerFilesState>;
    try {
      result = await decideAndAppend(this.store, {
        aggregateId: customerId,
        stream: customerFilesStream(customerId),
        decider: customerFilesDecider,
        command: async (state) => {
          customerFilesDecider.decide(command, state);
          for (const blob of blobs)
            if ((await this.blobs.put(blob.sha256, blob.path, blob.size)).created)
              created.add(blob.sha256);
          return command;
        },
        context,
      });
    } catch (error) {
      if (created.size > 0) await this.unreferenced.deleteQuietly([...created], null);
      throw error;
    }
    for (const blob of blobs)
      if ((await this.blobs.put(blob.sha256, blob.path, blob.size)).created)
        this.logger.warn(`blob ${blob.sha256} was deleted as this upload named it: stored again`);
    return result;
  }

  decide(
    customerId: string,
    command: AttachmentCommand,
    context: CommandContext,
  ): Promise<DecisionResult<AttachmentEvent, CustomerFilesState>> {
    return decideAndAppend(this.store, {
      aggregateId: customerId,
      stream: customerFilesStream(customerId),
      decider: customerFilesDecider,
      command,
      context,
    });
  }

  /** Deletes the blobs nothing names any more, logging instead of failing the request. */
  deleteUnreferencedQuietly(hashes: readonly string[], position: number | null): Promise<void> {
    return this.unreferenced.deleteQuietly(hashes, position);
  }
}
