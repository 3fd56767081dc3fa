import { Inject, Injectable } from '@nestjs/common';
import {
  decideIssuerValueClaim,
  issuerDecider,
  IssuerState,
  issuerStream,
  IssuerValue,
  IssuerValueEvent,
  issuerValuesOf,
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

const valuesOf = (state: IssuerState) =>
  issuerValuesOf(state.status === 'registered' ? state.profile : null);

/** The NIF and series an issuer comes to hold, and those it stops holding, between two states. */
export function issuerValueChanges(before: IssuerState, after: IssuerState) {
  return valueChanges(valuesOf(before), valuesOf(after));
}

/** The reservation stream of a value: `unique-issuer-nif-<sha256>`, `unique-issuer-series-<sha256>`. */
export function issuerValueStream(value: IssuerValue): string {
  return valueStream('issuer-', value);
}

/**
 * Rule 21 across issuers, on any event store, by the mechanism of the customers' R2/R3
 * (`ValueClaims`): each NIF and each series has a reservation stream whose last event says which
 * issuer holds it. A command checks (reading only) that its values are free; the claims then
 * expect the revision read and are appended with the issuer's own events in one transaction on
 * the SQL stores, so of two racing registrations of one NIF exactly one wins. Whether a value
 * may be claimed is the domain's decision (`decideIssuerValueClaim`): R21 `…_TAKEN` if held.
 */
@Injectable()
export class IssuerUniqueValues extends ValueClaims<IssuerValue> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, {
      streamOf: issuerValueStream,
      claimedType: 'IssuerValueClaimed',
      ownerOf: ownerInData,
      decide: decideIssuerValueClaim,
      released: (value, owner): IssuerValueEvent => ({
        type: 'IssuerValueReleased',
        data: { kind: value.kind, owner },
      }),
      stillHolds: async (issuerId, value) =>
        holdsValue(valuesOf(await loadState(store, issuerStream(issuerId), issuerDecider)), value),
    });
  }
}
