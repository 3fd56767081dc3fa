import { INVOICE_SERIES_STREAM_PREFIX } from './series/invoice-series.stream';

/** The one place that names an invoice's stream; handlers and projections both use it. */
export const INVOICE_STREAM_PREFIX = 'invoice-';

export const invoiceStream = (invoiceId: string): string => INVOICE_STREAM_PREFIX + invoiceId;

/**
 * The invoice id of a stream name, or `null` if the stream is not an invoice's. Series
 * streams (`invoice-series-F2026`) share the prefix and are not invoices.
 */
export function invoiceIdOfStream(stream: string): string | null {
  if (!stream.startsWith(INVOICE_STREAM_PREFIX)) return null;
  if (stream.startsWith(INVOICE_SERIES_STREAM_PREFIX)) return null;
  return stream.slice(INVOICE_STREAM_PREFIX.length);
}
