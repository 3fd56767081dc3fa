import { NO_PERSONAL_DATA, PersonalDataMap } from '../shared/personal-data';
import { DunningEvent } from './dunning.events';

/** Dunning events hold ids, days, steps and amounts: nothing personal to seal or erase. */
export const DUNNING_PERSONAL_FIELDS = {
  DunningStepApplied: NO_PERSONAL_DATA,
  DunningCleared: NO_PERSONAL_DATA,
} satisfies PersonalDataMap<DunningEvent>;
