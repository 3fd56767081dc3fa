import { totalsOf } from '../billing/billing.lines';
import { given } from '../shared/testing/decider-specification';
import { availableCreditCents, outstandingCents, pendingEffectsCents } from './invoice.balance';
import { invoiceDecider } from './invoice.decider';
import { InvoiceEvent } from './invoice.events';
import {
  creditNoteGranted,
  effectCollected,
  effectCreated,
  INVOICE_NOW,
  INVOICE_TOTAL,
  invoiceCommand,
  invoiceEvent,
  invoiceIssued,
  line,
  paymentRecorded,
} from './testing/invoice.fixtures';

const invoice = given(invoiceDecider);
const issued = (...more: InvoiceEvent[]) => invoice([invoiceIssued(), ...more]);

const pay = (amountCents: number, paymentId = 'pay-1') =>
  invoiceCommand('RecordPayment', { paymentId, amountCents, method: 'transfer' });
const grant = (netCents: number) => {
  const lines = [line(netCents, { description: 'Correction' })];
  return invoiceCommand('GrantCreditNote', {
    creditNoteId: 'cn-1',
    number: 1,
    reason: 'Service outage',
    lines,
    totals: totalsOf(lines),
  });
};
/** The payment `pay` records, dated when the command was issued. */
const paidNow = (amountCents: number) =>
  invoiceEvent('PaymentRecorded', {
    paymentId: 'pay-1',
    amountCents,
    method: 'transfer',
    paidAt: INVOICE_NOW,
  });
const remitted = (effectId = 'eff-1', remittanceId = 'rem-1') =>
  invoiceEvent('EffectRemitted', { effectId, remittanceId, remittedAt: INVOICE_NOW });
const reduced = (
  fromCents: number,
  toCents: number,
  cause: 'payment' | 'credit-note' | 'collection',
  effectId = 'eff-1',
) =>
  invoiceEvent('EffectReduced', {
    effectId,
    fromCents,
    toCents,
    cause,
    reason: null,
    reducedAt: INVOICE_NOW,
  });
const cancelled = (
  amountCents: number,
  cause: 'payment' | 'credit-note' | 'collection',
  effectId = 'eff-1',
) =>
  invoiceEvent('EffectCancelled', {
    effectId,
    amountCents,
    cause,
    reason: null,
    cancelledAt: INVOICE_NOW,
  });

