import { DomainError } from '../shared/domain-error';
import { UniqueValueClaimed, UniqueValueKind } from './customer.unique-value.events';

/**
 * How long a claim whose holder no longer holds the value still blocks others: the holder's
 * own events may not be appended yet (on EventStoreDB a claim is appended before them).
 */
export const PENDING_CLAIM_MS = 60_000;

const RULE = { email: 'R2', document: 'R3' } as const;
const WHAT = { email: 'e-mail', document: 'document number' } as const;

/** What the value's reservation stream says, loaded by the handler. */
export interface CurrentClaim {
  holder: string;
  claimedAt: string;
  /** Whether `holder`'s own stream still holds the value (not changed, not deleted). */
  holderStillHolds: boolean;
}

export interface ClaimUniqueValue {
  kind: UniqueValueKind;
  owner: string;
  now: string;
  current?: CurrentClaim;
}

/**
 * Rules R2 (main e-mail) and R3 (document): a value one customer holds cannot be claimed by
 * another. A claim left stale (its holder changed the value, was deleted, or crashed before
 * appending) may be taken over once older than PENDING_CLAIM_MS. Answers the claim to append,
 * or none when `owner` already holds it.
 */
export function decideUniqueValueClaim(command: ClaimUniqueValue): UniqueValueClaimed[] {
  const { current } = command;
  if (current?.holder === command.owner) return [];
  if (current) {
    const pending = Date.parse(command.now) - Date.parse(current.claimedAt) < PENDING_CLAIM_MS;
    if (pending || current.holderStillHolds) throw uniqueValueTaken(command.kind);
  }
  return [{ type: 'UniqueValueClaimed', data: { kind: command.kind, owner: command.owner } }];
}

export function uniqueValueTaken(kind: UniqueValueKind): DomainError {
  return new DomainError(
    `${RULE[kind]}.TAKEN`,
    `Another customer already has this ${WHAT[kind]}.`,
    [{ code: RULE[kind], message: `The ${WHAT[kind]} is already in use`, field: kind }],
  );
}
