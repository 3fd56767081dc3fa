/** The one place that names a customer's stream; handlers and projections both use it. */
export const CUSTOMER_STREAM_PREFIX = 'customer-';

export const customerStream = (customerId: string): string => CUSTOMER_STREAM_PREFIX + customerId;

/** The customer id of a stream name, or `null` if the stream is not a customer's. */
export function customerIdOfStream(stream: string): string | null {
  return stream.startsWith(CUSTOMER_STREAM_PREFIX)
    ? stream.slice(CUSTOMER_STREAM_PREFIX.length)
    : null;
}