describe('Rule 17: direct-debit effects follow what is owed', () => {
  describe('an effect not yet remitted', () => {
    it('is reduced by a payment to what is still owed', () => {
      issued(effectCreated())
        .when(pay(1000))
        .then([paidNow(1000), reduced(INVOICE_TOTAL, INVOICE_TOTAL - 1000, 'payment')]);
    });

    it('is reduced by a credit note, VAT included', () => {
      const credit = creditNoteGranted(1000, { grantedAt: INVOICE_NOW });
      issued(effectCreated())
        .when(grant(1000))
        .then([credit, reduced(INVOICE_TOTAL, INVOICE_TOTAL - 1210, 'credit-note')]);
    });

    it('is cancelled when nothing is left owing', () => {
      const state = issued(effectCreated()).when(pay(INVOICE_TOTAL));
      state.then([paidNow(INVOICE_TOTAL), cancelled(INVOICE_TOTAL, 'payment')]);
    });

    it('leaves the older effect whole and reduces the newer first', () => {
      issued(effectCreated(3000, 'eff-1'), effectCreated(INVOICE_TOTAL - 3000, 'eff-2'))
        .when(pay(500))
        .then([
          paidNow(500),
          reduced(INVOICE_TOTAL - 3000, INVOICE_TOTAL - 3500, 'payment', 'eff-2'),
        ]);
    });

    it('is left alone while it asks for no more than is owed', () => {
      issued(effectCreated(2000))
        .when(pay(1000))
        .then([paidNow(1000)]);
    });

    it('keeps its amount when an effect at the bank is collected: the rest of what is owed is still its own', () => {
      issued(
        effectCreated(2000, 'eff-1'),
        remitted('eff-1'),
        paymentRecorded(500),
        effectCreated(INVOICE_TOTAL - 2500, 'eff-2'),
      )
        .when(invoiceCommand('CollectEffect', { effectId: 'eff-1', collectedAt: INVOICE_NOW }))
        .then([
          invoiceEvent('EffectCollected', {
            effectId: 'eff-1',
            amountCents: 2000,
            collectedAt: INVOICE_NOW,
          }),
        ]);
    });
  });

  describe('an effect already in a remittance', () => {
    it('is not changed by a payment: what it over-collects becomes available credit', () => {
      const spec = issued(effectCreated(), remitted());
      spec.when(pay(1000)).then([paidNow(1000)]);
      const after = invoice([
        invoiceIssued(),
        effectCreated(),
        remitted(),
        paymentRecorded(1000),
        effectCollected(),
      ]).state();
      expect(outstandingCents(after)).toBe(0);
      expect(availableCreditCents(after)).toBe(1000);
    });

    it('refuses an operator reduction or cancellation (R17)', () => {
      issued(effectCreated(), remitted())
        .when(
          invoiceCommand('ReduceEffect', { effectId: 'eff-1', amountCents: 100, reason: 'agreed' }),
        )
        .thenRefuses('R17', { message: /went to the bank in remittance rem-1/ });
      issued(effectCreated(), remitted())
        .when(invoiceCommand('CancelEffect', { effectId: 'eff-1', reason: 'agreed' }))
        .thenRefuses('R17');
    });

    it('is in one remittance only (R18); remitting it again into the same one changes nothing', () => {
      issued(effectCreated(), remitted())
        .when(invoiceCommand('RemitEffect', { effectId: 'eff-1', remittanceId: 'rem-2' }))
        .thenRefuses('R18', { message: /already in remittance rem-1/ });
      issued(effectCreated(), remitted())
        .when(invoiceCommand('RemitEffect', { effectId: 'eff-1', remittanceId: 'rem-1' }))
        .then([]);
    });
  });

  describe('by hand', () => {
    it('an operator reduces a pending effect, with the reason', () => {
      issued(effectCreated())
        .when(
          invoiceCommand('ReduceEffect', {
            effectId: 'eff-1',
            amountCents: 2000,
            reason: ' Agreed instalments ',
          }),
        )
        .then([
          invoiceEvent('EffectReduced', {
            effectId: 'eff-1',
            fromCents: INVOICE_TOTAL,
            toCents: 2000,
            cause: 'operator',
            reason: 'Agreed instalments',
            reducedAt: INVOICE_NOW,
          }),
        ]);
    });

    it('refuses a reduction to the same amount or more, to nothing, or without a reason', () => {
      const reduce = (amountCents: number, reason = 'agreed') =>
        invoiceCommand('ReduceEffect', { effectId: 'eff-1', amountCents, reason });
      issued(effectCreated())
        .when(reduce(INVOICE_TOTAL))
        .thenRefuses('INVOICE.EFFECT_REDUCTION_INVALID');
      issued(effectCreated())
        .when(reduce(0))
        .thenRefuses('INVOICE.INVALID_INPUT', { details: [{ field: 'amountCents' }] });
      issued(effectCreated())
        .when(reduce(100, ' '))
        .thenRefuses('INVOICE.INVALID_INPUT', { details: [{ field: 'reason' }] });
    });

    it('an operator cancels a pending effect; a collected one cannot be', () => {
      issued(effectCreated())
        .when(invoiceCommand('CancelEffect', { effectId: 'eff-1', reason: 'Paid at the office' }))
        .then([
          invoiceEvent('EffectCancelled', {
            effectId: 'eff-1',
            amountCents: INVOICE_TOTAL,
            cause: 'operator',
            reason: 'Paid at the office',
            cancelledAt: INVOICE_NOW,
          }),
        ]);
      issued(effectCreated(), effectCollected())
        .when(invoiceCommand('CancelEffect', { effectId: 'eff-1', reason: 'x' }))
        .thenRefuses('INVOICE.EFFECT_NOT_PENDING');
    });

    it('a cancelled effect no longer counts as pending, so a new one may be created', () => {
      const state = invoice([
        invoiceIssued(),
        effectCreated(),
        cancelled(INVOICE_TOTAL, 'payment'),
      ]).state();
      expect(pendingEffectsCents(state)).toBe(0);
      issued(effectCreated(), cancelled(INVOICE_TOTAL, 'payment'))
        .when(invoiceCommand('CreateDirectDebitEffect', { effectId: 'eff-2' }))
        .then([
          {
            ...effectCreated(INVOICE_TOTAL, 'eff-2'),
            data: { ...effectCreated(INVOICE_TOTAL, 'eff-2').data, createdAt: INVOICE_NOW },
          },
        ]);
    });
  });

  it("the issue's case: 36.30 € by direct debit, a 10.00 € net credit note and a 10.00 € transfer leave the effect asking 14.20 €", () => {
    const lines = [line(3000, { description: 'Fibra 300' })];
    const history: InvoiceEvent[] = [
      invoiceIssued({ lines, totals: totalsOf(lines) }),
      effectCreated(3630),
    ];
    const afterCredit = [
      ...history,
      ...invoiceDecider.decide(grant(1000), invoice(history).state()),
    ];
    const afterPayment = [
      ...afterCredit,
      ...invoiceDecider.decide(pay(1000), invoice(afterCredit).state()),
    ];
    const state = invoice(afterPayment).state();
    expect(outstandingCents(state)).toBe(1420);
    expect(pendingEffectsCents(state)).toBe(1420);
    expect(availableCreditCents(state)).toBe(0);
  });
});
