import { allReadModelProjections, Projection } from '@app/read-models';

/** Every projection this service keeps, run by one runner. A new view is added here. */
export function allProjections(): Projection[] {
  return allReadModelProjections();
}
