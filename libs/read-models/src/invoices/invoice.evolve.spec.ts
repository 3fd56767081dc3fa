import {
  InvoiceCommand,
  availableCreditCents,
  creditedCents,
  InvoiceDocumentEvent,
  invoiceDecider,
  outstandingCents,
  paidCents,
  pendingEffectsCents,
} from '@app/domain';
import {
  CHARGED_IBAN,
  creditNoteGranted,
  effectCollected,
  effectCreated,
  effectReturned,
  FORMATTED,
  INVOICE_ID,
  INVOICE_TOTAL,
  invoiceCommand,
  invoiceEvent,
  invoiceIssued,
  paymentRecorded,
} from '@app/domain/invoice/testing/invoice.fixtures';
import { foldRow, recordedStream } from '../testing/recorded-stream';
import { evolveInvoiceRow } from './invoice.evolve';

const stream = (...events: InvoiceDocumentEvent[]) =>
  recordedStream(`invoice-${INVOICE_ID}`, events);

/** `history` and what the decider decides for `command` on it (rule 17 follows on its own). */
function decided(history: InvoiceDocumentEvent[], command: InvoiceCommand): InvoiceDocumentEvent[] {
  const state = history.reduce(invoiceDecider.evolve, invoiceDecider.initialState);
  return [...history, ...(invoiceDecider.decide(command, state) as InvoiceDocumentEvent[])];
}
const pay = (amountCents: number) =>
  invoiceCommand('RecordPayment', { paymentId: 'pay-9', amountCents, method: 'cash' });
const remitted = invoiceEvent('EffectRemitted', {
  effectId: 'eff-1',
  remittanceId: 'rem-1',
  remittedAt: '2025-03-04T09:00:00.000Z',
});

const HISTORIES: Record<string, InvoiceDocumentEvent[]> = {
  issued: [invoiceIssued()],
  'partly paid': [invoiceIssued(), paymentRecorded(1000)],
  'credited beyond what is owed': [invoiceIssued(), paymentRecorded(4000), creditNoteGranted(500)],
  'effect pending': [invoiceIssued(), effectCreated()],
  'effect collected': [invoiceIssued(), effectCreated(), effectCollected()],
  'collected effect returned': [
    invoiceIssued(),
    effectCreated(),
    effectCollected(),
    effectReturned(),
  ],
  'pending effect returned': [
    invoiceIssued(),
    effectCreated(),
    effectReturned(INVOICE_TOTAL, 'eff-1', false),
  ],
  'effect reduced by a payment (rule 17)': decided([invoiceIssued(), effectCreated()], pay(1000)),
  'effect cancelled by a payment in full': decided(
    [invoiceIssued(), effectCreated()],
    pay(INVOICE_TOTAL),
  ),
  'effect reduced by an operator': decided(
    [invoiceIssued(), effectCreated()],
    invoiceCommand('ReduceEffect', { effectId: 'eff-1', amountCents: 100, reason: 'agreed' }),
  ),
  'remitted effect over-collected after a payment': [
    ...decided([invoiceIssued(), effectCreated(), remitted], pay(1000)),
    effectCollected(),
  ],
};

describe('evolveInvoiceRow (pure: no database)', () => {
  it('an issue opens the row: totals, the IBAN masked, nothing paid yet', () => {
    const row = foldRow(evolveInvoiceRow, stream(invoiceIssued()));
    expect(row).toMatchObject({
      id: INVOICE_ID,
      formatted: FORMATTED,
      totalCents: INVOICE_TOTAL,
      paidCents: 0,
      outstandingCents: INVOICE_TOTAL,
      maskedIban: expect.stringMatching(/\*/),
      lastRevision: 0,
    });
    expect(JSON.stringify(row)).not.toContain(CHARGED_IBAN);
  });

  it.each(Object.entries(HISTORIES))(
    'has the figures the domain computes for the same history (%s)',
    (_, history) => {
      const state = history.reduce(invoiceDecider.evolve, invoiceDecider.initialState);
      const row = foldRow(evolveInvoiceRow, stream(...history));
      expect(row).toMatchObject({
        creditedCents: creditedCents(state),
        paidCents: paidCents(state),
        outstandingCents: outstandingCents(state),
        availableCreditCents: availableCreditCents(state),
        pendingEffectsCents: pendingEffectsCents(state),
        lastRevision: history.length - 1,
      });
    },
  );

  it('lists the payments, and ignores an issue it already holds and events before one', () => {
    const events = stream(invoiceIssued(), paymentRecorded(1000, 'pay-1'));
    const row = foldRow(evolveInvoiceRow, events);
    expect(row?.payments).toEqual([
      {
        paymentId: 'pay-1',
        amountCents: 1000,
        method: 'transfer',
        paidAt: '2025-03-10T09:00:00.000Z',
      },
    ]);
    expect(evolveInvoiceRow(row, events[0])).toBe(row);
    expect(evolveInvoiceRow(null, events[1])).toBeNull();
  });
});
