import { createHash } from 'node:crypto';
import { CurrentClaim, DomainEvent } from '@app/domain';
import {
  EventMetadata,
  EventStore,
  StreamAppend,
  WrongExpectedRevisionError,
} from '@app/event-store';

/** A value only one owner may hold (an e-mail, a document number, a NIF, a series). */
export interface ClaimedValue {
  kind: string;
  value: string;
}

/** What one kind of unique value needs to be claimed and released: its rule, its events. */
export interface ValueClaimRules<V extends ClaimedValue> {
  /** The value's reservation stream; its last event says who holds the value. */
  streamOf(value: V): string;
  /** The type of the event that claims a value (its data names the owner). */
  claimedType: string;
  /** The owner a claim event's data names. */
  ownerOf(data: unknown): string;
  /** The domain's pure decision: the claim to append, none when `owner` holds it; throws if taken. */
  decide(claim: { value: V; owner: string; now: string; current?: CurrentClaim }): DomainEvent[];
  /** The event that releases `value` held by `owner`. */
  released(value: V, owner: string): DomainEvent;
  /** Whether `holder`'s own stream still holds `value` (not changed, not deleted). */
  stillHolds(holder: string, value: V): Promise<boolean>;
}

/** `unique-<prefix><kind>-<sha256 of the value>`: no personal data in a reservation's name. */
export function valueStream(prefix: string, value: ClaimedValue): string {
  const digest = createHash('sha256').update(value.value).digest('hex').slice(0, 40);
  return `unique-${prefix}${value.kind}-${digest}`;
}

const key = (v: ClaimedValue) => `${v.kind}:${v.value}`;

/** The values an owner comes to hold, and those it stops holding, from `before` to `after`. */
export function valueChanges<V extends ClaimedValue>(before: V[], after: V[]) {
  const held = new Map(before.map((v) => [key(v), v]));
  const next = new Map(after.map((v) => [key(v), v]));
  return {
    claims: [...next.values()].filter((v) => !held.has(key(v))),
    releases: [...held.values()].filter((v) => !next.has(key(v))),
  };
}

/** Whether `values` holds `value`. */
export const holdsValue = (values: ClaimedValue[], value: ClaimedValue) =>
  values.some((held) => key(held) === key(value));

/**
 * Uniqueness across the streams of one aggregate, on any event store: each value has a
 * reservation stream whose last event says who holds it. A command first checks, reading only,
 * that its values are free (a refused command writes nothing); the claims it then appends expect
 * the revision read, with the command's own events, in one transaction on the SQL stores: of two
 * racing claims of one value exactly one wins. Whether a value may be claimed is the domain's
 * decision (`rules.decide`); this class loads the facts it needs — the value's last claim and
 * whether its holder's stream still holds the value — and builds the appends.
 */
export class ValueClaims<V extends ClaimedValue> {
  constructor(
    private readonly store: EventStore,
    private readonly rules: ValueClaimRules<V>,
  ) {}

  /** The claims of `values` for `owner`, to append; throws the domain's refusal if one is held. */
  async claimsFor(
    values: V[],
    owner: string,
    metadata: Partial<EventMetadata>,
  ): Promise<StreamAppend[]> {
    const claims: StreamAppend[] = [];
    for (const value of values) {
      const { stream, last, claim } = await this.reservationOf(value);
      let current: CurrentClaim | undefined;
      if (claim) {
        const holder = this.rules.ownerOf(claim.data);
        current = {
          holder,
          claimedAt: claim.metadata.occurredAt,
          holderStillHolds: holder !== owner && (await this.rules.stillHolds(holder, value)),
        };
      }
      const now = metadata.occurredAt ?? new Date().toISOString();
      const events = this.rules.decide({ value, owner, now, current });
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
    values: V[],
    owner: string,
    metadata: Partial<EventMetadata>,
  ): Promise<StreamAppend[]> {
    const releases: StreamAppend[] = [];
    for (const value of values) {
      const { stream, claim } = await this.reservationOf(value);
      if (!claim || this.rules.ownerOf(claim.data) !== owner) continue;
      releases.push({
        stream,
        events: [{ ...this.rules.released(value, owner), metadata }],
        expectedRevision: claim.revision,
      });
    }
    return releases;
  }

  /** The value's reservation stream, its last event, and that event if it is a claim. */
  private async reservationOf(value: V) {
    const stream = this.rules.streamOf(value);
    const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    const claim = last?.type === this.rules.claimedType ? last : undefined;
    return { stream, last, claim };
  }

  /** Releases what `owner` holds of `values` now (claims whose command was then refused). */
  async release(values: V[], owner: string, metadata: Partial<EventMetadata>): Promise<void> {
    for (const release of await this.releasesFor(values, owner, metadata)) {
      await this.store
        .append(release.stream, release.events, { expectedRevision: release.expectedRevision })
        .catch((error: unknown) => {
          if (!(error instanceof WrongExpectedRevisionError)) throw error;
        });
    }
  }
}

/** The owner a claim's or release's data names (`{ kind, owner }`). */
export const ownerInData = (data: unknown) => (data as { owner: string }).owner;
