import { ProjectionCheckpoint } from './checkpoints/projection-checkpoint.entity';

/** Every TypeORM entity of the read models. A new view adds its entities here. */
export const readModelEntities = [ProjectionCheckpoint];
