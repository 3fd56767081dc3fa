import { inputChecks } from '../shared/input-checks';

export const DunningRefusal = {
  /** Cleared while something is still overdue. */
  stillOverdue: 'DUNNING.STILL_OVERDUE',
  invalidInput: 'DUNNING.INVALID_INPUT',
} as const;

export const { invalid: invalidDunningInput } = inputChecks(DunningRefusal.invalidInput);
