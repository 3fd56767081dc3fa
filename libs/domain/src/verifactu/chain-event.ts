import { ChainRecord, VerifactuChainEvent } from './verifactu.events';

/** The event that appends a record to its chain: a registration or a cancellation recorded. */
export const chainEventOf = (record: ChainRecord): VerifactuChainEvent =>
  record.kind === 'registration'
    ? { type: 'InvoiceRegistrationRecorded', data: record }
    : { type: 'InvoiceCancellationRecorded', data: record };
