/** The one place that names a renewable's stream; handlers and projections both use it. */
export const RENEWABLE_STREAM_PREFIX = 'renewable-';

export const renewableStream = (renewableId: string): string =>
  RENEWABLE_STREAM_PREFIX + renewableId;
