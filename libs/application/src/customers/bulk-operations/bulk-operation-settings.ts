/** How bulk operations run (rule 14); a spec replaces them to make a small one run as a job. */
export interface BulkOperationSettings {
  /** Up to this many customers the operation completes within the request; more: a job. */
  syncLimit: number;
  /** Customers per recorded step of progress. */
  chunkSize: number;
  /** How often the API process looks for unfinished operations (0: never on its own). */
  intervalMs: number;
}

export const BULK_OPERATION_SETTINGS = Symbol('BULK_OPERATION_SETTINGS');

export const DEFAULT_BULK_OPERATION_SETTINGS: BulkOperationSettings = {
  syncLimit: 200,
  chunkSize: 100,
  intervalMs: 1_000,
};
