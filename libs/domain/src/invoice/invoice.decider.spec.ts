import { totalsOf } from '../billing/billing.lines';
import { given } from '../shared/testing/decider-specification';
import { invoiceDecider } from './invoice.decider';
import { InvoiceEvent } from './invoice.events';
import {
  CHARGED_IBAN,
  creditNoteGranted,
  DUE_DATE,
  effectCollected,
  effectCreated,
  effectReturned,
  FORMATTED,
  INVOICE_LINES,
  INVOICE_NOW,
  INVOICE_TOTAL,
  invoiceCommand,
  invoiceEvent,
  invoiceIssued,
  issueCommand,
  line,
  paymentRecorded,
  SNAPSHOT,
} from './testing/invoice.fixtures';

const invoice = given(invoiceDecider);
const issued = (...more: InvoiceEvent[]) => invoice([invoiceIssued(), ...more]);

/** A credit note of `amountCents` net plus 21 % VAT, number 1 of the rectifying series. */
const grant = (amountCents: number, data: { creditNoteId?: string; migrationId?: string } = {}) => {
  const lines = [line(amountCents, { description: 'Correction' })];
  return invoiceCommand('GrantCreditNote', {
    creditNoteId: 'cn-1',
    number: 1,
    reason: ' Service outage ',
    lines,
    totals: totalsOf(lines),
    ...data,
  });
};
const pay = (amountCents: number, paymentId = 'pay-1') =>
  invoiceCommand('RecordPayment', {
    paymentId,
    amountCents,
    method: 'transfer',
    paidAt: '2025-03-10T09:00:00.000Z',
  });

