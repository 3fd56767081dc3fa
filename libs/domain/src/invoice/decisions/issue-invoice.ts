import { addDays, daysBetween, isPlainDate, PlainDate } from '../../billing/billing.calendar';
import { assertInvoiceSeries, formatInvoiceNumber } from '../../billing/billing.invoice-numbering';
import { PAYMENT_METHODS } from '../../customer/customer.billing';
import { ADDRESS_FIELDS, PostalAddress } from '../../customer/customer.profile';
import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { Iban } from '../../values/iban';
import { DraftInvoice, IssueDraftInvoice, IssueInvoice } from '../invoice.commands';
import { InvoiceRefusal, invoiceNotFound } from '../invoice.errors';
import { InvoiceDrafted, InvoiceIssued } from '../invoice.events';
import { InvoiceState } from '../invoice.state';
import { isSimplifiedOverLimit, simplifiedOverLimitMessage } from '../invoice.simplified';
import { InvoiceCustomerSnapshot, InvoiceIssuerSnapshot } from '../invoice.terms';
import {
  checkDay,
  checkLines,
  collectRefusal,
  invalid,
  optionalText,
  requireText,
} from './invoice-inputs';

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

type InvoiceContent = Omit<IssueInvoice['data'], 'number'>;

/** Every problem with the invoice is listed at once; an invoice is issued once, never changed (R9). */
export function issueInvoice(command: IssueInvoice, state: InvoiceState): InvoiceIssued[] {
  refuseIfDraftedOrIssued(command.data.invoiceId, state);
  const problems: RefusalReason[] = [];
  const { series, number } = command.data;
  const formatted = collectRefusal(
    () => formatInvoiceNumber(assertInvoiceSeries(series, 'series'), number),
    problems,
  );
  const content = checkedContent(command.data, problems);
  refuseIfAny(problems);
  return [{ type: 'InvoiceIssued', data: { ...content, number, formatted: formatted as string } }];
}

/**
 * The billing run's first step (R8): the invoice checked exactly as `issueInvoice` checks it,
 * its series included, so that numbering the draft later can never be refused.
 */
export function draftInvoice(command: DraftInvoice, state: InvoiceState): InvoiceDrafted[] {
  refuseIfDraftedOrIssued(command.data.invoiceId, state);
  const problems: RefusalReason[] = [];
  collectRefusal(() => assertInvoiceSeries(command.data.series, 'series'), problems);
  const content = checkedContent(command.data, problems);
  refuseIfAny(problems);
  return [{ type: 'InvoiceDrafted', data: content }];
}

/** Numbers the draft; issuing it again under the same number is a retry and does nothing. */
export function issueDraftInvoice(
  command: IssueDraftInvoice,
  state: InvoiceState,
): InvoiceIssued[] {
  const { invoiceId, number, issueDate } = command.data;
  if (state.status === 'none') throw invoiceNotFound(invoiceId);
  if (state.status === 'issued') {
    if (state.number === number) return [];
    throw alreadyIssued(invoiceId, state.formatted);
  }
  const { status: _draft, ...content } = state;
  const formatted = formatInvoiceNumber(content.series, number);
  return [
    {
      type: 'InvoiceIssued',
      data: { ...content, ...datedOn(content, issueDate), number, formatted },
    },
  ];
}

/** The draft dated `issueDate` by its series: its due date keeps the same term after it. */
function datedOn(
  draft: { issueDate: PlainDate; dueDate: PlainDate },
  issueDate: PlainDate | undefined,
): { issueDate: PlainDate; dueDate: PlainDate } {
  if (issueDate === undefined || issueDate === draft.issueDate) return draft;
  if (!isPlainDate(issueDate))
    throw new DomainError(
      InvoiceRefusal.invalidInput,
      `issueDate ${issueDate} is not a calendar day.`,
      [invalid('issueDate', `${issueDate} is not a calendar day.`)],
    );
  const term = daysBetween(draft.issueDate, draft.dueDate);
  return { issueDate, dueDate: addDays(issueDate, term) };
}

function refuseIfDraftedOrIssued(invoiceId: string, state: InvoiceState): void {
  if (state.status === 'issued') throw alreadyIssued(invoiceId, state.formatted);
  if (state.status === 'draft')
    throw new DomainError(
      InvoiceRefusal.alreadyIssued,
      `Invoice ${invoiceId} is already drafted for ${state.cyclePeriod}; it is issued under the number its series gives it, never drafted twice (rules R7, R8).`,
    );
}

const alreadyIssued = (invoiceId: string, formatted: string) =>
  new DomainError(
    InvoiceRefusal.alreadyIssued,
    `Invoice ${invoiceId} was already issued as ${formatted}; an issued invoice never changes (rule R9): grant a credit note to correct it.`,
  );

