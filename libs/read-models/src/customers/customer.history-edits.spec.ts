import { CustomerEvent } from '@app/domain';
import { CUSTOMER_ID } from '@app/domain/customer/testing/customer.fixtures';
import { recordedStream } from '../testing/recorded-stream';
import { customerHistoryEntryFor, erasedHistoryLine } from './customer.history-entries';

const lineOf = (event: CustomerEvent) => {
  const [recorded] = recordedStream(`customer-${CUSTOMER_ID}`, [event], { actor: 'operator-1' });
  const entry = customerHistoryEntryFor(recorded);
  if (!entry) throw new Error('no history line');
  return { eventType: event.type, summary: entry.summary, changes: entry.changes };
};

describe('history lines of address and contact edits (pure: no database)', () => {
  const addressEdited = lineOf({
    type: 'AddressEdited',
    data: {
      customerId: CUSTOMER_ID,
      addressId: 'a-1',
      changes: [
        { field: 'label', before: 'installation', after: 'home' },
        { field: 'address.city', before: 'Toledo', after: 'Bilbao' },
      ],
    },
  });
  const contactEdited = lineOf({
    type: 'ContactPersonEdited',
    data: {
      customerId: CUSTOMER_ID,
      contactId: 'p-1',
      changes: [
        { field: 'name', before: 'Luis', after: 'Luis Ruiz' },
        { field: 'consents.sms', before: false, after: true },
      ],
    },
  });

  it('list the changed fields only, before and after, beside the entry id', () => {
    expect(addressEdited).toMatchObject({
      summary: 'Address edited',
      changes: [
        {
          field: 'addresses',
          before: { addressId: 'a-1', label: 'installation', 'address.city': 'Toledo' },
          after: { addressId: 'a-1', label: 'home', 'address.city': 'Bilbao' },
        },
      ],
    });
    expect(contactEdited.changes).toEqual([
      {
        field: 'contacts',
        before: { contactId: 'p-1', name: 'Luis', 'consents.sms': false },
        after: { contactId: 'p-1', name: 'Luis Ruiz', 'consents.sms': true },
      },
    ]);
  });

  it('keep only the entry id once the customer is erased', () => {
    expect(erasedHistoryLine(addressEdited).changes).toEqual([
      { field: 'addresses', before: { addressId: 'a-1' }, after: { addressId: 'a-1' } },
    ]);
    expect(erasedHistoryLine(contactEdited)).toEqual({
      summary: 'Contact person edited',
      changes: [{ field: 'contacts', before: { contactId: 'p-1' }, after: { contactId: 'p-1' } }],
    });
  });
});
