import { given } from '../shared/testing/decider-specification';
import { customerDecider } from './customer.decider';
import { CustomerEvent } from './customer.events';
import { evolveCustomer } from './customer.evolve';
import { EMPTY_ADDRESS } from './customer.profile';
import { command, CUSTOMER_ID, deactivated, registered } from './testing/customer.fixtures';

const customer = given(customerDecider);
const ana = registered();
const added: CustomerEvent = {
  type: 'AddressAdded',
  data: {
    customerId: CUSTOMER_ID,
    addressId: 'a-1',
    label: 'installation',
    address: { ...EMPTY_ADDRESS, street: 'Calle Luna 2', city: 'Toledo' },
  },
};
const edited = (changes: { field: string; before: unknown; after: unknown }[]) =>
  ({
    type: 'AddressEdited',
    data: { customerId: CUSTOMER_ID, addressId: 'a-1', changes },
  }) as CustomerEvent;

describe('Customer decider: editing an address', () => {
  it('records the fields given, each with its before and after, trimmed like an added one', () => {
    customer([ana, added])
      .when(
        command('EditAddress', {
          addressId: 'a-1',
          label: ' second home ',
          address: { city: ' Bilbao ', postalCode: '48001' },
        }),
      )
      .then([
        edited([
          { field: 'label', before: 'installation', after: 'second home' },
          { field: 'address.city', before: 'Toledo', after: 'Bilbao' },
          { field: 'address.postalCode', before: null, after: '48001' },
        ]),
      ]);
  });

  it('keeps fields left out, clears one given as null or blank', () => {
    customer([ana, added])
      .when(command('EditAddress', { addressId: 'a-1', label: null, address: { city: '' } }))
      .then([
        edited([
          { field: 'label', before: 'installation', after: null },
          { field: 'address.city', before: 'Toledo', after: null },
        ]),
      ]);
  });

  it('writes nothing for an edit that changes nothing', () => {
    customer([ana, added])
      .when(command('EditAddress', { addressId: 'a-1', address: { street: 'Calle Luna 2' } }))
      .thenNothingHappens();
  });

  it('refuses clearing the street, as an added address needs one', () => {
    customer([ana, added])
      .when(command('EditAddress', { addressId: 'a-1', address: { street: ' ' } }))
      .thenRefuses('CUSTOMER.INVALID_INPUT', { details: [{ field: 'address.street' }] });
  });

  it('refuses an unknown or removed address', () => {
    customer([ana, added])
      .when(command('EditAddress', { addressId: 'a-2', label: 'x' }))
      .thenRefuses('CUSTOMER.ADDRESS_NOT_FOUND', { message: /no address a-2/ });
    const removed: CustomerEvent = {
      type: 'AddressRemoved',
      data: { customerId: CUSTOMER_ID, addressId: 'a-1' },
    };
    customer([ana, added, removed])
      .when(command('EditAddress', { addressId: 'a-1', label: 'x' }))
      .thenRefuses('CUSTOMER.ADDRESS_NOT_FOUND');
  });

  it("edits an inactive customer's address, and a later edit starts from the edited one", () => {
    const first = edited([{ field: 'address.city', before: 'Toledo', after: 'Bilbao' }]);
    customer([ana, added, first, deactivated()])
      .when(command('EditAddress', { addressId: 'a-1', address: { city: 'Vigo' } }))
      .then([edited([{ field: 'address.city', before: 'Bilbao', after: 'Vigo' }])]);
  });

  it('evolves the address in place, the others untouched', () => {
    const other: CustomerEvent = {
      ...added,
      data: { ...added.data, addressId: 'a-2', label: 'office' },
    } as CustomerEvent;
    const state = [
      ana,
      added,
      other,
      edited([{ field: 'label', before: 'installation', after: 'home' }]),
    ].reduce(evolveCustomer, customerDecider.initialState);
    expect(state.status === 'active' && state.addresses.map((a) => a.label)).toEqual([
      'home',
      'office',
    ]);
  });
});
