import { DomainEvent } from '../shared/decider';

/** What only one customer may hold: the main e-mail (rule R2) or the document (rule R3). */
export type UniqueValueKind = 'email' | 'document';

/**
 * `owner` (a customer id) now holds the value. Appended to the value's reservation stream,
 * `unique-<kind>-<sha256 of the value>`: neither its name nor its events hold the value itself.
 */
export type UniqueValueClaimed = DomainEvent<
  'UniqueValueClaimed',
  { kind: UniqueValueKind; owner: string }
>;

/** `owner` no longer holds the value (changed, deleted, or its command was refused). */
export type UniqueValueReleased = DomainEvent<
  'UniqueValueReleased',
  { kind: UniqueValueKind; owner: string }
>;

export type UniqueValueEvent = UniqueValueClaimed | UniqueValueReleased;
