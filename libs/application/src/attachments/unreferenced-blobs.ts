import { Inject, Injectable, Logger } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { isBlobReferenced } from '@app/read-models';
import { DataSource } from 'typeorm';
import { ProjectionProgress } from '../storage/projection-progress';
import { READ_MODELS } from '../storage/read-models.module';
import { BLOB_STORE, BlobStore, sha256OfSetAside } from './blob-store/blob-store';

/** Whose rows do not count as naming a blob: an erased customer's, which are going. */
export interface Except {
  customerId?: string;
}

/**
 * Deletes blobs nothing names any more (no attachment, no customer image). Blobs are shared by
 * content, so another customer may be uploading the very same bytes while one is deleted: its
 * `put` finds the blob there, then its event names it. A check-then-delete would leave that
 * event naming a deleted blob. So a delete has two phases:
 *
 * 1. the blob is set aside (no longer served nor found: an upload from now on stores it anew);
 * 2. once the read models show every event committed before that moment, the blob is checked
 *    again: still named (an upload that had found it in place), it is restored; else purged.
 *
 * An upload whose event commits after phase 1 stores its blob again after appending
 * (`CustomerFiles.storeAndDecide`), so whichever way the two interleave, the blob an event
 * names exists. A crash between the phases leaves the blob in the trash: the erasure's first
 * run resolves it by the same check (`resolveLeftBehind`).
 */
@Injectable()
export class UnreferencedBlobs {
  private readonly logger = new Logger('UnreferencedBlobs');
  /** The trash may hold blobs no deletion is resolving: at start (after a crash), after a failure. */
  private leftBehind = true;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    private readonly progress: ProjectionProgress,
  ) {}

  /**
   * Deletes each of `hashes` nothing names once the read models have applied `position` (the
   * event that stopped naming them); answers the hashes purged. On any failure the blobs set
   * aside are put back (a blob kept is only space, one deleted too early a lost file).
   */
  async delete(
    hashes: readonly string[],
    position: number | bigint | null,
    except: Except = {},
  ): Promise<string[]> {
    await this.progress.waitFor(position === null ? undefined : BigInt(position));
    const tokens: string[] = [];
    for (const sha256 of new Set(hashes)) {
      if (await isBlobReferenced(this.readModels, sha256, except)) continue;
      const token = await this.blobs.setAside(sha256);
      if (token !== null) tokens.push(token);
    }
    return this.resolve(tokens, except);
  }

  /** As `delete`, logging instead of failing a request that already succeeded. */
  async deleteQuietly(hashes: readonly string[], position: number | null): Promise<void> {
    try {
      await this.delete(hashes, position);
    } catch (error) {
      this.logger.warn(`blobs ${hashes.join(', ')} kept: ${(error as Error).message}`);
    }
  }

  /**
   * Resolves what a crash (or a failed resolution) left in the trash, by the same check as the
   * second phase; answers the hashes purged. Nothing to do (no listing) once done in a process.
   */
  async resolveLeftBehind(): Promise<string[]> {
    if (!this.leftBehind) return [];
    this.leftBehind = false;
    try {
      return await this.resolve(await this.blobs.listSetAside(), {});
    } catch (error) {
      this.leftBehind = true;
      throw error;
    }
  }

  /** The second phase: every event committed before now applied, restore what is named. */
  private async resolve(tokens: readonly string[], except: Except): Promise<string[]> {
    if (tokens.length === 0) return [];
    const purged: string[] = [];
    let resolved = 0;
    try {
      await this.progress.waitFor(await this.store.lastCommittedPosition());
      for (const token of tokens) {
        const sha256 = sha256OfSetAside(token);
        if (await isBlobReferenced(this.readModels, sha256, except)) {
          await this.blobs.restore(token);
          this.logger.log(`blob ${sha256} named again meanwhile: restored`);
        } else {
          await this.blobs.purge(token);
          purged.push(sha256);
        }
        resolved++;
      }
      return purged;
    } catch (error) {
      await this.restoreAll(tokens.slice(resolved));
      throw error;
    }
  }

  private async restoreAll(tokens: readonly string[]): Promise<void> {
    for (const token of tokens)
      await this.blobs.restore(token).catch((error: Error) => {
        this.leftBehind = true;
        this.logger.error(`set-aside blob ${token} left in the trash: ${error.message}`);
      });
  }
}
