import { DomainCommand } from '../shared/decider';
import { CustomerDebt, DunningPolicy } from './dunning.policy';

/**
 * The daily run's decision for one customer (rule R20): the application layer reads the
 * customer's owed invoices into `debt`; the decider applies the steps due on `asOf` that the
 * overdue episode has not had yet.
 */
export type ApplyDunningSteps = DomainCommand<
  'ApplyDunningSteps',
  { customerId: string; asOf: string; policy: DunningPolicy; debt: CustomerDebt }
>;

/** Ends the overdue episode once nothing is overdue on `asOf`; nothing when none is open. */
export type ClearDunning = DomainCommand<
  'ClearDunning',
  { customerId: string; asOf: string; debt: CustomerDebt }
>;

export type DunningCommand = ApplyDunningSteps | ClearDunning;
