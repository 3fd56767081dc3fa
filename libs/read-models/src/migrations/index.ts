import { ProjectionCheckpoints1764000000000 } from './1764000000000-projection-checkpoints';
import { CustomerFileAndHistory1764100000000 } from './1764100000000-customer-file-and-history';

/** Every read-model migration, oldest first. A new view adds its migration here. */
export const readModelMigrations = [
  ProjectionCheckpoints1764000000000,
  CustomerFileAndHistory1764100000000,
];
