import { Inject, Injectable } from '@nestjs/common';
import {
  CustomerState,
  customerDecider,
  customerStream,
  decideUniqueValueClaim,
  isRegistered,
  UniqueValueEvent,
  UniqueValueKind,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { loadState } from '../commands/load-state';
import {
  holdsValue,
  ownerInData,
  ValueClaims,
  valueChanges,
  valueStream,
} from '../commands/value-claims';

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

export function uniqueValueChanges(before: CustomerState, after: CustomerState) {
  return valueChanges(uniqueValuesOf(before), uniqueValuesOf(after));
}

/**
 * Uniqueness across customers (rules R2/R3), by the shared `ValueClaims` mechanism: each value
 * has a reservation stream (`unique-email-<sha256>`, no personal data in its name or events)
 * whose last event says who holds it. Whether a value may be claimed is the domain's decision
 * (`decideUniqueValueClaim`); the claims throw R2/R3 `TAKEN` when another customer holds one.
 */
@Injectable()
export class CustomerUniqueValues extends ValueClaims<UniqueValue> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, {
      streamOf: (value) => valueStream('', value),
      claimedType: 'UniqueValueClaimed',
      ownerOf: ownerInData,
      decide: ({ value, ...claim }) => decideUniqueValueClaim({ ...claim, kind: value.kind }),
      released: (value, owner) => uniqueValueEvent('UniqueValueReleased', value, owner),
      stillHolds: async (customerId, value) =>
        holdsValue(
          uniqueValuesOf(await loadState(store, customerStream(customerId), customerDecider)),
          value,
        ),
    });
  }
}

/** The domain's reservation event (typed, so its personal data is declared: none). */
const uniqueValueEvent = (
  type: UniqueValueEvent['type'],
  value: UniqueValue,
  owner: string,
): UniqueValueEvent => ({ type, data: { kind: value.kind, owner } });
