import { given } from '../shared/testing/decider-specification';
import { invoiceDecider } from './invoice.decider';
import { InvoiceEvent } from './invoice.events';
import {
  creditNoteGranted,
  effectCollected,
  effectCreated,
  effectReturned,
  INVOICE_TOTAL,
  invoiceIssued,
  paymentRecorded,
} from './testing/invoice.fixtures';

const stateAfter = (...events: InvoiceEvent[]) => given(invoiceDecider)(events).state();

describe('Invoice evolve', () => {
  it('starts with no invoice', () => {
    expect(stateAfter()).toEqual({ status: 'none' });
  });

  it('keeps everything the invoice was issued with, snapshot included (R15)', () => {
    const { data } = invoiceIssued();
    expect(stateAfter(invoiceIssued())).toEqual({
      status: 'issued',
      ...data,
      creditNotes: [],
      draftCreditNotes: [],
      payments: [],
      effects: [],
      creditTransfers: [],
      cancellation: null,
    });
  });

  it('never changes an issued invoice: a second InvoiceIssued is ignored (R9)', () => {
    const again = invoiceIssued({ formatted: 'F2025-000099', number: 99 });
    expect(stateAfter(invoiceIssued(), again)).toEqual(stateAfter(invoiceIssued()));
  });

  it('ignores anything before the invoice was issued', () => {
    expect(stateAfter(paymentRecorded(100))).toEqual({ status: 'none' });
  });

  it('adds credit notes and payments, oldest first', () => {
    const state = stateAfter(
      invoiceIssued(),
      creditNoteGranted(1000, { migrationId: 'm-1' }),
      paymentRecorded(500),
    );
    expect(state).toMatchObject({
      creditNotes: [{ creditNoteId: 'cn-1', formatted: 'RF2025-000001', migrationId: 'm-1' }],
      payments: [{ paymentId: 'pay-1', amountCents: 500, method: 'transfer' }],
    });
    expect(state).not.toHaveProperty('creditNotes.0.rectifies');
  });

  it('follows an effect from pending to collected to returned', () => {
    const created = stateAfter(invoiceIssued(), effectCreated());
    expect(created).toMatchObject({ effects: [{ status: 'pending', amountCents: INVOICE_TOTAL }] });
    const collected = stateAfter(invoiceIssued(), effectCreated(), effectCollected());
    expect(collected).toMatchObject({
      effects: [{ status: 'collected', collectedAt: '2025-03-15T09:00:00.000Z' }],
    });
    const returned = stateAfter(
      invoiceIssued(),
      effectCreated(),
      effectCollected(),
      effectReturned(),
    );
    expect(returned).toMatchObject({
      effects: [
        {
          status: 'returned',
          collectedAt: '2025-03-15T09:00:00.000Z',
          returnReason: 'AM04 insufficient funds',
        },
      ],
    });
  });

  it('returns an effect never collected with no collection date', () => {
    expect(stateAfter(invoiceIssued(), effectCreated(), effectReturned())).toMatchObject({
      effects: [{ status: 'returned', collectedAt: null }],
    });
  });
});