function checkedContent(input: InvoiceContent, problems: RefusalReason[]): InvoiceContent {
  const { invoiceId, series, billingPeriod, cyclePeriod, lines, totals } = input;
  const customerId = requireText(
    input.customerId,
    'customerId',
    'Give the customer billed.',
    problems,
  );
  const contractId = requireText(
    input.contractId,
    'contractId',
    'Give the contract billed (one invoice per contract and cycle, R7).',
    problems,
  );
  checkPeriod(billingPeriod, problems);
  if (typeof cyclePeriod !== 'string' || !YEAR_MONTH.test(cyclePeriod))
    problems.push(
      invalid('cyclePeriod', `The cycle is a month, YYYY-MM; got ${JSON.stringify(cyclePeriod)}.`),
    );
  const customer = snapshotOf(input.customer, problems);
  const issuer =
    input.issuer === undefined ? undefined : checkedIssuerSnapshot(input.issuer, problems);
  const iban = chargedIban(input, problems);
  checkDates(input, problems);
  checkLines(lines, totals, problems);
  if (totals?.totalCents < 0)
    problems.push({
      code: InvoiceRefusal.negativeTotal,
      field: 'totals',
      message: 'An invoice cannot total less than zero; give money back with a credit note.',
    });
  if (typeof totals?.totalCents === 'number' && isSimplifiedOverLimit(customer, totals.totalCents))
    problems.push({
      code: InvoiceRefusal.simplifiedOverLimit,
      field: 'customer.taxId',
      message: simplifiedOverLimitMessage(customerId, totals.totalCents),
    });
  const { paymentMethod, issueDate, dueDate } = input;
  return {
    invoiceId,
    customerId,
    contractId,
    series,
    billingPeriod: { from: billingPeriod?.from, to: billingPeriod?.to },
    cyclePeriod,
    customer,
    ...(issuer === undefined ? {} : { issuer }),
    iban,
    paymentMethod,
    lines,
    totals,
    issueDate,
    dueDate,
  };
}

/** Rule 21: the invoice keeps the issuer it was issued by, as it was then. */
function checkedIssuerSnapshot(
  issuer: InvoiceIssuerSnapshot,
  problems: RefusalReason[],
): InvoiceIssuerSnapshot {
  const text = (value: unknown, field: string, message: string) =>
    requireText(value as string, `issuer.${field}`, message, problems);
  const given: Partial<PostalAddress> = issuer?.address ?? {};
  return {
    issuerId: text(issuer?.issuerId, 'issuerId', 'Name the issuer of the invoice.'),
    legalName: text(issuer?.legalName, 'legalName', "Give the issuer's legal name."),
    nif: text(issuer?.nif, 'nif', "Give the issuer's NIF."),
    address: Object.fromEntries(
      ADDRESS_FIELDS.map((field) => [field, optionalText(given[field])]),
    ) as PostalAddress,
  };
}

function checkPeriod(period: { from: string; to: string }, problems: RefusalReason[]): void {
  if (isPlainDate(period?.from) && isPlainDate(period?.to) && period.from < period.to) return;
  problems.push(
    invalid(
      'billingPeriod',
      `The billing period is two calendar dates, from before to (half-open); got ${JSON.stringify(period)}.`,
    ),
  );
}

/** Rule R15: the invoice keeps the name, tax id and address it was made out to. */
function snapshotOf(
  customer: InvoiceCustomerSnapshot,
  problems: RefusalReason[],
): InvoiceCustomerSnapshot {
  const legalName = requireText(
    customer?.legalName,
    'customer.legalName',
    "Give the customer's legal name to print on the invoice.",
    problems,
  );
  const given: Partial<PostalAddress> = customer?.address ?? {};
  const address = Object.fromEntries(
    ADDRESS_FIELDS.map((field) => [field, optionalText(given[field])]),
  ) as PostalAddress;
  return { legalName, taxId: optionalText(customer?.taxId), address };
}

/** Rule R4: the IBAN on the contract signature, validated; direct debit cannot do without it. */
function chargedIban(input: InvoiceContent, problems: RefusalReason[]): string | null {
  const { paymentMethod, iban: raw } = input;
  if (!PAYMENT_METHODS.includes(paymentMethod))
    problems.push(
      invalid(
        'paymentMethod',
        `Unknown payment method "${String(paymentMethod)}"; use one of ${PAYMENT_METHODS.join(', ')}.`,
      ),
    );
  if (optionalText(raw) !== null) {
    const checked = Iban.check(raw as string, 'iban');
    if (checked.ok) return checked.value.value;
    problems.push(checked.reason);
    return null;
  }
  if (paymentMethod === 'direct_debit')
    problems.push({
      code: InvoiceRefusal.ibanRequired,
      field: 'iban',
      message:
        'The invoice is paid by direct debit: give the IBAN on the contract signature (rule R4).',
    });
  return null;
}

function checkDates(input: InvoiceContent, problems: RefusalReason[]): void {
  const { issueDate, dueDate } = input;
  checkDay(issueDate, 'issueDate', problems);
  checkDay(dueDate, 'dueDate', problems);
  if (isPlainDate(issueDate) && isPlainDate(dueDate) && dueDate < issueDate)
    problems.push(
      invalid(
        'dueDate',
        `The invoice cannot fall due (${dueDate}) before it is issued (${issueDate}).`,
      ),
    );
}
