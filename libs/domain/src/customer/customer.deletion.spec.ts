import { customerDeletionBlockers } from './customer.deletion';

const nothing = {
  invoicesIssued: 0,
  signedContracts: 0,
  liveSubscriptions: 0,
  subscriptionsWithDiscountsOrExtraCharges: 0,
};

describe('customerDeletionBlockers (R6)', () => {
  it('finds nothing blocking a customer with no invoices, signatures or live subscriptions', () => {
    expect(customerDeletionBlockers(nothing)).toEqual([]);
  });

  it('lists every condition that blocks, each with its own code', () => {
    const blockers = customerDeletionBlockers({
      invoicesIssued: 3,
      signedContracts: 1,
      liveSubscriptions: 2,
      subscriptionsWithDiscountsOrExtraCharges: 1,
    });
    expect(blockers).toEqual([
      { code: 'R6.INVOICES_ISSUED', message: expect.stringContaining('3 invoice(s)') },
      { code: 'R6.SIGNED_CONTRACTS', message: expect.stringContaining('1 contract(s)') },
      { code: 'R6.LIVE_SUBSCRIPTIONS', message: expect.stringContaining('2 subscription(s)') },
      { code: 'R6.DISCOUNTS_OR_EXTRA_CHARGES', message: expect.stringContaining('discounts') },
    ]);
  });

  it('blocks on a single issued invoice alone', () => {
    expect(customerDeletionBlockers({ ...nothing, invoicesIssued: 1 })).toHaveLength(1);
  });
});
