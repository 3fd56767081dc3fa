/** How imports run; a spec replaces them to stop a job between chunks. */
export interface CustomerImportSettings {
  /** Rows per recorded step of progress. */
  chunkSize: number;
  /** How often the API process looks for unfinished imports (0: never on its own). */
  intervalMs: number;
}

export const CUSTOMER_IMPORT_SETTINGS = Symbol('CUSTOMER_IMPORT_SETTINGS');

export const DEFAULT_CUSTOMER_IMPORT_SETTINGS: CustomerImportSettings = {
  chunkSize: 50,
  intervalMs: 1_000,
};
