import { DomainEvent } from '../shared/decider';
import { FieldChangeOf } from '../shared/field-changes';
import { EditableIssuerFields, IssuerProfile } from './issuer.profile';

/** Rule 21: an issuer ("razón social") invoices can be issued by, with the series it owns. */
export type IssuerRegistered = DomainEvent<
  'IssuerRegistered',
  IssuerProfile & { issuerId: string; registeredAt: string }
>;

/** What an edit changed, field by field (before/after for the history, rule R13). */
export type IssuerChange = FieldChangeOf<EditableIssuerFields>;

export type IssuerEdited = DomainEvent<
  'IssuerEdited',
  { issuerId: string; changes: IssuerChange[]; editedAt: string }
>;

export type IssuerEvent = IssuerRegistered | IssuerEdited;
export type IssuerEventType = IssuerEvent['type'];

export const ISSUER_EVENT_TYPE_SET: Record<IssuerEventType, true> = {
  IssuerRegistered: true,
  IssuerEdited: true,
};
export const ISSUER_EVENT_TYPES = Object.keys(ISSUER_EVENT_TYPE_SET) as IssuerEventType[];

/** What only one issuer may hold: its NIF, or an invoice series. */
export type IssuerValueKind = 'nif' | 'series';

/**
 * `owner` (an issuer id) now holds the value. Appended to the value's reservation stream
 * (`unique-issuer-<kind>-<sha256 of the value>`), with the issuer's own events.
 */
export type IssuerValueClaimed = DomainEvent<
  'IssuerValueClaimed',
  { kind: IssuerValueKind; owner: string }
>;

/** `owner` no longer holds the value (an edit dropped the series, or its command failed). */
export type IssuerValueReleased = DomainEvent<
  'IssuerValueReleased',
  { kind: IssuerValueKind; owner: string }
>;

export type IssuerValueEvent = IssuerValueClaimed | IssuerValueReleased;

export const ISSUER_VALUE_EVENT_TYPES: IssuerValueEvent['type'][] = [
  'IssuerValueClaimed',
  'IssuerValueReleased',
];
