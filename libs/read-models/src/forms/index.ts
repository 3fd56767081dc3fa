export * from './form.entity';
export * from './form.evolve';
export * from './forms.projection';
export * from './form.queries';
export * from './form.history-entries';

import { Projection } from '../projection';
import { FilledFormRow, FormRow } from './form.entity';
import { formsProjection } from './forms.projection';

export const formEntities = [FormRow, FilledFormRow];

export const formProjections = (): Projection[] => [formsProjection()];
