import { given } from '../shared/testing/decider-specification';
import { ApplyDunningSteps, ClearDunning } from './dunning.commands';
import { dunningDecider } from './dunning.decider';
import { DunningEvent } from './dunning.events';
import { CustomerDebt, DEFAULT_DUNNING_POLICY, DunningStep } from './dunning.policy';

const CUSTOMER = 'customer-in-debt';
const unpaid: CustomerDebt = {
  customerId: CUSTOMER,
  invoices: [{ invoiceId: 'invoice-1', dueDate: '2025-03-10', outstandingCents: 3618 }],
};
const paid: CustomerDebt = { customerId: CUSTOMER, invoices: [] };

const apply = (asOf: string, debt: CustomerDebt = unpaid): ApplyDunningSteps => ({
  type: 'ApplyDunningSteps',
  data: { customerId: CUSTOMER, asOf, policy: DEFAULT_DUNNING_POLICY, debt },
  metadata: { at: `${asOf}T06:00:00.000Z` },
});
const clear = (asOf: string, debt: CustomerDebt = paid): ClearDunning => ({
  type: 'ClearDunning',
  data: { customerId: CUSTOMER, asOf, debt },
  metadata: { at: `${asOf}T06:00:00.000Z` },
});
const stepApplied = (step: DunningStep, asOf: string, daysOverdue: number): DunningEvent => ({
  type: 'DunningStepApplied',
  data: {
    customerId: CUSTOMER,
    step,
    asOf,
    daysOverdue,
    overdueInvoiceIds: ['invoice-1'],
    owedCents: 3618,
  },
});

const dunning = given(dunningDecider);

describe('Dunning decider (rule R20)', () => {
  describe('applying the steps due', () => {
    it('sends nothing before the first step is due', () => {
      dunning().when(apply('2025-03-16')).thenNothingHappens();
    });

    it('applies the reminder 7 days overdue', () => {
      dunning()
        .when(apply('2025-03-17'))
        .then([stepApplied('reminder', '2025-03-17', 7)]);
    });

    it('writes nothing when run again the same day: idempotent per day', () => {
      dunning([stepApplied('reminder', '2025-03-17', 7)])
        .when(apply('2025-03-17'))
        .thenNothingHappens();
    });

    it('applies only the steps the episode has not had', () => {
      dunning([stepApplied('reminder', '2025-03-17', 7)])
        .when(apply('2025-04-09'))
        .then([stepApplied('warning', '2025-04-09', 30), stepApplied('suspend', '2025-04-09', 30)]);
    });

    it('refuses a day that does not exist', () => {
      dunning()
        .when(apply('2025-02-30'))
        .thenRefuses('DUNNING.INVALID_INPUT', { details: [{ field: 'asOf' }] });
    });
  });

  describe('clearing', () => {
    const inDunning = [
      stepApplied('reminder', '2025-03-17', 7),
      stepApplied('warning', '2025-03-25', 15),
    ];

    it('ends the episode once nothing is overdue, listing its steps', () => {
      dunning(inDunning)
        .when(clear('2025-04-01'))
        .then([
          {
            type: 'DunningCleared',
            data: {
              customerId: CUSTOMER,
              asOf: '2025-04-01',
              stepsApplied: ['reminder', 'warning'],
            },
          },
        ]);
    });

    it('writes nothing for a customer never dunned, or already cleared', () => {
      dunning().when(clear('2025-04-01')).thenNothingHappens();
      const cleared: DunningEvent = {
        type: 'DunningCleared',
        data: { customerId: CUSTOMER, asOf: '2025-04-01', stepsApplied: ['reminder'] },
      };
      dunning([...inDunning, cleared])
        .when(clear('2025-04-02'))
        .thenNothingHappens();
    });

    it('refuses to clear while something is still overdue', () => {
      dunning(inDunning)
        .when(clear('2025-04-01', unpaid))
        .thenRefuses('DUNNING.STILL_OVERDUE', { message: /3618 cents overdue/ });
    });

    it('starts a new episode after clearing: the reminder is due again for a new debt', () => {
      const cleared: DunningEvent = {
        type: 'DunningCleared',
        data: { customerId: CUSTOMER, asOf: '2025-04-01', stepsApplied: ['reminder', 'warning'] },
      };
      const newDebt: CustomerDebt = {
        customerId: CUSTOMER,
        invoices: [{ invoiceId: 'invoice-1', dueDate: '2025-05-10', outstandingCents: 3618 }],
      };
      dunning([...inDunning, cleared])
        .when(apply('2025-05-17', newDebt))
        .then([stepApplied('reminder', '2025-05-17', 7)]);
    });
  });
});
