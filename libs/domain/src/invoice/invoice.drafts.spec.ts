import { totalsOf } from '../billing/billing.lines';
import { given } from '../shared/testing/decider-specification';
import { invoiceDecider } from './invoice.decider';
import { InvoiceEvent } from './invoice.events';
import {
  creditNoteGranted,
  INVOICE_ID,
  INVOICE_NUMBER,
  INVOICE_NOW,
  invoiceCommand,
  invoiceEvent,
  invoiceIssued,
  issueCommand,
  line,
} from './testing/invoice.fixtures';

const invoice = given(invoiceDecider);

/** The draft of the fixture invoice: everything `InvoiceIssued` says but its number. */
function drafted() {
  const { number: _n, formatted: _f, ...content } = invoiceIssued().data;
  return invoiceEvent('InvoiceDrafted', content);
}
function draftCommand() {
  const { number: _n, ...data } = issueCommand().data;
  return invoiceCommand('DraftInvoice', data);
}
const issueDraft = (number = INVOICE_NUMBER) =>
  invoiceCommand('IssueDraftInvoice', { invoiceId: INVOICE_ID, number });

const creditLines = (amountCents: number) => [line(amountCents, { description: 'Correction' })];
const draftCredit = (
  amountCents: number,
  data: { creditNoteId?: string; migrationId?: string } = {},
) =>
  invoiceCommand('DraftCreditNote', {
    creditNoteId: 'cn-1',
    reason: 'Service outage',
    lines: creditLines(amountCents),
    totals: totalsOf(creditLines(amountCents)),
    ...data,
  });
function creditDrafted(
  amountCents: number,
  data: { creditNoteId?: string; migrationId?: string } = {},
) {
  const {
    number: _n,
    formatted: _f,
    rectifies: _r,
    ...content
  } = creditNoteGranted(amountCents, {
    grantedAt: INVOICE_NOW,
    ...data,
  }).data;
  return invoiceEvent('CreditNoteDrafted', content);
}
const grantDraft = (number = 1, creditNoteId = 'cn-1') =>
  invoiceCommand('GrantDraftCreditNote', { invoiceId: INVOICE_ID, creditNoteId, number });

describe('Invoice drafts: numbers are only taken by documents that can always be issued (R8)', () => {
  describe('drafting an invoice', () => {
    it('fixes the priced invoice without a number', () => {
      invoice().when(draftCommand()).then([drafted()]);
    });

    it('checks it as fully as an issue: a bad series is refused before any number is taken', () => {
      const { number: _n, ...data } = issueCommand({ series: 'bad series!' }).data;
      invoice().when(invoiceCommand('DraftInvoice', data)).thenRefuses('BILLING.INVALID_SERIES');
    });

    it('refuses a second draft of the same invoice (one per contract and cycle, R7)', () => {
      invoice([drafted()]).when(draftCommand()).thenRefuses('INVOICE.ALREADY_ISSUED');
    });

    it('refuses to draft an invoice already issued', () => {
      invoice([invoiceIssued()]).when(draftCommand()).thenRefuses('INVOICE.ALREADY_ISSUED');
    });
  });

  describe('issuing a draft', () => {
    it('issues exactly what was drafted, under the number given', () => {
      invoice([drafted()]).when(issueDraft()).then([invoiceIssued()]);
    });

    it('is the same invoice a direct issue gives', () => {
      const direct = invoiceDecider.decide(issueCommand(), invoiceDecider.initialState);
      const viaDraft = invoiceDecider.decide(
        issueDraft(),
        invoiceDecider.evolve(invoiceDecider.initialState, drafted()),
      );
      expect(viaDraft).toEqual(direct);
    });

    it('does nothing when retried under the same number', () => {
      invoice([drafted(), invoiceIssued()]).when(issueDraft()).then([]);
    });

    it('refuses another number for an issued invoice', () => {
      invoice([drafted(), invoiceIssued()])
        .when(issueDraft(INVOICE_NUMBER + 1))
        .thenRefuses('INVOICE.ALREADY_ISSUED');
    });

    it('refuses to issue a draft that does not exist', () => {
      invoice().when(issueDraft()).thenRefuses('INVOICE.NOT_FOUND');
    });
  });

  describe('while drafted', () => {
    it('cannot be paid, credited or charged', () => {
      const pay = invoiceCommand('RecordPayment', {
        paymentId: 'pay-1',
        amountCents: 100,
        method: 'transfer',
      });
      invoice([drafted()]).when(pay).thenRefuses('INVOICE.NOT_ISSUED');
      invoice([drafted()]).when(draftCredit(100)).thenRefuses('INVOICE.NOT_ISSUED');
    });
  });

  describe('credit notes in two steps', () => {
    const issued = (...more: InvoiceEvent[]) => invoice([drafted(), invoiceIssued(), ...more]);

    it('drafts a credit note without a number, in the rectifying series', () => {
      issued()
        .when(draftCredit(1000))
        .then([creditDrafted(1000)]);
    });

    it('grants the draft as a direct grant would', () => {
      issued(creditDrafted(1000))
        .when(grantDraft())
        .then([creditNoteGranted(1000)]);
    });

    it('does nothing when the grant is retried under the same number', () => {
      issued(creditDrafted(1000), creditNoteGranted(1000)).when(grantDraft()).then([]);
    });

    it('counts a drafted credit against the total, so two credits cannot both pass (R9)', () => {
      // The fixture invoice totals 42.35 EUR: 35.00 net + 21 % VAT.
      issued(creditDrafted(3000))
        .when(draftCredit(1000, { creditNoteId: 'cn-2' }))
        .thenRefuses('R9');
    });

    it('credits a migration once, drafted or granted (R10)', () => {
      issued(creditDrafted(500, { migrationId: 'm-1' }))
        .when(draftCredit(500, { creditNoteId: 'cn-2', migrationId: 'm-1' }))
        .thenRefuses('R10');
    });

    it('refuses to grant a credit note never drafted', () => {
      issued().when(grantDraft(1, 'cn-9')).thenRefuses('INVOICE.CREDIT_NOTE_NOT_FOUND');
    });
  });
});
