import { DomainEvent } from './decider';

/*
 * Every event type states its personal data, so the type checker (not memory) makes a new
 * event decide what of it may stand in the immutable log in clear. The event store seals what
 * is declared `paths`/`changeLists` (see docs/event-store.md, "Personal-data erasure").
 */

/** What a path descends into: objects, not arrays (a list is sealed or kept whole). */
type Nested<T> = T extends readonly unknown[] ? never : T extends object ? T : never;

/** How many more levels a path may go down after this one (`Deeper[3]` is 2, … `Deeper[0]` none). */
type Deeper = [never, 0, 1, 2];

/**
 * The dotted paths into an event's data, checked by the compiler: top-level keys and the keys
 * of nested objects (`address.street`, `before.name`), up to four keys deep.
 */
export type DataPath<T, Depth extends number = 3> = [Depth] extends [never]
  ? never
  : T extends unknown
    ? {
        [K in keyof T & string]-?: K | `${K}.${DataPath<Nested<NonNullable<T[K]>>, Deeper[Depth]>}`;
      }[keyof T & string]
    : never;

/** The type of the value at a `DataPath` (what its erased value must be). */
export type ValueAt<T, P extends string> = T extends unknown
  ? P extends keyof T
    ? T[P]
    : P extends `${infer K}.${infer Rest}`
      ? K extends keyof T
        ? ValueAt<NonNullable<T[K]>, Rest>
        : never
      : never
  : never;

/** One field-level edit, as `FieldChangeOf` records it. */
interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The keys of `data` holding lists of field-level edits (`changes`). */
type ChangeListKey<T> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends readonly FieldChange[] ? K : never;
}[keyof T & string];

type ChangeIn<T, K extends keyof T> = NonNullable<T[K]> extends readonly (infer C)[] ? C : never;

/** For one list of edits: the personal `field`s → what their `before` and `after` read as erased. */
type ErasedChanges<C> = {
  [F in C extends FieldChange ? C['field'] : never]?: C extends { field: F; before: infer B }
    ? B
    : never;
};

/** The data subject: sealed values are sealed under this customer's key. */
export type SubjectField = 'customerId';

/** Fields sealed under the subject's key, each with what it reads as once the key is destroyed. */
interface SealedFields<Data> {
  paths?: { [P in DataPath<Data>]?: ValueAt<Data, P> };
  /** `never` for an event without lists of edits: an empty `{}` type would take any object. */
  changeLists?: [ChangeListKey<Data>] extends [never]
    ? never
    : { [K in ChangeListKey<Data>]?: ErasedChanges<ChangeIn<Data, K>> };
}

/**
 * The personal data of one event type. `paths` and `changeLists` are sealed under the data
 * subject's key and read, once it is destroyed, as the erased value given (typed as the
 * field); only an event naming its subject (`customerId`) can seal anything. `keptInClear`
 * names personal fields the law obliges us to keep, stored in clear on purpose and never
 * erased, with the reason. An event with none of either states `NO_PERSONAL_DATA`.
 * Paths must hold for every schema version of the event still in the log.
 */
export type PersonalFieldsOf<Data> = ([Data] extends [Record<SubjectField, string>]
  ? SealedFields<Data>
  : { paths?: never; changeLists?: never }) & {
  keptInClear?: { paths: readonly DataPath<Data>[]; because: string };
};

/**
 * The personal data of every event type of `Event`: the compiler refuses a map that misses
 * one, or names a field its event does not have.
 */
export type PersonalDataMap<Event extends DomainEvent> = {
  [Type in Event['type']]: PersonalFieldsOf<Extract<Event, { type: Type }>['data']>;
};

/** The event types of a personal-data map (declared with `satisfies`) that seal something. */
export type SealingEventType<Map> = {
  [Type in keyof Map]: Map[Type] extends { paths: object } | { changeLists: object } ? Type : never;
}[keyof Map] &
  string;

/**
 * One example per event type that seals personal data, every personal field given a value of
 * its own: the compiler asks for an example of each new such type, and the sealing spec
 * (`personal-data-sealing.spec.ts`, beside the API's storage wiring) checks the raw log holds none
 * of them in clear.
 */
export type PersonalDataExamples<Event extends DomainEvent, Map> = {
  [Type in SealingEventType<Map>]: (customerId: string) => Extract<Event, { type: Type }>['data'];
};

/** The explicit statement that an event type carries no personal data. */
export const NO_PERSONAL_DATA = Object.freeze({});

/** Whether the store has anything to seal for an event type declared so. */
export const sealsPersonalData = (fields: {
  paths?: object;
  changeLists?: object;
  keptInClear?: object;
}): boolean =>
  Object.keys(fields.paths ?? {}).length > 0 || Object.keys(fields.changeLists ?? {}).length > 0;
