import { PlainDate } from '../../billing/billing.calendar';
import { DomainEvent } from '../../shared/decider';

/**
 * One invoice and the number it was given: `F2026-000123` is number 123 of series F2026.
 * `issueDate`, the date the document bears, is absent from allocations made before dates
 * followed numbers (they were dated by the invoice alone).
 */
export interface InvoiceNumberAssignment {
  invoiceId: string;
  number: number;
  formatted: string;
  issueDate?: PlainDate;
}

/**
 * Numbers `first` to `last` of `series`, consecutive, each assigned to one invoice in order
 * (rule R8). `first` is always one after the series' last number: no gaps, no duplicates.
 */
export type InvoiceNumbersAllocated = DomainEvent<
  'InvoiceNumbersAllocated',
  {
    series: string;
    first: number;
    last: number;
    assignments: InvoiceNumberAssignment[];
    allocatedAt: string;
  }
>;

export type InvoiceSeriesEvent = InvoiceNumbersAllocated;

export type InvoiceSeriesEventType = InvoiceSeriesEvent['type'];

/** Every invoice series event type, for projections' `canHandle`; the map makes a missing one a compile error. */
const INVOICE_SERIES_EVENT_TYPE_SET: Record<InvoiceSeriesEventType, true> = {
  InvoiceNumbersAllocated: true,
};

export const INVOICE_SERIES_EVENT_TYPES = Object.keys(
  INVOICE_SERIES_EVENT_TYPE_SET,
) as InvoiceSeriesEventType[];

export const isInvoiceSeriesEvent = (event: { type: string }): event is InvoiceSeriesEvent =>
  Object.prototype.hasOwnProperty.call(INVOICE_SERIES_EVENT_TYPE_SET, event.type);
