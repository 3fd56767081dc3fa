export * from './renewable.commands';
export * from './renewable.decider';
export * from './renewable.errors';
export * from './renewable.events';
export * from './renewable.personal-data';
export * from './renewable.state';
export * from './renewable.stream';
export * from './renewable.values';
export {
  addMonthsClamped,
  MAX_RENEWAL_EVERY,
  MAX_RENEWAL_MONTHS,
  nextRenewalOn,
  periodBoundary,
  periodMonths,
  RENEWAL_UNITS,
} from './renewal-period';
export type { RenewalPeriod, RenewalUnit } from './renewal-period';