describe('Invoice decider', () => {
  describe('issuing', () => {
    it('issues the invoice numbered in its series, with the snapshot and the signed IBAN', () => {
      invoice().when(issueCommand()).then([invoiceIssued()]);
    });

    it('keeps the customer snapshot trimmed and the IBAN in electronic format', () => {
      invoice()
        .when(
          issueCommand({
            customer: { ...SNAPSHOT, legalName: ' Ana García López ', taxId: ' ' },
            iban: 'es91 2100 0418 4502 0005 1332',
          }),
        )
        .then([invoiceIssued({ customer: { ...SNAPSHOT, taxId: null } })]);
    });

    it('issues without an IBAN when it is not paid by direct debit', () => {
      invoice()
        .when(issueCommand({ iban: null, paymentMethod: 'transfer' }))
        .then([invoiceIssued({ iban: null, paymentMethod: 'transfer' })]);
    });

    it('issues a zero invoice (a 100 % discount), with its lines', () => {
      const lines = [line(3000), line(-3000, { kind: 'discount', description: '100 %' })];
      invoice()
        .when(issueCommand({ lines, totals: totalsOf(lines) }))
        .then([invoiceIssued({ lines, totals: { netCents: 0, vatCents: 0, totalCents: 0 } })]);
    });

    it('refuses an invoice without lines', () => {
      invoice()
        .when(issueCommand({ lines: [], totals: { netCents: 0, vatCents: 0, totalCents: 0 } }))
        .thenRefuses('INVOICE.NO_LINES', { details: [{ field: 'lines' }] });
    });

    it('refuses totals that are not the sum of the lines', () => {
      invoice()
        .when(issueCommand({ totals: { netCents: 3500, vatCents: 735, totalCents: 4236 } }))
        .thenRefuses('INVOICE.TOTALS_MISMATCH', {
          message: /total 42\.35 EUR/,
          details: [{ field: 'totals' }],
        });
    });

    it('refuses a line whose total is not its net plus its VAT', () => {
      const lines = [{ ...INVOICE_LINES[0], totalCents: 3631 }];
      invoice()
        .when(issueCommand({ lines, totals: totalsOf(lines) }))
        .thenRefuses('INVOICE.TOTALS_MISMATCH', { details: [{ field: 'lines[0].totalCents' }] });
    });

    it('refuses a line whose VAT is not its own, rounded to the cent (R11)', () => {
      const lines = [{ ...line(1050), vatCents: 220, totalCents: 1270 }];
      invoice()
        .when(issueCommand({ lines, totals: totalsOf(lines) }))
        .thenRefuses('R11', { message: /is 2\.21 EUR/, details: [{ field: 'lines[0].vatCents' }] });
    });

    it('refuses an invoice that totals less than zero: that is a credit note', () => {
      const lines = [line(-100, { kind: 'discount' })];
      invoice()
        .when(issueCommand({ lines, totals: totalsOf(lines) }))
        .thenRefuses('INVOICE.NEGATIVE_TOTAL');
    });

    it('refuses direct debit without the IBAN of the signature (R4)', () => {
      invoice()
        .when(issueCommand({ iban: ' ' }))
        .thenRefuses('INVOICE.IBAN_REQUIRED', { details: [{ field: 'iban' }] });
    });

    it('refuses an IBAN that fails its check digits (R4)', () => {
      invoice()
        .when(issueCommand({ iban: 'ES9121000418450200051333' }))
        .thenRefuses('R4', { details: [{ field: 'iban' }] });
    });

    it('refuses a series or a number that could not be numbered (R8)', () => {
      invoice()
        .when(issueCommand({ series: 'F 2025' }))
        .thenRefuses('BILLING.INVALID_SERIES');
      invoice()
        .when(issueCommand({ number: 0 }))
        .thenRefuses('R8');
    });

    it('lists every problem of the invoice at once', () => {
      invoice()
        .when(
          issueCommand({
            customerId: '',
            contractId: ' ',
            billingPeriod: { from: '2025-04-01', to: '2025-03-01' },
            cyclePeriod: '2025-13',
            customer: { ...SNAPSHOT, legalName: '' },
            paymentMethod: 'cheque' as 'cash',
            issueDate: '2025-03-01',
            dueDate: '2025-02-28',
          }),
        )
        .thenRefuses('INVOICE.INVALID_INPUT', {
          details: [
            { field: 'customerId' },
            { field: 'contractId' },
            { field: 'billingPeriod' },
            { field: 'cyclePeriod' },
            { field: 'customer.legalName' },
            { field: 'paymentMethod' },
            { field: 'dueDate' },
          ],
        });
    });

    it('refuses to issue the same invoice twice: issued invoices never change (R9)', () => {
      issued()
        .when(issueCommand({ lines: [line(1000)], totals: totalsOf([line(1000)]) }))
        .thenRefuses('INVOICE.ALREADY_ISSUED', { message: /grant a credit note/ });
    });

    it('refuses any other command on an invoice never issued', () => {
      invoice().when(pay(100)).thenRefuses('INVOICE.NOT_FOUND');
      invoice().when(grant(100)).thenRefuses('INVOICE.NOT_FOUND');
    });

    it('treats a command for another invoice as a wiring bug, not a refusal', () => {
      expect(() =>
        invoiceDecider.decide(
          invoiceCommand('RecordPayment', { ...pay(1).data, invoiceId: 'other' }),
          issued().state(),
        ),
      ).toThrow(/decided on the state of invoice/);
    });
  });

  describe('crediting', () => {
    it('grants a credit note in the rectifying series, naming the invoice it rectifies', () => {
      issued()
        .when(grant(1000))
        .then([creditNoteGranted(1000, { grantedAt: INVOICE_NOW, rectifies: FORMATTED })]);
    });

    it('records the migration it credits (R10)', () => {
      issued()
        .when(grant(1000, { migrationId: 'sub-fibre#1' }))
        .then([creditNoteGranted(1000, { migrationId: 'sub-fibre#1' })]);
    });

    it('refuses a second credit note for the same migration (R10)', () => {
      issued(creditNoteGranted(1000, { migrationId: 'sub-fibre#1' }))
        .when(grant(500, { creditNoteId: 'cn-2', migrationId: 'sub-fibre#1' }))
        .thenRefuses('R10', { message: /at most once/ });
    });

    it('credits other migrations and corrections on the same invoice', () => {
      issued(creditNoteGranted(1000, { migrationId: 'sub-fibre#1' }))
        .when(grant(500, { creditNoteId: 'cn-2', migrationId: 'sub-fibre#2' }))
        .then([creditNoteGranted(500, { creditNoteId: 'cn-2', migrationId: 'sub-fibre#2' })]);
    });

    it('credits up to the whole invoice, even once paid: the customer is owed it back', () => {
      issued(paymentRecorded(INVOICE_TOTAL))
        .when(grant(3500))
        .then([creditNoteGranted(3500)]);
    });

    it('refuses a credit beyond what is left to credit (R9)', () => {
      issued(creditNoteGranted(3000))
        .when(grant(501, { creditNoteId: 'cn-2' }))
        .thenRefuses('R9', { message: /only 6\.05 EUR is left/ });
    });

    it('refuses a credit of nothing', () => {
      issued().when(grant(0)).thenRefuses('BILLING.INVALID_CREDIT');
    });

    it('refuses a credit note already granted, and one without a reason or lines', () => {
      issued(creditNoteGranted(100))
        .when(grant(100))
        .thenRefuses('INVOICE.CREDIT_NOTE_ALREADY_GRANTED');
      issued()
        .when({ ...grant(100), data: { ...grant(100).data, reason: ' ' } })
        .thenRefuses('INVOICE.INVALID_INPUT', { details: [{ field: 'reason' }] });
      issued()
        .when({ ...grant(100), data: { ...grant(100).data, lines: [] } })
        .thenRefuses('INVOICE.NO_LINES');
    });
  });

  describe('paying', () => {
    it('records a partial payment and then the rest', () => {
      issued()
        .when(pay(1000))
        .then([paymentRecorded(1000)]);
      issued(paymentRecorded(1000))
        .when(pay(INVOICE_TOTAL - 1000, 'pay-2'))
        .then([paymentRecorded(INVOICE_TOTAL - 1000, 'pay-2')]);
    });

    it('dates the payment now when no date is given', () => {
      issued()
        .when(
          invoiceCommand('RecordPayment', { paymentId: 'pay-1', amountCents: 1, method: 'cash' }),
        )
        .then([
          invoiceEvent('PaymentRecorded', {
            paymentId: 'pay-1',
            amountCents: 1,
            method: 'cash',
            paidAt: INVOICE_NOW,
          }),
        ]);
    });

    it.each([0, -100, 10.5])('refuses a payment of %p cents', (amountCents) => {
      issued()
        .when(pay(amountCents))
        .thenRefuses('INVOICE.INVALID_INPUT', { details: [{ field: 'amountCents' }] });
    });

    it('refuses more than is owed, credits and earlier payments deducted', () => {
      issued()
        .when(pay(INVOICE_TOTAL + 1))
        .thenRefuses('INVOICE.OVERPAYMENT');
      issued(creditNoteGranted(1000), paymentRecorded(2000))
        .when(pay(INVOICE_TOTAL - 1210 - 2000 + 1, 'pay-2'))
        .thenRefuses('INVOICE.OVERPAYMENT', { message: /10\.25 EUR still owed/ });
    });

    it('refuses a payment already recorded and an unknown method', () => {
      issued(paymentRecorded(100)).when(pay(100)).thenRefuses('INVOICE.PAYMENT_ALREADY_RECORDED');
      issued()
        .when(invoiceCommand('RecordPayment', { ...pay(100).data, method: 'bitcoin' as 'cash' }))
        .thenRefuses('INVOICE.INVALID_INPUT', { details: [{ field: 'method' }] });
    });
  });

  describe('direct-debit effects', () => {
    const create = (data: { amountCents?: number; dueDate?: string; effectId?: string } = {}) =>
      invoiceCommand('CreateDirectDebitEffect', { effectId: 'eff-1', ...data });
    const collect = (effectId = 'eff-1') =>
      invoiceCommand('CollectEffect', { effectId, collectedAt: '2025-03-15T09:00:00.000Z' });
    const giveBack = (reason = 'AM04 insufficient funds') =>
      invoiceCommand('ReturnEffect', {
        effectId: 'eff-1',
        reason,
        returnedAt: '2025-03-20T09:00:00.000Z',
      });

    it('creates an effect on the signed IBAN for what is owed, due with the invoice', () => {
      issued()
        .when(create())
        .then([
          invoiceEvent('DirectDebitEffectCreated', {
            effectId: 'eff-1',
            amountCents: INVOICE_TOTAL,
            iban: CHARGED_IBAN,
            dueDate: DUE_DATE,
            createdAt: INVOICE_NOW,
          }),
        ]);
    });

    it('creates an effect for part of it, due another day', () => {
      issued()
        .when(create({ amountCents: 1000, dueDate: '2025-04-01' }))
        .then([
          invoiceEvent('DirectDebitEffectCreated', {
            effectId: 'eff-1',
            amountCents: 1000,
            iban: CHARGED_IBAN,
            dueDate: '2025-04-01',
            createdAt: INVOICE_NOW,
          }),
        ]);
    });

    it('refuses effects beyond what is owed and not already being collected', () => {
      issued(effectCreated(4000))
        .when(create({ effectId: 'eff-2', amountCents: 236 }))
        .thenRefuses('INVOICE.EFFECT_EXCEEDS_OUTSTANDING', { message: /Only 2\.35 EUR/ });
      issued(paymentRecorded(INVOICE_TOTAL))
        .when(create())
        .thenRefuses('INVOICE.EFFECT_EXCEEDS_OUTSTANDING');
    });

    it('refuses an effect on an invoice with no IBAN, a repeated id, or a bad amount', () => {
      invoice([invoiceIssued({ iban: null, paymentMethod: 'transfer' })])
        .when(create())
        .thenRefuses('INVOICE.IBAN_REQUIRED', { message: /rule R4/ });
      issued(effectCreated(100))
        .when(create({ amountCents: 100 }))
        .thenRefuses('INVOICE.EFFECT_ALREADY_CREATED');
      issued()
        .when(create({ amountCents: 0, dueDate: 'soon' }))
        .thenRefuses('INVOICE.INVALID_INPUT', {
          details: [{ field: 'dueDate' }, { field: 'amountCents' }],
        });
    });

    it('collects a pending effect, once', () => {
      issued(effectCreated()).when(collect()).then([effectCollected()]);
      issued(effectCreated(), effectCollected())
        .when(collect())
        .thenRefuses('INVOICE.EFFECT_NOT_PENDING');
      issued(effectCreated()).when(collect('eff-9')).thenRefuses('INVOICE.EFFECT_NOT_FOUND');
    });

    it('records a collection the bank made even if the invoice was paid meanwhile', () => {
      issued(effectCreated(), paymentRecorded(INVOICE_TOTAL))
        .when(collect())
        .then([effectCollected()]);
    });

    it('returns a collected effect, so it is owed again', () => {
      issued(effectCreated(), effectCollected()).when(giveBack()).then([effectReturned()]);
    });

    it('returns an effect the bank rejected before collecting it', () => {
      issued(effectCreated())
        .when(giveBack())
        .then([effectReturned(INVOICE_TOTAL, 'eff-1', false)]);
    });

    it('refuses to return an effect twice, or without a reason', () => {
      issued(effectCreated(), effectReturned())
        .when(giveBack())
        .thenRefuses('INVOICE.EFFECT_ALREADY_RETURNED', { message: /create a new effect/ });
      issued(effectCreated())
        .when(giveBack(''))
        .thenRefuses('INVOICE.INVALID_INPUT', { details: [{ field: 'reason' }] });
    });

    it('charges a returned effect again with a new one', () => {
      issued(effectCreated(), effectCollected(), effectReturned())
        .when(create({ effectId: 'eff-2' }))
        .then([
          invoiceEvent('DirectDebitEffectCreated', {
            effectId: 'eff-2',
            amountCents: INVOICE_TOTAL,
            iban: CHARGED_IBAN,
            dueDate: DUE_DATE,
            createdAt: INVOICE_NOW,
          }),
        ]);
    });
  });
});
