import { DomainEvent } from '../shared/decider';
import { RejectedImportRow } from './customer-import.rows';

/** What one valid row of the file came to once the job reached it. */
export type ImportRowOutcome =
  | { row: number; customerId: string; outcome: 'imported' }
  /** A rule refused the customer when it was written (an e-mail taken since): nothing written. */
  | { row: number; customerId: string; outcome: 'rejected'; reasons: string[] };

/**
 * The file was read and checked as a whole: `rows` are the valid rows' numbers, to import in
 * order; `rejected` the others with their reasons. The file itself is kept apart until the
 * import completes (it holds personal data, the log does not).
 */
export type CustomerImportStarted = DomainEvent<
  'CustomerImportStarted',
  {
    importId: string;
    fileSha256: string;
    format: 'default' | 'excel-es';
    total: number;
    rows: number[];
    rejected: RejectedImportRow[];
    startedAt: string;
  }
>;

/** The next valid rows, in order, written (or refused): progress is their count. */
export type CustomerImportProgressed = DomainEvent<
  'CustomerImportProgressed',
  { importId: string; outcomes: ImportRowOutcome[] }
>;

export type CustomerImportCompleted = DomainEvent<
  'CustomerImportCompleted',
  { importId: string; imported: number; rejected: number; completedAt: string }
>;

export type CustomerImportEvent =
  CustomerImportStarted | CustomerImportProgressed | CustomerImportCompleted;

export type CustomerImportEventType = CustomerImportEvent['type'];

/** Every customer import event type; the map makes a missing one a compile error. */
const CUSTOMER_IMPORT_EVENT_TYPE_SET: Record<CustomerImportEventType, true> = {
  CustomerImportStarted: true,
  CustomerImportProgressed: true,
  CustomerImportCompleted: true,
};

export const CUSTOMER_IMPORT_EVENT_TYPES = Object.keys(
  CUSTOMER_IMPORT_EVENT_TYPE_SET,
) as CustomerImportEventType[];
