import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  CustomerState,
  customerDecider,
  customerStream,
  DomainError,
  isRegistered,
} from '@app/domain';
import { EVENT_STORE, EventStore, WrongExpectedRevisionError } from '@app/event-store';
import { loadState } from '../infrastructure/commands/load-state';

/** A value only one customer may hold: the main e-mail (rule R2) or the document (rule R3). */
export interface UniqueValue {
  kind: 'email' | 'document';
  value: string;
}

const RULE = { email: 'R2', document: 'R3' } as const;
const WHAT = { email: 'e-mail', document: 'document number' } as const;

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

const PENDING_CLAIM_MS = 60_000;

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
 * holds it. Claims append with the expected revision, so of two racing registrations exactly
 * one wins. A claim whose owner no longer holds the value (deleted, changed, or a crash
 * between claim and append) is stale and may be taken over — but only once it is older than
 * PENDING_CLAIM_MS, since a fresh claim's owner may not have appended its own events yet.
 */
@Injectable()
export class CustomerUniqueValues {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async claim(values: UniqueValue[], owner: string, actor: string): Promise<UniqueValue[]> {
    const claimed: UniqueValue[] = [];
    try {
      for (const value of values) {
        await this.claimOne(value, owner, actor);
        claimed.push(value);
      }
    } catch (error) {
      await this.release(claimed, owner, actor);
      throw error;
    }
    return claimed;
  }

  async release(values: UniqueValue[], owner: string, actor: string): Promise<void> {
    for (const value of values) {
      const stream = streamOf(value);
      const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
      if (last?.type !== 'UniqueValueClaimed' || ownerOf(last.data) !== owner) continue;
      await this.store
        .append(
          stream,
          [{ type: 'UniqueValueReleased', data: { kind: value.kind, owner }, metadata: { actor } }],
          {
            expectedRevision: last.revision,
          },
        )
        .catch((error: unknown) => {
          if (!(error instanceof WrongExpectedRevisionError)) throw error;
        });
    }
  }

  private async claimOne(value: UniqueValue, owner: string, actor: string): Promise<void> {
    const stream = streamOf(value);
    const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    if (last?.type === 'UniqueValueClaimed') {
      const holder = ownerOf(last.data);
      if (holder === owner) return;
      const pending = Date.now() - Date.parse(last.metadata.occurredAt) < PENDING_CLAIM_MS;
      if (pending || (await this.stillHolds(holder, value))) throw taken(value);
    }
    try {
      await this.store.append(
        stream,
        [{ type: 'UniqueValueClaimed', data: { kind: value.kind, owner }, metadata: { actor } }],
        { expectedRevision: last ? last.revision : 'no_stream' },
      );
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) throw taken(value);
      throw error;
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

const ownerOf = (data: unknown) => (data as { owner: string }).owner;

function taken(value: UniqueValue): DomainError {
  return new DomainError(
    `${RULE[value.kind]}.TAKEN`,
    `Another customer already has this ${WHAT[value.kind]}.`,
    [
      {
        code: RULE[value.kind],
        message: `The ${WHAT[value.kind]} is already in use`,
        field: value.kind,
      },
    ],
  );
}
