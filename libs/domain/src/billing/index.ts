export {
  DEFAULT_TIME_ZONE,
  addDays,
  addMonths,
  assertPlainDate,
  dateInZone,
  daysBetween,
  daysIn,
  earliest,
  isPlainDate,
  latest,
  startOfDayInZone,
} from './billing.calendar';
export type { PlainDate, PlainDateRange } from './billing.calendar';
export * from './billing.cycles';
export * from './billing.proration';
export * from './billing.lines';
export * from './billing.pricing-input';
export * from './billing.pricing';
export * from './billing.migration-credit';
export * from './billing.migration-credits-due';
export * from './billing.credit-limit';
export * from './billing.invoice-numbering';
export * from './billing.errors';
export * from './billing.snapshot';
export * from './billing.problems';
export * from './billing.issuance';
export * from './billing.simulation';
export * from './billing.issuers';
