import { foldEvents } from '../shared/decider';
import { given } from '../shared/testing/decider-specification';
import { invoiceStatus, outstandingCents } from './invoice.balance';
import { invoiceDecider } from './invoice.decider';
import { InvoiceRefusal } from './invoice.errors';
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
});
