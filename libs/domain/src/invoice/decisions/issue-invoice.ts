import { isPlainDate } from '../../billing/billing.calendar';
import { formatInvoiceNumber } from '../../billing/billing.invoice-numbering';
import { PAYMENT_METHODS } from '../../customer/customer.billing';
import { ADDRESS_FIELDS, PostalAddress } from '../../customer/customer.profile';
import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { Iban } from '../../values/iban';
import { IssueInvoice } from '../invoice.commands';
import { InvoiceRefusal } from '../invoice.errors';
import { InvoiceIssued } from '../invoice.events';
import { InvoiceState } from '../invoice.state';
import { InvoiceCustomerSnapshot } from '../invoice.terms';
import {
  checkDay,
  checkLines,
  collectRefusal,
  invalid,
  optionalText,
  requireText,
} from './invoice-inputs';

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Every problem with the invoice is listed at once; an invoice is issued once, never changed (R9). */
export function issueInvoice(command: IssueInvoice, state: InvoiceState): InvoiceIssued[] {
  const { invoiceId, series, number, billingPeriod, cyclePeriod, lines, totals } = command.data;
  if (state.status !== 'none')
    throw new DomainError(
      InvoiceRefusal.alreadyIssued,
      `Invoice ${invoiceId} was already issued as ${state.formatted}; an issued invoice never changes (rule R9): grant a credit note to correct it.`,
    );
  const problems: RefusalReason[] = [];
  const customerId = requireText(
    command.data.customerId,
    'customerId',
    'Give the customer billed.',
    problems,
  );
  const contractId = requireText(
    command.data.contractId,
    'contractId',
    'Give the contract billed (one invoice per contract and cycle, R7).',
    problems,
  );
  const formatted = collectRefusal(() => formatInvoiceNumber(series, number), problems);
  checkPeriod(billingPeriod, problems);
  if (typeof cyclePeriod !== 'string' || !YEAR_MONTH.test(cyclePeriod))
    problems.push(
      invalid('cyclePeriod', `The cycle is a month, YYYY-MM; got ${JSON.stringify(cyclePeriod)}.`),
    );
  const customer = snapshotOf(command.data.customer, problems);
  const iban = chargedIban(command, problems);
  checkDates(command, problems);
  checkLines(lines, totals, problems);
  if (totals?.totalCents < 0)
    problems.push({
      code: InvoiceRefusal.negativeTotal,
      field: 'totals',
      message: 'An invoice cannot total less than zero; give money back with a credit note.',
    });
  refuseIfAny(problems);
  const { paymentMethod, issueDate, dueDate } = command.data;
  const data = {
    invoiceId,
    customerId,
    contractId,
    series,
    number,
    formatted: formatted as string,
    billingPeriod: { from: billingPeriod.from, to: billingPeriod.to },
    cyclePeriod,
    customer,
    iban,
    paymentMethod,
    lines,
    totals,
    issueDate,
    dueDate,
  };
  return [{ type: 'InvoiceIssued', data }];
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
function chargedIban(command: IssueInvoice, problems: RefusalReason[]): string | null {
  const { paymentMethod, iban: raw } = command.data;
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

function checkDates(command: IssueInvoice, problems: RefusalReason[]): void {
  const { issueDate, dueDate } = command.data;
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
