/** The one place that names a subscription's stream; handlers and projections both use it. */
export const SUBSCRIPTION_STREAM_PREFIX = 'subscription-';

export const subscriptionStream = (subscriptionId: string): string =>
  SUBSCRIPTION_STREAM_PREFIX + subscriptionId;

/** The subscription id of a stream name, or `null` if the stream is not a subscription's. */
export function subscriptionIdOfStream(stream: string): string | null {
  return stream.startsWith(SUBSCRIPTION_STREAM_PREFIX)
    ? stream.slice(SUBSCRIPTION_STREAM_PREFIX.length)
    : null;
}
