import { DomainCommand } from '../../shared/decider';

/**
 * Takes the next `count` numbers of `series`, one for each invoice (or credit note, in a
 * rectifying series) of `forInvoices`, in that order. `count` must equal the number of ids:
 * it is the caller's statement of how many numbers it expects to consume. Ids that already
 * have a number in this series keep it and take no new one, so a billing run retried after a
 * crash gets the same numbers back (see `numberOf`). `allocatedAt` defaults to now.
 */
export type AllocateInvoiceNumbers = DomainCommand<
  'AllocateInvoiceNumbers',
  { series: string; count: number; forInvoices: string[]; allocatedAt?: string }
>;

export type InvoiceSeriesCommand = AllocateInvoiceNumbers;

export type InvoiceSeriesCommandType = InvoiceSeriesCommand['type'];
