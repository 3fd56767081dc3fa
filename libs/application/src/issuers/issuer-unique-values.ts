import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  decideIssuerValueClaim,
  issuerDecider,
  IssuerState,
  issuerStream,
  IssuerValue,
  IssuerValueEvent,
  issuerValuesOf,
} from '@app/domain';
import {
  EVENT_STORE,
  EventMetadata,
  EventStore,
  StreamAppend,
  WrongExpectedRevisionError,
} from '@app/event-store';
import { loadState } from '../commands/load-state';

const key = (v: IssuerValue) => `${v.kind}:${v.value}`;

const valuesOf = (state: IssuerState) =>
  issuerValuesOf(state.status === 'registered' ? state.profile : null);

/** The NIF and series an issuer comes to hold, and those it stops holding, between two states. */
export function issuerValueChanges(before: IssuerState, after: IssuerState) {
  const held = new Map(valuesOf(before).map((v) => [key(v), v]));
  const next = new Map(valuesOf(after).map((v) => [key(v), v]));
  return {
    claims: [...next.values()].filter((v) => !held.has(key(v))),
    releases: [...held.values()].filter((v) => !next.has(key(v))),
  };
}

/** The reservation stream of a value: `unique-issuer-nif-<sha256>`, `unique-issuer-series-<sha256>`. */
export function issuerValueStream(value: IssuerValue): string {
  const digest = createHash('sha256').update(value.value).digest('hex').slice(0, 40);
  return `unique-issuer-${value.kind}-${digest}`;
}

/**
 * Rule 21 across issuers, on any event store, by the mechanism of the customers' R2/R3
 * (`CustomerUniqueValues`): each NIF and each series has a reservation stream whose last event
 * says which issuer holds it. A command checks (reading only) that its values are free; the
 * claims then expect the revision read and are appended with the issuer's own events in one
 * transaction on the SQL stores, so of two racing registrations of one NIF exactly one wins.
 * Whether a value may be claimed is the domain's decision (`decideIssuerValueClaim`).
 */
@Injectable()
export class IssuerUniqueValues {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The claims of `values` for `owner`, to append; throws R21 `…_TAKEN` if one is held. */
  async claimsFor(
    values: IssuerValue[],
    owner: string,
    metadata: Partial<EventMetadata>,
  ): Promise<StreamAppend[]> {
    const claims: StreamAppend[] = [];
    for (const value of values) {
      const stream = issuerValueStream(value);
      const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
      const holder = last?.type === 'IssuerValueClaimed' ? ownerOf(last.data) : null;
      const current =
        last && holder !== null
          ? {
              holder,
              claimedAt: last.metadata.occurredAt,
              holderStillHolds: holder !== owner && (await this.stillHolds(holder, value)),
            }
          : undefined;
      const events = decideIssuerValueClaim({
        value,
        owner,
        now: metadata.occurredAt ?? new Date().toISOString(),
        current,
      });
      if (events.length === 0) continue;
      claims.push({
        stream,
        events: events.map((event) => ({ ...event, metadata })),
        expectedRevision: last ? last.revision : 'no_stream',
      });
    }
    return claims;
  }

  /** The releases of the `values` `owner` holds, to append. */
  async releasesFor(
    values: IssuerValue[],
    owner: string,
    metadata: Partial<EventMetadata>,
  ): Promise<StreamAppend[]> {
    const releases: StreamAppend[] = [];
    for (const value of values) {
      const stream = issuerValueStream(value);
      const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
      if (last?.type !== 'IssuerValueClaimed' || ownerOf(last.data) !== owner) continue;
      const released: IssuerValueEvent = {
        type: 'IssuerValueReleased',
        data: { kind: value.kind, owner },
      };
      releases.push({
        stream,
        events: [{ ...released, metadata }],
        expectedRevision: last.revision,
      });
    }
    return releases;
  }

  /** Releases what `owner` holds of `values` now (claims whose command was then refused). */
  async release(
    values: IssuerValue[],
    owner: string,
    metadata: Partial<EventMetadata>,
  ): Promise<void> {
    for (const release of await this.releasesFor(values, owner, metadata)) {
      await this.store
        .append(release.stream, release.events, { expectedRevision: release.expectedRevision })
        .catch((error: unknown) => {
          if (!(error instanceof WrongExpectedRevisionError)) throw error;
        });
    }
  }

  private async stillHolds(issuerId: string, value: IssuerValue): Promise<boolean> {
    const state = await loadState(this.store, issuerStream(issuerId), issuerDecider);
    return valuesOf(state).some((held) => key(held) === key(value));
  }
}

const ownerOf = (data: unknown) => (data as { owner: string }).owner;
