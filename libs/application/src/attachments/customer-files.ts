import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  AttachmentCommand,
  AttachmentEvent,
  customerFilesDecider,
  CustomerFilesState,
  customerFilesStream,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { attachmentById, AttachmentView, isBlobReferenced } from '@app/read-models';
import { DataSource } from 'typeorm';
import { CommandContext } from '../commands/command-context';
import { decideAndAppend, DecisionResult } from '../commands/decide-and-append';
import { ProjectionProgress } from '../storage/projection-progress';
import { READ_MODELS } from '../storage/read-models.module';
import { BLOB_STORE, BlobStore } from './blob-store/blob-store';

export interface BlobToStore {
  sha256: string;
  path: string;
  size: number;
}

/**
 * The write path of the customer's files: blobs stored before the event that names them (so
 * no event ever names a missing blob) and only once the command is accepted, and blobs no
 * longer named by anything deleted once the read models show it.
 */
@Injectable()
export class CustomerFiles {
  private readonly logger = new Logger('CustomerFiles');

  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(BLOB_STORE) readonly blobs: BlobStore,
    @Inject(READ_MODELS) readonly readModels: DataSource,
    private readonly progress: ProjectionProgress,
  ) {}

  /**
   * The attachment as the read model has it, once the read model has caught up with the log
   * (it may lag a write made just before): `null` when there is no such attachment.
   */
  async findAttachment(attachmentId: string): Promise<AttachmentView | null> {
    const found = await attachmentById(this.readModels, attachmentId);
    if (found !== null) return found;
    await this.progress.waitFor(await this.store.headPosition());
    return attachmentById(this.readModels, attachmentId);
  }

  /**
   * Decides on the loaded state first (a refusal stores nothing), then stores the blobs, then
   * appends the event that names them. Only a failure after the blobs were stored (the append
   * itself) takes back the blobs this call created — never one that was there before.
   */
  async storeAndDecide(
    customerId: string,
    blobs: readonly BlobToStore[],
    command: AttachmentCommand,
    context: CommandContext,
  ): Promise<DecisionResult<AttachmentEvent, CustomerFilesState>> {
    const created = new Set<string>();
    try {
      return await decideAndAppend(this.store, {
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
      for (const sha256 of created) await this.blobs.delete(sha256);
      throw error;
    }
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

  /**
   * Deletes each blob nothing names any more (no attachment, no customer image; `except` a
   * customer whose rows are going), once the read models have applied `position`. Best effort:
   * a blob left behind is only space, a blob deleted too early would be a lost file.
   */
  async deleteUnreferenced(
    hashes: readonly string[],
    position: number | bigint | null,
    except: { customerId?: string } = {},
  ): Promise<string[]> {
    await this.progress.waitFor(position === null ? undefined : BigInt(position));
    const deleted: string[] = [];
    for (const sha256 of new Set(hashes)) {
      if (await isBlobReferenced(this.readModels, sha256, except)) continue;
      await this.blobs.delete(sha256);
      deleted.push(sha256);
    }
    return deleted;
  }

  /** As `deleteUnreferenced`, logging instead of failing the request that already succeeded. */
  async deleteUnreferencedQuietly(
    hashes: readonly string[],
    position: number | null,
  ): Promise<void> {
    try {
      await this.deleteUnreferenced(hashes, position);
    } catch (error) {
      this.logger.warn(`blobs ${hashes.join(', ')} kept: ${(error as Error).message}`);
    }
  }
}
