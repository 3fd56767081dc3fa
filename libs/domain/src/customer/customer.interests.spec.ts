import { CatalogState } from '../catalog/catalog.state';
import { given } from '../shared/testing/decider-specification';
import { customerDecider } from './customer.decider';
import { CustomerEvent, InterestRecorded } from './customer.events';
import { command, CUSTOMER_ID, NOW, registered } from './testing/customer.fixtures';

const customer = given(customerDecider);
const ana = registered();
const contactAdded: CustomerEvent = {
  type: 'ContactPersonAdded',
  data: {
    customerId: CUSTOMER_ID,
    contactId: 'p-1',
    name: 'Luis Ruiz',
    role: 'son',
    email: null,
    phone: null,
    consents: { mailing: false, email: false, sms: false },
  },
};
const tariff = (status: 'active' | 'retired' = 'active'): CatalogState => ({
  status,
  entryId: 't-1',
  kind: 'tariff',
  name: 'Fibra 600 Mb',
  terms: null,
  createdAt: NOW,
  retiredAt: status === 'retired' ? NOW : null,
});
const recorded = (data: Partial<InterestRecorded['data']> = {}): InterestRecorded => ({
  type: 'InterestRecorded',
  data: {
    customerId: CUSTOMER_ID,
    interestId: 'n-1',
    product: 'Fibra 1 Gb + TV',
    tariffId: null,
    contactId: null,
    contactName: null,
    shownOn: '2025-03-01',
    notes: null,
    recordedAt: NOW,
    ...data,
  },
});
const edited = (changes: { field: string; before: unknown; after: unknown }[]) =>
  ({
    type: 'InterestEdited',
    data: { customerId: CUSTOMER_ID, interestId: 'n-1', changes, editedAt: NOW },
  }) as CustomerEvent;

