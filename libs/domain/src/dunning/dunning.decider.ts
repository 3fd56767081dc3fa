import { isPlainDate } from '../billing/billing.calendar';
import { assertNever, Decider } from '../shared/decider';
import { DomainError, refuseIfAny } from '../shared/domain-error';
import { ApplyDunningSteps, ClearDunning, DunningCommand } from './dunning.commands';
import { DunningRefusal, invalidDunningInput } from './dunning.errors';
import { DunningCleared, DunningEvent, DunningStepApplied } from './dunning.events';
import { dunningStepsDue, overdueDebt } from './dunning.policy';
import { DunningState, initialDunningState } from './dunning.state';

export function decideDunning(command: DunningCommand, state: DunningState): DunningEvent[] {
  refuseIfAny(
    isPlainDate(command.data.asOf)
      ? []
      : [invalidDunningInput('asOf', `asOf must be a calendar day (YYYY-MM-DD).`)],
  );
  switch (command.type) {
    case 'ApplyDunningSteps':
      return applyDunningSteps(command, state);
    case 'ClearDunning':
      return clearDunning(command, state);
    default:
      return assertNever(command, 'dunning command');
  }
}

function applyDunningSteps(command: ApplyDunningSteps, state: DunningState): DunningStepApplied[] {
  const { customerId, asOf, policy, debt } = command.data;
  const applied = state.status === 'in-dunning' ? state.stepsApplied : [];
  return dunningStepsDue(policy, debt, asOf, applied).map(({ step, ...overdue }) => ({
    type: 'DunningStepApplied',
    data: { customerId, step, asOf, ...overdue },
  }));
}

function clearDunning(command: ClearDunning, state: DunningState): DunningCleared[] {
  const { customerId, asOf, debt } = command.data;
  const overdue = overdueDebt(debt, asOf);
  if (overdue.overdueInvoiceIds.length > 0)
    throw new DomainError(
      DunningRefusal.stillOverdue,
      `Customer ${customerId} still owes ${overdue.owedCents} cents overdue on ${asOf} (invoices ${overdue.overdueInvoiceIds.join(', ')}): dunning ends when that is paid.`,
    );
  if (state.status === 'clear') return [];
  return [
    { type: 'DunningCleared', data: { customerId, asOf, stepsApplied: [...state.stepsApplied] } },
  ];
}

/** Folds one event: a step opens the episode (or adds to it), clearing closes it. */
export function evolveDunning(state: DunningState, event: DunningEvent): DunningState {
  switch (event.type) {
    case 'DunningStepApplied': {
      const { customerId, step, asOf } = event.data;
      if (state.status === 'clear')
        return {
          status: 'in-dunning',
          customerId,
          since: asOf,
          lastAsOf: asOf,
          stepsApplied: [step],
        };
      return { ...state, lastAsOf: asOf, stepsApplied: [...state.stepsApplied, step] };
    }
    case 'DunningCleared':
      return { status: 'clear' };
    default:
      return assertNever(event, 'dunning event');
  }
}

export const dunningDecider: Decider<DunningCommand, DunningEvent, DunningState> = {
  initialState: initialDunningState,
  evolve: evolveDunning,
  decide: decideDunning,
};
