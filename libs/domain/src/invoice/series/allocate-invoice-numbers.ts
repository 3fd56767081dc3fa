import { isPlainDate, latest, PlainDate } from '../../billing/billing.calendar';
import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { isIsoDateOrDateTime } from '../../shared/iso-dates';
import { formatInvoiceNumber } from '../../billing/billing.invoice-numbering';
import { AllocateInvoiceNumbers } from './invoice-series.commands';
import { InvoiceSeriesRefusal } from './invoice-series.errors';
import { InvoiceNumbersAllocated } from './invoice-series.events';
import {
  InvoiceSeriesState,
  lastIssueDateOf,
  lastNumberOf,
  numbersOf,
} from './invoice-series.state';

const invalid = (field: string, message: string): RefusalReason => ({
  code: InvoiceSeriesRefusal.invalidInput,
  field,
  message,
});

/**
 * Rule R8: the next numbers of the series, one per invoice not numbered yet, consecutive
 * after the last one. Invoices already numbered keep their number; when all of them are, the
 * allocation is a retry and nothing happens.
 */
export function allocateInvoiceNumbers(
  command: AllocateInvoiceNumbers,
  state: InvoiceSeriesState,
): InvoiceNumbersAllocated[] {
  const { series, forInvoices } = command.data;
  const allocatedAt = command.data.allocatedAt ?? command.metadata.at;
  refuseIfAny(allocationProblems(command, allocatedAt));
  const numbered = numbersOf(state, forInvoices);
  const fresh = forInvoices.filter((invoiceId) => !numbered.has(invoiceId));
  if (fresh.length === 0) return [];
  const first = lastNumberOf(state) + 1;
  const dateOf = datesFollowingNumbers(command, state);
  const assignments = fresh.map((invoiceId, index) => ({
    invoiceId,
    number: first + index,
    formatted: formatInvoiceNumber(series, first + index),
    ...dateOf(invoiceId),
  }));
  const last = first + fresh.length - 1;
  return [
    { type: 'InvoiceNumbersAllocated', data: { series, first, last, assignments, allocatedAt } },
  ];
}

/**
 * The date each document bears: the one it asks for, raised to the series' last date (a
 * document drafted yesterday and numbered after today's is dated today, never before a lower
 * number). Asked dates are never after `today`: they were refused before.
 */
function datesFollowingNumbers(
  command: AllocateInvoiceNumbers,
  state: InvoiceSeriesState,
): (invoiceId: string) => { issueDate?: PlainDate } {
  const { dating, forInvoices } = command.data;
  if (dating === undefined) return () => ({});
  const asked = new Map(forInvoices.map((id, index) => [id, dating.askedDates[index]]));
  let last = lastIssueDateOf(state);
  return (invoiceId) => {
    const date = last === null ? asked.get(invoiceId)! : latest(last, asked.get(invoiceId)!);
    last = date;
    return { issueDate: date };
  };
}

function datingProblems(command: AllocateInvoiceNumbers): RefusalReason[] {
  const { dating, forInvoices } = command.data;
  if (dating === undefined) return [];
  if (!isPlainDate(dating.today))
    return [invalid('dating.today', `today must be a calendar day, got ${dating.today}.`)];
  const askedDates: unknown[] = Array.isArray(dating.askedDates) ? dating.askedDates : [];
  if (askedDates.length !== forInvoices.length)
    return [
      invalid(
        'dating.askedDates',
        `Ask one date per document: ${askedDates.length} date(s) for ${forInvoices.length} document(s).`,
      ),
    ];
  return askedDates.flatMap((date, index): RefusalReason[] => {
    const field = `dating.askedDates[${index}]`;
    if (!isPlainDate(date)) return [invalid(field, `${String(date)} is not a calendar day.`)];
    if (date > dating.today)
      return [
        {
          code: InvoiceSeriesRefusal.datedInFuture,
          field,
          message: `A document cannot be dated ${date}, after today (${dating.today}): it is issued on or after the day its cycle starts (RD 1619/2012).`,
        },
      ];
    return [];
  });
}

function allocationProblems(command: AllocateInvoiceNumbers, allocatedAt: string) {
  const { series, count } = command.data;
  const forInvoices: unknown[] = Array.isArray(command.data.forInvoices)
    ? command.data.forInvoices
    : [];
  const problems: RefusalReason[] = [...seriesProblems(series), ...datingProblems(command)];
  if (!Number.isSafeInteger(count) || count < 1)
    problems.push(invalid('count', `Allocate at least one number, got ${count}.`));
  else if (forInvoices.length !== count)
    problems.push(
      invalid(
        'forInvoices',
        `Name one invoice per number: ${count} number(s) asked for ${forInvoices.length} invoice(s).`,
      ),
    );
  const seen = new Set<string>();
  forInvoices.forEach((invoiceId, index) => {
    const field = `forInvoices[${index}]`;
    if (typeof invoiceId !== 'string' || invoiceId.trim() === '')
      problems.push(invalid(field, 'Every number is for an invoice: give its id.'));
    else if (seen.has(invoiceId))
      problems.push(
        invalid(field, `Invoice ${invoiceId} is named twice; an invoice takes one number.`),
      );
    if (typeof invoiceId === 'string') seen.add(invoiceId);
  });
  if (!isIsoDateOrDateTime(allocatedAt))
    problems.push(
      invalid(
        'allocatedAt',
        `allocatedAt must be an ISO-8601 date or date-time, got ${allocatedAt}.`,
      ),
    );
  return problems;
}

/** The billing library says what a series code may be; its refusal becomes one of ours. */
function seriesProblems(series: string): RefusalReason[] {
  try {
    formatInvoiceNumber(series, 1);
    return [];
  } catch (error) {
    if (error instanceof DomainError && error.details) return error.details;
    throw error;
  }
}
