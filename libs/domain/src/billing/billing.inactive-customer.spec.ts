import { invoicesToIssue } from './billing.issuance';
import { BillingProblemCode } from './billing.problems';
import { billingSnapshot, snapshotSubscription } from './testing/billing.snapshot.fixtures';

describe('an inactive customer still billed (R12.INACTIVE_CUSTOMER_BILLABLE)', () => {
  const inactive = (subscriptions = [snapshotSubscription()]) => ({
    ...billingSnapshot({ subscriptions }),
    customerStatus: 'inactive' as const,
  });

  it('lists each billed subscription as a warning, the invoice still issued', () => {
    const second = snapshotSubscription({ subscriptionId: 'sub-mobile' });
    const { invoices, problems } = invoicesToIssue(
      inactive([snapshotSubscription(), second]),
      '2026-02',
    );
    expect(invoices).toHaveLength(1);
    expect(problems).toEqual([
      expect.objectContaining({
        code: BillingProblemCode.inactiveCustomerBillable,
        subscriptionId: 'sub-fibre',
        period: '2026-02',
        blocksIssuance: false,
      }),
      expect.objectContaining({ subscriptionId: 'sub-mobile' }),
    ]);
  });

  it('says nothing of an active customer, nor of an inactive one with nothing to bill', () => {
    expect(invoicesToIssue(billingSnapshot(), '2026-02').problems).toEqual([]);
    expect(invoicesToIssue(inactive([]), '2026-02').problems).toEqual([]);
  });
});
