import { ChainRecord, VerifactuChainEvent, verifactuChainStream } from './verifactu.events';

/** The event that appends a record to its chain: a registration or a cancellation recorded. */
export const chainEventOf = (record: ChainRecord): VerifactuChainEvent =>
  record.kind === 'registration'
    ? { type: 'InvoiceRegistrationRecorded', data: record }
    : { type: 'InvoiceCancellationRecorded', data: record };

const CHAIN_STREAM_PREFIX = verifactuChainStream('');

/** The issuer whose chain a stream is (`verifactu-chain-<issuerId>`), or null for another stream. */
export const issuerIdOfChainStream = (stream: string): string | null =>
  stream.startsWith(CHAIN_STREAM_PREFIX) && stream.length > CHAIN_STREAM_PREFIX.length
    ? stream.slice(CHAIN_STREAM_PREFIX.length)
    : null;
