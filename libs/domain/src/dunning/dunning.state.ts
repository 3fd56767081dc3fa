import { DunningStep } from './dunning.policy';

/** No overdue episode open: never dunned, or the last episode was cleared. */
export type ClearDunningState = { status: 'clear' };
/** An overdue episode: the steps applied so far (each at most once) and since when. */
export type InDunningState = {
  status: 'in-dunning';
  customerId: string;
  since: string;
  lastAsOf: string;
  stepsApplied: DunningStep[];
};

export type DunningState = ClearDunningState | InDunningState;

export const initialDunningState: DunningState = { status: 'clear' };