describe('Customer decider: interests (seed 003)', () => {
  describe('recording', () => {
    it('records a product as text, shown today (Madrid) by default, nobody named', () => {
      customer([ana])
        .when(command('RecordInterest', { interestId: 'n-1', product: ' Fibra 1 Gb + TV ' }))
        .then([recorded()]);
    });

    it("takes one of the customer's contacts by id, recording its name as who showed it", () => {
      customer([ana, contactAdded])
        .when(
          command('RecordInterest', {
            interestId: 'n-1',
            product: 'Fibra 1 Gb + TV',
            contactId: 'p-1',
            shownOn: '2025-02-20',
            notes: ' Wants it before summer ',
          }),
        )
        .then([
          recorded({
            contactId: 'p-1',
            contactName: 'Luis Ruiz',
            shownOn: '2025-02-20',
            notes: 'Wants it before summer',
          }),
        ]);
    });

    it('takes a free name for someone who is not a contact', () => {
      customer([ana])
        .when(
          command('RecordInterest', {
            interestId: 'n-1',
            product: 'Fibra 1 Gb + TV',
            contactName: 'The neighbour',
          }),
        )
        .then([recorded({ contactName: 'The neighbour' })]);
    });

    it('takes a catalog tariff by id, the product named as the tariff (rule 28)', () => {
      customer([ana])
        .when(command('RecordInterest', { interestId: 'n-1', tariffId: 't-1', tariff: tariff() }))
        .then([recorded({ product: 'Fibra 600 Mb', tariffId: 't-1' })]);
    });

    it('refuses an unknown contact (422, naming contactId) and writes nothing', () => {
      customer([ana, contactAdded])
        .when(command('RecordInterest', { interestId: 'n-1', product: 'Fibra', contactId: 'p-9' }))
        .thenRefuses('CUSTOMER.INTEREST_CONTACT_UNKNOWN', { details: [{ field: 'contactId' }] });
    });

    it('refuses an unknown tariff and a retired one, by rule 28', () => {
      customer([ana])
        .when(command('RecordInterest', { interestId: 'n-1', tariffId: 't-9', tariff: null }))
        .thenRefuses('R28.UNKNOWN', { details: [{ field: 'tariffId' }] });
      customer([ana])
        .when(
          command('RecordInterest', {
            interestId: 'n-1',
            tariffId: 't-1',
            tariff: tariff('retired'),
          }),
        )
        .thenRefuses('R28.RETIRED');
    });

    it('refuses no product, both product forms, both contact forms and an impossible day at once', () => {
      customer([ana])
        .when(command('RecordInterest', { interestId: 'n-1', shownOn: '2026-02-30' }))
        .thenRefuses('CUSTOMER.INVALID_INPUT', {
          details: [{ field: 'product' }, { field: 'shownOn' }],
        });
      customer([ana, contactAdded])
        .when(
          command('RecordInterest', {
            interestId: 'n-1',
            product: 'Fibra',
            tariffId: 't-1',
            tariff: tariff(),
            contactId: 'p-1',
            contactName: 'Luis',
          }),
        )
        .thenRefuses('CUSTOMER.INVALID_INPUT', {
          details: [{ field: 'product' }, { field: 'contactName' }],
        });
    });

    it('refuses a day after today in Madrid', () => {
      customer([ana])
        .when(
          command('RecordInterest', { interestId: 'n-1', product: 'Fibra', shownOn: '2025-03-02' }),
        )
        .thenRefuses('CUSTOMER.INVALID_INPUT', { details: [{ field: 'shownOn' }] });
    });

    it('refuses an id recorded already', () => {
      customer([ana, recorded()])
        .when(command('RecordInterest', { interestId: 'n-1', product: 'Fibra' }))
        .thenRefuses('CUSTOMER.INTEREST_ALREADY_RECORDED');
    });
  });

  describe('editing', () => {
    it('records the fields given, each with its before and after; the rest is kept', () => {
      customer([ana, contactAdded, recorded()])
        .when(
          command('EditInterest', {
            interestId: 'n-1',
            contactId: 'p-1',
            notes: 'Call in June',
          }),
        )
        .then([
          edited([
            { field: 'contactId', before: null, after: 'p-1' },
            { field: 'contactName', before: null, after: 'Luis Ruiz' },
            { field: 'notes', before: null, after: 'Call in June' },
          ]),
        ]);
    });

    it('keeps a retired tariff it holds, and detaches it keeping its name as text', () => {
      const onTariff = recorded({ product: 'Fibra 600 Mb', tariffId: 't-1' });
      customer([ana, onTariff])
        .when(
          command('EditInterest', {
            interestId: 'n-1',
            tariffId: 't-1',
            tariff: tariff('retired'),
          }),
        )
        .thenNothingHappens();
      customer([ana, onTariff])
        .when(command('EditInterest', { interestId: 'n-1', tariffId: null }))
        .then([edited([{ field: 'tariffId', before: 't-1', after: null }])]);
    });

    it('changes nothing when nothing differs', () => {
      customer([ana, recorded()])
        .when(command('EditInterest', { interestId: 'n-1', product: 'Fibra 1 Gb + TV' }))
        .thenNothingHappens();
    });

    it('refuses an unknown interest (404) and a blank product', () => {
      customer([ana])
        .when(command('EditInterest', { interestId: 'n-9', notes: 'x' }))
        .thenRefuses('CUSTOMER.INTEREST_NOT_FOUND');
      customer([ana, recorded()])
        .when(command('EditInterest', { interestId: 'n-1', product: ' ' }))
        .thenRefuses('CUSTOMER.INVALID_INPUT', { details: [{ field: 'product' }] });
    });
  });

  describe('removing', () => {
    it('removes an interest; it is gone from the state', () => {
      const removed: CustomerEvent = {
        type: 'InterestRemoved',
        data: { customerId: CUSTOMER_ID, interestId: 'n-1', removedAt: NOW },
      };
      customer([ana, recorded()])
        .when(command('RemoveInterest', { interestId: 'n-1' }))
        .then([removed]);
      customer([ana, recorded(), removed])
        .when(command('RemoveInterest', { interestId: 'n-1' }))
        .thenRefuses('CUSTOMER.INTEREST_NOT_FOUND');
    });
  });

  it('refuses every interest command on an unknown customer', () => {
    customer([])
      .when(command('RecordInterest', { interestId: 'n-1', product: 'Fibra' }))
      .thenRefuses('CUSTOMER.NOT_FOUND');
  });
});
