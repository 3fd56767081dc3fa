import { DomainEvent } from '../shared/decider';
import { Cents } from '../values/money';
import { DunningStep } from './dunning.policy';

/**
 * One step of rule R20 applied to a customer on the run's day `asOf`: the reminder and warning
 * are this event alone (their sends come with the outbox); suspending and cancelling are also
 * the subscriptions' own events, written by the run after this one.
 */
export type DunningStepApplied = DomainEvent<
  'DunningStepApplied',
  {
    customerId: string;
    step: DunningStep;
    asOf: string;
    daysOverdue: number;
    overdueInvoiceIds: string[];
    owedCents: Cents;
  }
>;

/** Nothing is overdue any more: the overdue episode ends, its steps listed. */
export type DunningCleared = DomainEvent<
  'DunningCleared',
  { customerId: string; asOf: string; stepsApplied: DunningStep[] }
>;

export type DunningEvent = DunningStepApplied | DunningCleared;
export type DunningEventType = DunningEvent['type'];

const DUNNING_EVENT_TYPE_SET: Record<DunningEventType, true> = {
  DunningStepApplied: true,
  DunningCleared: true,
};

export const DUNNING_EVENT_TYPES = Object.keys(DUNNING_EVENT_TYPE_SET) as DunningEventType[];

export const isDunningEvent = (event: { type: string }): event is DunningEvent =>
  Object.prototype.hasOwnProperty.call(DUNNING_EVENT_TYPE_SET, event.type);
