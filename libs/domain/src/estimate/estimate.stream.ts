/** The one place that names an estimate's stream; handlers and projections both use it. */
export const ESTIMATE_STREAM_PREFIX = 'estimate-';

export const estimateStream = (estimateId: string): string => ESTIMATE_STREAM_PREFIX + estimateId;
