import { given } from '../shared/testing/decider-specification';
import { DEFAULT_BILLING_SETTINGS } from './customer.billing';
import { customerDecider } from './customer.decider';
import { CustomerEvent } from './customer.events';
import { EMPTY_ADDRESS } from './customer.profile';
import {
  CUSTOMER_ID,
  deactivated,
  deleted,
  registered,
  REGISTERED_AT,
  VALID_IBAN,
} from './testing/customer.fixtures';

const stateAfter = (...events: CustomerEvent[]) => given(customerDecider)(events).state();
const ana = registered();
const contact: CustomerEvent = {
  type: 'ContactPersonAdded',
  data: {
    customerId: CUSTOMER_ID,
    contactId: 'p-1',
    name: 'Luis',
    role: null,
    email: null,
    phone: null,
    consents: { mailing: true, email: false, sms: false },
  },
};
const address: CustomerEvent = {
  type: 'AddressAdded',
  data: {
    customerId: CUSTOMER_ID,
    addressId: 'a-1',
    label: null,
    address: { ...EMPTY_ADDRESS, street: 'Sol 1' },
  },
};

describe('Customer evolve', () => {
  it('registers an active customer with default billing and no addresses or contacts', () => {
    const { customerId: _id, registeredAt: _at, ...profile } = ana.data;
    expect(stateAfter(ana)).toEqual({
      status: 'active',
      customerId: CUSTOMER_ID,
      registeredAt: REGISTERED_AT,
      profile,
      billing: DEFAULT_BILLING_SETTINGS,
      addresses: [],
      contacts: [],
    });
  });

  it('applies renames, e-mail changes and field-level detail edits', () => {
    const state = stateAfter(
      ana,
      {
        type: 'CustomerRenamed',
        data: {
          customerId: CUSTOMER_ID,
          before: {
            personType: 'natural',
            name: 'Ana García López',
            givenName: 'Ana',
            middleName: null,
            firstSurname: 'García',
            secondSurname: 'López',
          },
          after: {
            personType: 'legal',
            name: 'Ana S.L.',
            givenName: null,
            middleName: null,
            firstSurname: null,
            secondSurname: null,
          },
        },
      },
      {
        type: 'CustomerEmailChanged',
        data: { customerId: CUSTOMER_ID, before: 'ana@example.com', after: 'info@ana.es' },
      },
      {
        type: 'CustomerDetailsEdited',
        data: {
          customerId: CUSTOMER_ID,
          changes: [
            { field: 'address.city', before: 'Madrid', after: 'Cádiz' },
            {
              field: 'document',
              before: ana.data.document,
              after: { type: 'cif', number: 'B12345674' },
            },
            { field: 'zone', before: 'Centro', after: null },
          ],
        },
      },
    );
    expect(state).toMatchObject({
      profile: {
        personType: 'legal',
        name: 'Ana S.L.',
        givenName: null,
        email: 'info@ana.es',
        document: { type: 'cif', number: 'B12345674' },
        address: { street: 'Calle Mayor 1', city: 'Cádiz' },
        zone: null,
      },
    });
  });

  it('replaces the billing settings with the ones recorded', () => {
    const settings = { ...DEFAULT_BILLING_SETTINGS, billingDay: 12, iban: VALID_IBAN };
    const state = stateAfter(ana, {
      type: 'CustomerBillingSettingsChanged',
      data: {
        customerId: CUSTOMER_ID,
        settings,
        changes: [{ field: 'billingDay', before: 1, after: 12 }],
      },
    });
    expect(state).toMatchObject({ billing: settings });
  });

  it('keeps addresses and contacts until removed', () => {
    expect(stateAfter(ana, address, contact)).toMatchObject({
      addresses: [{ addressId: 'a-1', label: null, address: { street: 'Sol 1' } }],
      contacts: [{ contactId: 'p-1', name: 'Luis', consents: { mailing: true } }],
    });
    const removed = stateAfter(
      ana,
      address,
      contact,
      { type: 'AddressRemoved', data: { customerId: CUSTOMER_ID, addressId: 'a-1' } },
      { type: 'ContactPersonRemoved', data: { customerId: CUSTOMER_ID, contactId: 'p-1' } },
    );
    expect(removed).toMatchObject({ addresses: [], contacts: [] });
  });

  it('does not keep interactions: no rule reads them', () => {
    const interaction: CustomerEvent = {
      type: 'InteractionRecorded',
      data: {
        customerId: CUSTOMER_ID,
        interactionId: 'i-1',
        kind: 'note',
        direction: 'internal',
        text: 'hi',
        recordedAt: REGISTERED_AT,
      },
    };
    expect(stateAfter(ana, interaction)).toEqual(stateAfter(ana));
  });

  it('moves between active and inactive, and forgets everything when deleted', () => {
    expect(stateAfter(ana, deactivated('2025-02-01'))).toMatchObject({
      status: 'inactive',
      deactivatedAt: '2025-02-01',
      deactivationReason: 'moved abroad',
    });
    const back = stateAfter(ana, deactivated(), {
      type: 'CustomerReactivated',
      data: { customerId: CUSTOMER_ID, reactivatedAt: '2025-02-03' },
    });
    expect(back).toEqual(stateAfter(ana));
    expect(stateAfter(ana, deleted('2025-02-10'))).toEqual({
      status: 'deleted',
      customerId: CUSTOMER_ID,
      deletedAt: '2025-02-10',
    });
  });

  it('ignores events that cannot apply to the current status', () => {
    const renamedBeforeRegistration: CustomerEvent = {
      type: 'CustomerEmailChanged',
      data: { customerId: CUSTOMER_ID, before: null, after: 'x@example.com' },
    };
    expect(stateAfter(renamedBeforeRegistration)).toEqual({ status: 'unregistered' });
    expect(stateAfter(ana, deleted(), address)).toMatchObject({ status: 'deleted' });
    expect(
      stateAfter(ana, {
        type: 'CustomerReactivated',
        data: { customerId: CUSTOMER_ID, reactivatedAt: 'x' },
      }),
    ).toEqual(stateAfter(ana));
  });
});
