export * from './task.entity';
export * from './task.evolve';
export * from './tasks.projection';
export * from './task.queries';
export * from './task.history-entries';

import { Projection } from '../projection';
import { TaskRow } from './task.entity';
import { tasksProjection } from './tasks.projection';

export const taskEntities = [TaskRow];

export const taskProjections = (): Projection[] => [tasksProjection()];
