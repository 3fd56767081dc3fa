import { given } from '../shared/testing/decider-specification';
import { customerDecider } from './customer.decider';
import { CustomerEvent } from './customer.events';
import { command, CUSTOMER_ID, NOW, registered } from './testing/customer.fixtures';

const customer = given(customerDecider);
const norte = { entryId: 'z-1', name: 'Zona Norte' };
const sur = { entryId: 'z-2', name: 'Zona Sur' };
const linkedToNorte: CustomerEvent = {
  type: 'CustomerCatalogLinked',
  data: { customerId: CUSTOMER_ID, links: { zone: norte }, linkedAt: NOW },
};

describe('Customer catalog links (rule 28)', () => {
  it('a registration records the entries chosen with the name as chosen', () => {
    const [event] = customerDecider.decide(
      command('RegisterCustomer', {
        name: 'Bar Pepe',
        zone: 'Zona Norte',
        catalogLinks: { zone: norte },
      }),
      customerDecider.initialState,
    );
    expect(event.data).toMatchObject({ zone: 'Zona Norte', catalogLinks: { zone: norte } });
  });

  it('an edit choosing another entry records it with the details edited', () => {
    customer([registered({ zone: 'Zona Norte', catalogLinks: { zone: norte } })])
      .when(command('EditCustomer', { zone: 'Zona Sur', catalogLinks: { zone: sur } }))
      .then([
        {
          type: 'CustomerDetailsEdited',
          data: {
            customerId: CUSTOMER_ID,
            changes: [{ field: 'zone', before: 'Zona Norte', after: 'Zona Sur' }],
            catalogLinks: { zone: sur },
          },
        },
      ]);
  });

  it('the same entry chosen again decides nothing', () => {
    customer([registered({ zone: 'Zona Norte', catalogLinks: { zone: norte } })])
      .when(command('EditCustomer', { zone: 'Zona Norte', catalogLinks: { zone: norte } }))
      .thenNothingHappens();
  });

  it('free text written before catalogs is linked once, and linking again decides nothing', () => {
    customer([registered({ zone: 'zona norte ' })])
      .when(command('LinkCustomerCatalogs', { links: { zone: norte } }))
      .then([linkedToNorte]);
    customer([registered({ zone: 'zona norte ' }), linkedToNorte])
      .when(command('LinkCustomerCatalogs', { links: { zone: norte } }))
      .thenNothingHappens();
  });

  it('an edit naming the text it already has links it when it was never linked', () => {
    customer([registered({ zone: 'Zona Norte' })])
      .when(command('EditCustomer', { zone: 'Zona Norte', catalogLinks: { zone: norte } }))
      .then([linkedToNorte]);
  });

  it('a cleared zone clears its link', () => {
    customer([registered({ zone: 'Zona Norte', catalogLinks: { zone: norte } })])
      .when(command('EditCustomer', { zone: null, catalogLinks: { zone: null } }))
      .then([
        {
          type: 'CustomerDetailsEdited',
          data: {
            customerId: CUSTOMER_ID,
            changes: [{ field: 'zone', before: 'Zona Norte', after: null }],
            catalogLinks: { zone: null },
          },
        },
      ]);
  });
});
