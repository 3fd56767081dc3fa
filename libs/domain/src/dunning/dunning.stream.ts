/** The one place that names a customer's dunning stream (rule R20): one per customer. */
export const DUNNING_STREAM_PREFIX = 'dunning-';

export const dunningStream = (customerId: string): string => DUNNING_STREAM_PREFIX + customerId;
