/** The one place that names a contract's stream; handlers and projections both use it. */
export const CONTRACT_STREAM_PREFIX = 'contract-';

export const contractStream = (contractId: string): string => CONTRACT_STREAM_PREFIX + contractId;

/** The contract id of a stream name, or `null` if the stream is not a contract's. */
export function contractIdOfStream(stream: string): string | null {
  return stream.startsWith(CONTRACT_STREAM_PREFIX)
    ? stream.slice(CONTRACT_STREAM_PREFIX.length)
    : null;
}
