import { given } from '../shared/testing/decider-specification';
import { customerDecider } from './customer.decider';
import { ErasureFacts, personalDataErasureBlockers } from './customer.erasure';
import { command, CUSTOMER_ID, NOW, registered } from './testing/customer.fixtures';

const customer = given(customerDecider);
const nothing: ErasureFacts = { unpaidInvoices: 0, outstandingCents: 0, liveSubscriptions: 0 };
const erase = (facts: ErasureFacts = nothing) =>
  command('EraseCustomerPersonalData', { blockers: personalDataErasureBlockers(facts) });
const erased = {
  type: 'CustomerPersonalDataErased' as const,
  data: { customerId: CUSTOMER_ID, erasedAt: NOW },
};

describe('erasing a customer’s personal data', () => {
  it('records the erasure, with no personal data in the event', () => {
    customer([registered()]).when(erase()).then([erased]);
  });

  it('also erases a deleted customer, whose events still hold its data', () => {
    const deleted = {
      type: 'CustomerDeleted' as const,
      data: { customerId: CUSTOMER_ID, deletedAt: NOW },
    };
    customer([registered(), deleted]).when(erase()).then([erased]);
  });

  it('refuses while an invoice is unpaid or a subscription live, with every reason', () => {
    const error = customer([registered()])
      .when(erase({ unpaidInvoices: 2, outstandingCents: 4235, liveSubscriptions: 1 }))
      .thenRefuses('ERASURE.RETENTION_REQUIRED');
    expect(error.details?.map((detail) => detail.code)).toEqual([
      'ERASURE.UNPAID_INVOICES',
      'ERASURE.LIVE_SUBSCRIPTIONS',
    ]);
    expect(error.message).toContain('42.35 outstanding');
  });

  it('refuses a second erasure and every other command afterwards', () => {
    customer([registered(), erased]).when(erase()).thenRefuses('ERASURE.ALREADY_ERASED');
    customer([registered(), erased])
      .when(command('RecordInteraction', { interactionId: 'i-1', kind: 'call', text: 'hello' }))
      .thenRefuses('CUSTOMER.ERASED');
  });

  it('refuses an unknown customer', () => {
    customer([]).when(erase()).thenRefuses('CUSTOMER.NOT_FOUND');
  });
});
