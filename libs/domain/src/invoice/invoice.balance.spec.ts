import { given } from '../shared/testing/decider-specification';
import {
  availableCreditCents,
  creditedCents,
  invoiceStatus,
  invoiceStatusAt,
  outstandingCents,
  paidCents,
  pendingEffectsCents,
  remainingCreditableCents,
} from './invoice.balance';
import { invoiceDecider } from './invoice.decider';
import { InvoiceEvent } from './invoice.events';
import {
  creditNoteGranted,
  DUE_DATE,
  effectCollected,
  effectCreated,
  effectReturned,
  INVOICE_TOTAL,
  invoiceIssued,
  paymentRecorded,
} from './testing/invoice.fixtures';

const stateAfter = (...events: InvoiceEvent[]) => given(invoiceDecider)(events).state();
const BEFORE_DUE = '2025-03-10';
const AFTER_DUE = '2025-03-16';

describe('Invoice balance', () => {
  it('owes nothing and is a draft before it is issued', () => {
    const none = stateAfter();
    expect([outstandingCents(none), creditedCents(none), paidCents(none)]).toEqual([0, 0, 0]);
    expect(invoiceStatus(none, BEFORE_DUE)).toBe('draft');
  });

  it('is pending until due, overdue the day after, with all of it owed', () => {
    const state = stateAfter(invoiceIssued());
    expect(outstandingCents(state)).toBe(INVOICE_TOTAL);
    expect(invoiceStatus(state, BEFORE_DUE)).toBe('pending');
    expect(invoiceStatus(state, DUE_DATE)).toBe('pending');
    expect(invoiceStatus(state, AFTER_DUE)).toBe('overdue');
  });

  it('is partial once part is paid, and overdue if the rest is late', () => {
    const state = stateAfter(invoiceIssued(), paymentRecorded(1000));
    expect(paidCents(state)).toBe(1000);
    expect(outstandingCents(state)).toBe(INVOICE_TOTAL - 1000);
    expect(invoiceStatus(state, BEFORE_DUE)).toBe('partial');
    expect(invoiceStatus(state, AFTER_DUE)).toBe('overdue');
  });

  it('deducts credit notes from what is owed without calling them payments', () => {
    const state = stateAfter(invoiceIssued(), creditNoteGranted(1000));
    expect(creditedCents(state)).toBe(1210);
    expect(remainingCreditableCents(state)).toBe(INVOICE_TOTAL - 1210);
    expect(outstandingCents(state)).toBe(INVOICE_TOTAL - 1210);
    expect(invoiceStatus(state, BEFORE_DUE)).toBe('pending');
  });

  it('is paid when nothing is outstanding, whatever the date', () => {
    const state = stateAfter(invoiceIssued(), creditNoteGranted(1000), paymentRecorded(3025));
    expect(outstandingCents(state)).toBe(0);
    expect(invoiceStatus(state, AFTER_DUE)).toBe('paid');
    const zero = stateAfter(invoiceIssued({ totals: { netCents: 0, vatCents: 0, totalCents: 0 } }));
    expect(invoiceStatus(zero, AFTER_DUE)).toBe('paid');
  });

  it('counts collected effects as paid, pending ones not, returned ones owed again', () => {
    const pending = stateAfter(invoiceIssued(), effectCreated());
    expect([pendingEffectsCents(pending), paidCents(pending)]).toEqual([INVOICE_TOTAL, 0]);
    const collected = stateAfter(invoiceIssued(), effectCreated(), effectCollected());
    expect([pendingEffectsCents(collected), paidCents(collected)]).toEqual([0, INVOICE_TOTAL]);
    expect(invoiceStatus(collected, AFTER_DUE)).toBe('paid');
    const returned = stateAfter(
      invoiceIssued(),
      effectCreated(),
      effectCollected(),
      effectReturned(),
    );
    expect(outstandingCents(returned)).toBe(INVOICE_TOTAL);
    expect(invoiceStatus(returned, AFTER_DUE)).toBe('overdue');
  });

  it('shows a credit on a paid invoice as money owed back, never as negative debt', () => {
    const state = stateAfter(
      invoiceIssued(),
      paymentRecorded(INVOICE_TOTAL),
      creditNoteGranted(1000),
    );
    expect(outstandingCents(state)).toBe(0);
    expect(availableCreditCents(state)).toBe(1210);
  });

  it('tells the day in the tenant’s zone from an instant', () => {
    const state = stateAfter(invoiceIssued());
    // 23:30 UTC on the due date is already the next day in Madrid.
    expect(invoiceStatusAt(state, '2025-03-15T22:30:00Z')).toBe('pending');
    expect(invoiceStatusAt(state, '2025-03-15T23:30:00Z')).toBe('overdue');
    expect(invoiceStatusAt(state, '2025-03-15T23:30:00Z', 'UTC')).toBe('pending');
  });

  it('refuses a day that is not a calendar date', () => {
    expect(() => invoiceStatus(stateAfter(invoiceIssued()), '2025-03-15T10:00:00Z')).toThrow(
      RangeError,
    );
  });
});
