import { ProjectionCheckpoints1764000000000 } from './1764000000000-projection-checkpoints';

/** Every read-model migration, oldest first. A new view adds its migration here. */
export const readModelMigrations = [ProjectionCheckpoints1764000000000];
