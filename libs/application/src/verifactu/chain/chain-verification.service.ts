import { Inject, Injectable } from '@nestjs/common';
import {
  ChainVerification,
  ChainVerifier,
  isVerifactuChainEvent,
  issuerIdOfChainStream,
  VERIFACTU_CHAIN_EVENT_TYPES,
  verifactuChainStream,
} from '@app/domain';
import { EVENT_STORE, EventStore, untilTheLogShowsWhatIsCommitted } from '@app/event-store';

/** `GET /verifactu/issuers/:id/chain/verification`: rule 22's chain of one issuer, checked. */
export interface IssuerChainVerification extends ChainVerification {
  issuerId: string;
}

/** How far a verification has got: records checked of the records the chain(s) hold. */
export interface ChainVerificationProgress {
  issuerId: string;
  done: number;
  total: number;
}

export interface ChainVerificationOptions {
  /** Called after each page of records read. */
  onProgress?: (progress: ChainVerificationProgress) => void;
  /** Records read per query (default 1,000): memory holds one page, never the chain. */
  pageSize?: number;
}

const DEFAULT_PAGE_SIZE = 1000;

/** How long issuer discovery waits for older transactions to end before scanning the log. */
const LOG_SETTLE_TIMEOUT_MS = 5_000;

/**
 * Rule 22's chains verified from the log, the truth (the read model is only for reading the
 * records): the chain stream read page by page in revision order through `ChainVerifier`, so a
 * chain of any length is checked with one page in memory.
 */
@Injectable()
export class VerifactuChainVerification {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Records in the issuer's chain now (the chain stream's length). */
  async recordsIn(issuerId: string): Promise<number> {
    const revision = await this.store.streamRevision(verifactuChainStream(issuerId));
    return revision === undefined ? 0 : Number(revision) + 1;
  }

  /**
   * The issuer's chain as it stands when the verification starts (records appended meanwhile
   * are left for the next). An issuer with no records has an empty, valid chain.
   */
  async verify(
    issuerId: string,
    options: ChainVerificationOptions = {},
  ): Promise<IssuerChainVerification> {
    const stream = verifactuChainStream(issuerId);
    const pageSize = Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE);
    const total = await this.recordsIn(issuerId);
    const verifier = new ChainVerifier();
    let done = 0;
    while (done < total) {
      const page = await this.store.readStream(stream, {
        fromRevision: BigInt(done),
        toRevision: BigInt(total - 1),
        maxCount: pageSize,
      });
      if (page.length === 0) break;
      for (const event of page) if (isVerifactuChainEvent(event)) verifier.add(event.data);
      done += page.length;
      options.onProgress?.({ issuerId, done, total });
    }
    return { issuerId, ...verifier.result() };
  }

  /**
   * The issuers with a chain in the log, in id order: the streams of the chain events, found
   * by reading those events' types (the port has no list of streams).
   */
  async issuersWithChains(pageSize = DEFAULT_PAGE_SIZE): Promise<string[]> {
    await untilTheLogShowsWhatIsCommitted(this.store, { timeoutMs: LOG_SETTLE_TIMEOUT_MS });
    const issuers = new Set<string>();
    let fromPosition: bigint | undefined;
    for (;;) {
      const page = await this.store.readAll({
        fromPosition,
        limit: pageSize,
        eventTypes: [...VERIFACTU_CHAIN_EVENT_TYPES],
      });
      for (const event of page) {
        const issuerId = issuerIdOfChainStream(event.stream);
        if (issuerId !== null) issuers.add(issuerId);
      }
      if (page.length < pageSize) break;
      fromPosition = page[page.length - 1].position;
    }
    return [...issuers].sort();
  }
}
