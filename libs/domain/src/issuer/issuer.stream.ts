/** The one place that names an issuer's stream; handlers and projections both use it. */
export const ISSUER_STREAM_PREFIX = 'issuer-';

export const issuerStream = (issuerId: string): string => ISSUER_STREAM_PREFIX + issuerId;

/** The issuer id of a stream name, or `null` if the stream is not an issuer's. */
export function issuerIdOfStream(stream: string): string | null {
  return stream.startsWith(ISSUER_STREAM_PREFIX) ? stream.slice(ISSUER_STREAM_PREFIX.length) : null;
}
