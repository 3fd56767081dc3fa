import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  CustomerState,
  customerDecider,
  customerStream,
  decideUniqueValueClaim,
  isRegistered,
  UniqueValueEvent,
  UniqueValueKind,
} from '@app/domain';
import {
  EVENT_STORE,
  EventMetadata,
  EventStore,
  StreamAppend,
  WrongExpectedRevisionError,
} from '@app/event-store';
import { loadState } from '../commands/load-state';

/** A value only one customer may hold: the main e-mail (rule R2) or the document (rule R3). */
export interface UniqueValue {
  kind: UniqueValueKind;
  value: string;
}

/** The values the customer in `state` holds; none once deleted. */
export function uniqueValuesOf(state: CustomerState): UniqueValue[] {
  if (!isRegistered(state)) return [];
  const values: UniqueValue[] = [];
  if (state.profile.email) values.push({ kind: 'email', value: state.profile.email.toLowerCase() });
  if (state.profile.document?.number) {
    values.push({ kind: 'document', value: state.profile.document.number.toUpperCase() });
  }
  return values;
}

const key = (v: UniqueValue) => `${v.kind}:${v.value}`;

export function uniqueValueChanges(before: CustomerState, after: CustomerState) {
  const held = new Map(uniqueValuesOf(before).map((v) => [key(v), v]));
  const next = new Map(uniqueValuesOf(after).map((v) => [key(v), v]));
  return {
    claims: [...next.values()].filter((v) => !held.has(key(v))),
    releases: [...held.values()].filter((v) => !next.has(key(v))),
  };
}

/**
 * Uniqueness across customers, on any event store: each value has a reservation stream
 * (`unique-email-<sha256>`, no personal data in its name or events) whose last event says who
 * holds it. A command first checks, reading only, that its values are free (a refused command
 * writes nothing); the claims it then appends expect the revision read, with the command's own
 * events, in one transaction on the SQL stores: of two racing registrations exactly one wins,
 * and the loser writes nothing. Whether a value may be claimed is the domain's decision
 * (`decideUniqueValueClaim`, rules R2/R3); this class loads the facts it needs — the value's
 * last claim and whether its holder's stream still holds the value — and appends.
 */
@Injectable()
export class CustomerUniqueValues {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The claims of `values` for `owner`, to append; throws R2/R3 `TAKEN` if one is held. */
  async claimsFor(
    values: UniqueValue[],
    owner: string,
    metadata: Partial<EventMetadata>,
  ): Promise<StreamAppend[]> {
    const claims: StreamAppend[] = [];
    for (const value of values) {
      const stream = streamOf(value);
      const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
      const current =
        last?.type === 'UniqueValueClaimed'
          ? {
              holder: ownerOf(last.data),
              claimedAt: last.metadata.occurredAt,
              holderStillHolds:
                ownerOf(last.data) !== owner && (await this.stillHolds(ownerOf(last.data), value)),
            }
          : undefined;
      const events = decideUniqueValueClaim({
        kind: value.kind,
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
    values: UniqueValue[],
    owner: string,
    metadata: Partial<EventMetadata>,
  ): Promise<StreamAppend[]> {
    const releases: StreamAppend[] = [];
    for (const value of values) {
      const stream = streamOf(value);
      const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
      if (last?.type !== 'UniqueValueClaimed' || ownerOf(last.data) !== owner) continue;
      releases.push({
        stream,
        events: [{ ...uniqueValueEvent('UniqueValueReleased', value, owner), metadata }],
        expectedRevision: last.revision,
      });
    }
    return releases;
  }

  /** Releases what `owner` holds of `values` now (a claim whose command was refused). */
  async release(
    values: UniqueValue[],
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

  private async stillHolds(customerId: string, value: UniqueValue): Promise<boolean> {
    const state = await loadState(this.store, customerStream(customerId), customerDecider);
    return uniqueValuesOf(state).some((held) => key(held) === key(value));
  }
}

function streamOf(value: UniqueValue): string {
  const digest = createHash('sha256').update(value.value).digest('hex').slice(0, 40);
  return `unique-${value.kind}-${digest}`;
}

/** The domain's reservation event (typed, so its personal data is declared: none). */
const uniqueValueEvent = (
  type: UniqueValueEvent['type'],
  value: UniqueValue,
  owner: string,
): UniqueValueEvent => ({ type, data: { kind: value.kind, owner } });

const ownerOf = (data: unknown) => (data as { owner: string }).owner;
