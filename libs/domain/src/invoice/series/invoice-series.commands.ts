import { PlainDate } from '../../billing/billing.calendar';
import { DomainCommand } from '../../shared/decider';

/**
 * Takes the next `count` numbers of `series`, one for each invoice (or credit note, in a
 * rectifying series) of `forInvoices`, in that order. `count` must equal the number of ids:
 * it is the caller's statement of how many numbers it expects to consume. Ids that already
 * have a number in this series keep it and take no new one, so a billing run retried after a
 * crash gets the same numbers back (see `numberOf`). `allocatedAt` defaults to now.
 *
 * Dates follow numbers (RD 1619/2012, rule 22's chain): with `dating`, each document asks for
 * the date in `askedDates` (one per id of `forInvoices`) and is dated that day, or the series'
 * last date if that is later, so no number bears an earlier date than a lower one; a date after
 * `today` (the tenant's calendar day, which the domain cannot read from a clock) is refused.
 */
export type AllocateInvoiceNumbers = DomainCommand<
  'AllocateInvoiceNumbers',
  {
    series: string;
    count: number;
    forInvoices: string[];
    allocatedAt?: string;
    dating?: { askedDates: PlainDate[]; today: PlainDate };
  }
>;

export type InvoiceSeriesCommand = AllocateInvoiceNumbers;

export type InvoiceSeriesCommandType = InvoiceSeriesCommand['type'];
