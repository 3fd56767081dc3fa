/*
 * The compile-time half of this spec: each `@ts-expect-error` below marks a map the compiler
 * must refuse. Should a change to `PersonalDataMap` let one through, the directive is unused
 * and `npm run typecheck` (and ts-jest on this file) fails.
 */
import { AnyDomainEvent, PERSONAL_DATA } from '../personal-data';
import { DomainEvent } from './decider';
import { NO_PERSONAL_DATA, PersonalDataMap, sealsPersonalData } from './personal-data';

type Registered = DomainEvent<
  'Registered',
  { customerId: string; name: string; email: string | null; address: { street: string | null } }
>;
type Edited = DomainEvent<
  'Edited',
  {
    customerId: string;
    changes: (
      | { field: 'phone'; before: string | null; after: string | null }
      | { field: 'zone'; before: string; after: string }
    )[];
  }
>;
type Removed = DomainEvent<'Removed', { customerId: string }>;
/** Names no customer: it cannot seal anything. */
type Numbered = DomainEvent<'Numbered', { series: string; holder: string }>;
type Event = Registered | Edited | Removed | Numbered;

const complete: PersonalDataMap<Event> = {
  Registered: { paths: { name: '[erased]', email: null, 'address.street': null } },
  Edited: { changeLists: { changes: { phone: null } } },
  Removed: NO_PERSONAL_DATA,
  Numbered: { keptInClear: { paths: ['holder'], because: 'kept with the series by law' } },
};

describe('PersonalDataMap', () => {
  it('takes a map that states every event type, sealing only what names a customer', () => {
    expect(Object.entries(complete).filter(([, fields]) => sealsPersonalData(fields))).toEqual([
      ['Registered', complete.Registered],
      ['Edited', complete.Edited],
    ]);
  });

  it('refuses a map that misses an event type', () => {
    // @ts-expect-error — 'Removed' has no entry (stating none is `NO_PERSONAL_DATA`)
    const missing: PersonalDataMap<Event> = {
      Registered: complete.Registered,
      Edited: complete.Edited,
      Numbered: NO_PERSONAL_DATA,
    };
    expect(Object.keys(missing)).not.toContain('Removed');

    // The domain's own map: without the entry of one of its events it does not compile.
    const { CustomerRegistered: left, ...others } = PERSONAL_DATA;
    // @ts-expect-error — 'CustomerRegistered' has no entry
    const domainMissingOne: PersonalDataMap<AnyDomainEvent> = others;
    expect(left.paths).toBeDefined();
    expect(domainMissingOne).not.toHaveProperty('CustomerRegistered');
  });

  it('refuses a path its event does not have, or an erased value of another type', () => {
    const wrong: Partial<PersonalDataMap<Event>>[] = [
      // @ts-expect-error — `phone` is not a field of Registered
      { Registered: { paths: { phone: null } } },
      // @ts-expect-error — `address.city` is not a field of Registered's address
      { Registered: { paths: { 'address.city': null } } },
      // @ts-expect-error — `name` is a required string: it cannot read as null once erased
      { Registered: { paths: { name: null } } },
      // @ts-expect-error — Edited's changes have no `email` field
      { Edited: { changeLists: { changes: { email: null } } } },
      // @ts-expect-error — `changes` is not a key of Registered
      { Registered: { changeLists: { changes: { phone: null } } } },
      // @ts-expect-error — `holder` cannot be sealed: Numbered names no customer
      { Numbered: { paths: { holder: null } } },
      // @ts-expect-error — `owner` is not a field of Numbered
      { Numbered: { keptInClear: { paths: ['owner'], because: 'kept by law' } } },
    ];
    expect(wrong).toHaveLength(7);
  });
});
