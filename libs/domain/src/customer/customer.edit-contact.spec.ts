import { given } from '../shared/testing/decider-specification';
import { customerDecider } from './customer.decider';
import { CustomerEvent } from './customer.events';
import { evolveCustomer } from './customer.evolve';
import { command, CUSTOMER_ID, registered } from './testing/customer.fixtures';

const customer = given(customerDecider);
const ana = registered();
const added: CustomerEvent = {
  type: 'ContactPersonAdded',
  data: {
    customerId: CUSTOMER_ID,
    contactId: 'p-1',
    name: 'Luis',
    role: 'son',
    email: null,
    phone: '600000000',
    consents: { mailing: false, email: true, sms: false },
  },
};
const edited = (changes: { field: string; before: unknown; after: unknown }[]) =>
  ({
    type: 'ContactPersonEdited',
    data: { customerId: CUSTOMER_ID, contactId: 'p-1', changes },
  }) as CustomerEvent;

describe('Customer decider: editing a contact person', () => {
  it('records the fields given, each with its before and after; flags left out are kept', () => {
    customer([ana, added])
      .when(
        command('EditContactPerson', {
          contactId: 'p-1',
          name: ' Luis Ruiz ',
          email: ' Luis@Example.com ',
          role: null,
          consents: { sms: true },
        }),
      )
      .then([
        edited([
          { field: 'name', before: 'Luis', after: 'Luis Ruiz' },
          { field: 'role', before: 'son', after: null },
          { field: 'email', before: null, after: 'luis@example.com' },
          { field: 'consents.sms', before: false, after: true },
        ]),
      ]);
  });

  it('writes nothing for an edit that changes nothing', () => {
    customer([ana, added])
      .when(
        command('EditContactPerson', { contactId: 'p-1', name: 'Luis', consents: { email: true } }),
      )
      .thenNothingHappens();
  });

  it('refuses a blank name and a malformed e-mail, naming both fields', () => {
    customer([ana, added])
      .when(command('EditContactPerson', { contactId: 'p-1', name: '  ', email: 'not-an-email' }))
      .thenRefuses('CUSTOMER.INVALID_INPUT', {
        details: [{ field: 'name' }, { field: 'email' }],
      });
  });

  it('refuses an unknown contact person', () => {
    customer([ana, added])
      .when(command('EditContactPerson', { contactId: 'p-2', phone: null }))
      .thenRefuses('CUSTOMER.CONTACT_NOT_FOUND', { message: /no contact person p-2/ });
  });

  it('evolves the contact in place, a later edit starting from the edited one', () => {
    const first = edited([{ field: 'phone', before: '600000000', after: '600111222' }]);
    customer([ana, added, first])
      .when(command('EditContactPerson', { contactId: 'p-1', phone: '600333444' }))
      .then([edited([{ field: 'phone', before: '600111222', after: '600333444' }])]);
    const state = [ana, added, first].reduce(evolveCustomer, customerDecider.initialState);
    expect(state.status === 'active' && state.contacts[0]).toMatchObject({
      contactId: 'p-1',
      name: 'Luis',
      phone: '600111222',
      consents: { mailing: false, email: true, sms: false },
    });
  });
});
