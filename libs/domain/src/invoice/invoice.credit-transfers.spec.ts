import { given } from '../shared/testing/decider-specification';
import {
  availableCreditCents,
  outstandingCents,
  paidCents,
  pendingEffectsCents,
} from './invoice.balance';
import { invoiceDecider } from './invoice.decider';
import {
  effectCreated,
  INVOICE_CUSTOMER_ID,
  INVOICE_NOW,
  INVOICE_TOTAL,
  invoiceCommand,
  invoiceEvent,
  invoiceIssued,
  paymentRecorded,
} from './testing/invoice.fixtures';

const invoice = given(invoiceDecider);
const out = (amountCents: number, transferId = 't-1') =>
  invoiceCommand('TransferCreditOut', { transferId, toInvoiceId: 'other', amountCents });
const into = (amountCents: number, fromCustomerId = INVOICE_CUSTOMER_ID, transferId = 't-1') =>
  invoiceCommand('ApplyCreditIn', {
    transferId,
    fromInvoiceId: 'other',
    fromCustomerId,
    amountCents,
  });

describe('Rule 17: available credit moves to the customer’s other invoices', () => {
  // Paid in full, then a 500-cent payment too many arrived by transfer: 500 available.
  const overpaid = [invoiceIssued(), paymentRecorded(INVOICE_TOTAL)];

  it('takes credit in as paid, up to what is owed, and the pending effect follows', () => {
    invoice([invoiceIssued(), effectCreated()])
      .when(into(1000))
      .then([
        invoiceEvent('CreditAppliedIn', {
          transferId: 't-1',
          fromInvoiceId: 'other',
          amountCents: 1000,
          appliedAt: INVOICE_NOW,
        }),
        invoiceEvent('EffectReduced', {
          effectId: 'eff-1',
          fromCents: INVOICE_TOTAL,
          toCents: INVOICE_TOTAL - 1000,
          cause: 'available-credit',
          reason: null,
          reducedAt: INVOICE_NOW,
        }),
      ]);
    const [applied] = invoiceDecider.decide(into(1000), invoice([invoiceIssued()]).state());
    const state = invoice([invoiceIssued(), applied]).state();
    expect(paidCents(state)).toBe(1000);
    expect(outstandingCents(state)).toBe(INVOICE_TOTAL - 1000);
    expect(pendingEffectsCents(state)).toBe(0);
  });

  it('refuses credit beyond what is owed, from another customer, and repeats nothing', () => {
    invoice([invoiceIssued()])
      .when(into(INVOICE_TOTAL + 1))
      .thenRefuses('INVOICE.OVERPAYMENT');
    invoice([invoiceIssued()])
      .when(into(100, 'someone-else'))
      .thenRefuses('INVOICE.CREDIT_OF_ANOTHER_CUSTOMER');
    const [applied] = invoiceDecider.decide(into(100), invoice([invoiceIssued()]).state());
    invoice([invoiceIssued(), applied]).when(into(100)).then([]);
  });

  it('moves out only the credit available, and the source then has none left', () => {
    const credit = invoiceEvent('CreditNoteGranted', {
      creditNoteId: 'cn-1',
      series: 'RF2025',
      number: 1,
      formatted: 'RF2025-000001',
      rectifies: 'F2025-000042',
      reason: 'Outage',
      lines: [],
      totals: { netCents: 500, vatCents: 0, totalCents: 500 },
      grantedAt: INVOICE_NOW,
      migrationId: null,
    });
    const withCredit = [...overpaid, credit];
    expect(availableCreditCents(invoice(withCredit).state())).toBe(500);
    invoice(withCredit).when(out(501)).thenRefuses('INVOICE.CREDIT_NOT_AVAILABLE');
    const [moved] = invoiceDecider.decide(out(500), invoice(withCredit).state());
    expect(moved).toEqual(
      invoiceEvent('CreditTransferredOut', {
        transferId: 't-1',
        toInvoiceId: 'other',
        amountCents: 500,
        transferredAt: INVOICE_NOW,
      }),
    );
    const after = invoice([...withCredit, moved]).state();
    expect(availableCreditCents(after)).toBe(0);
    expect(outstandingCents(after)).toBe(0);
    invoice([...withCredit, moved])
      .when(out(500))
      .then([]);
    invoice([...withCredit, moved])
      .when(out(1, 't-2'))
      .thenRefuses('INVOICE.CREDIT_NOT_AVAILABLE');
  });
});
