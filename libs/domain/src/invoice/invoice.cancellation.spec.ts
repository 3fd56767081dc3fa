import { foldEvents } from '../shared/decider';
import { given } from '../shared/testing/decider-specification';
import { invoiceStatus, outstandingCents } from './invoice.balance';
import { invoiceDecider } from './invoice.decider';
import { InvoiceRefusal } from './invoice.errors';
import { cycleInvoiceIdFor, cycleInvoiceOf, invoiceIdFor, isAnnulled } from './invoice.ids';
import { InvoiceEvent } from './invoice.events';
import {
  creditNoteGranted,
  effectCollected,
  effectCreated,
  FORMATTED,
  INVOICE_NOW,
  INVOICE_TOTAL,
  invoiceCommand,
  invoiceEvent,
  invoiceIssued,
  paymentRecorded,
} from './testing/invoice.fixtures';

const invoice = given(invoiceDecider);
const issued = (...more: InvoiceEvent[]) => invoice([invoiceIssued(), ...more]);
const cancel = (reason = 'Issued by mistake: the customer had left') =>
  invoiceCommand('CancelInvoice', { reason });
const cancelled = invoiceEvent('InvoiceCancelled', {
  formatted: FORMATTED,
  totalCents: INVOICE_TOTAL,
  reason: 'Issued by mistake: the customer had left',
  cancelledAt: INVOICE_NOW,
});

describe('Annulling an invoice issued by mistake (rule 22, RegistroAnulacion)', () => {
  it('annuls an invoice nothing happened to: it owes nothing and keeps its number', () => {
    issued().when(cancel()).then([cancelled]);
    const state = foldEvents(invoiceDecider, [invoiceIssued(), cancelled]);
    expect(outstandingCents(state)).toBe(0);
    expect(invoiceStatus(state, '2030-01-01')).toBe('cancelled');
  });

  it('cancels its pending direct debit with it', () => {
    issued(effectCreated())
      .when(cancel())
      .then([
        invoiceEvent('EffectCancelled', {
          effectId: 'eff-1',
          amountCents: INVOICE_TOTAL,
          cause: 'invoice-cancelled',
          reason: 'Issued by mistake: the customer had left',
          cancelledAt: INVOICE_NOW,
        }),
        cancelled,
      ]);
  });

  it('refuses, every reason listed, once it was paid, credited or collected: a credit note corrects it', () => {
    const error = issued(
      paymentRecorded(100),
      creditNoteGranted(500),
      effectCreated(),
      effectCollected(),
    )
      .when(cancel())
      .thenRefuses(InvoiceRefusal.notCancellable);
    expect(error.details?.map((detail) => detail.message)).toEqual([
      expect.stringContaining('payments'),
      expect.stringContaining('credit notes'),
      expect.stringContaining('collected or returned'),
    ]);
  });

  it('refuses a direct debit already sent in a remittance', () => {
    issued(
      effectCreated(),
      invoiceEvent('EffectRemitted', {
        effectId: 'eff-1',
        remittanceId: 'rem-1',
        remittedAt: INVOICE_NOW,
      }),
    )
      .when(cancel())
      .thenRefuses(InvoiceRefusal.notCancellable, { message: /remittance/ });
  });

  it('needs a reason, and takes nothing once annulled', () => {
    issued().when(cancel('  ')).thenRefuses(InvoiceRefusal.invalidInput);
    issued(cancelled).when(cancel()).thenRefuses(InvoiceRefusal.cancelled);
    issued(cancelled)
      .when(invoiceCommand('RecordPayment', { paymentId: 'p', amountCents: 100, method: 'cash' }))
      .thenRefuses(InvoiceRefusal.cancelled);
  });

  describe('hands its cycle back to the billing run (rule R7: one standing invoice per contract and cycle)', () => {
    it('an annulled invoice no longer holds its cycle; one paid, credited or standing does', () => {
      expect(isAnnulled(foldEvents(invoiceDecider, [invoiceIssued(), cancelled]))).toBe(true);
      expect(isAnnulled(foldEvents(invoiceDecider, [invoiceIssued()]))).toBe(false);
      expect(
        isAnnulled(foldEvents(invoiceDecider, [invoiceIssued(), creditNoteGranted(500)])),
      ).toBe(false);
      expect(isAnnulled(invoiceDecider.initialState)).toBe(false);
    });

    it('the cycle is invoiced again under the next id of the cycle, the same for every run', () => {
      const first = cycleInvoiceIdFor('contract-1', '2030-01', 0);
      const second = cycleInvoiceIdFor('contract-1', '2030-01', 1);
      expect(first).toBe(invoiceIdFor('contract-1', '2030-01'));
      expect(second).not.toBe(first);
      expect(cycleInvoiceIdFor('contract-1', '2030-01', 1)).toBe(second);
      expect(cycleInvoiceIdFor('contract-1', '2030-02', 1)).not.toBe(second);
      expect(() => cycleInvoiceIdFor('contract-1', '2030-01', -1)).toThrow(RangeError);
    });

    it('the invoice holding a cycle is its first id not annulled', () => {
      const annulled = new Set([cycleInvoiceIdFor('c', '2030-01', 0)]);
      expect(cycleInvoiceOf('c', '2030-01', (id) => annulled.has(id))).toBe(
        cycleInvoiceIdFor('c', '2030-01', 1),
      );
      annulled.add(cycleInvoiceIdFor('c', '2030-01', 1));
      expect(cycleInvoiceOf('c', '2030-01', (id) => annulled.has(id))).toBe(
        cycleInvoiceIdFor('c', '2030-01', 2),
      );
      expect(cycleInvoiceOf('c', '2030-02', (id) => annulled.has(id))).toBe(
        invoiceIdFor('c', '2030-02'),
      );
    });
  });
});
