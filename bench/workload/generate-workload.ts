import { onboardCustomer, WorkloadCustomer } from './onboarding';
import { invoicesOfMonth, issueChunk, YearNumbering } from './monthly-billing';
import { SeededRandom } from './seeded-random';
import { StreamAppend } from './workload-stream';
import { WorkloadOptions } from './workload-options';

export interface GeneratedWorkload {
  customers: WorkloadCustomer[];
  /** Appends in log order, in load transactions of `appendsPerBatch` streams. */
  batches(): Generator<StreamAppend[]>;
}

const INVOICES_PER_NUMBERING = 1000;

/**
 * The seeded workload: customers sign up, then twelve monthly cycles are billed. Generated
 * lazily, batch by batch, so a large run never holds the whole log in memory (only the
 * aggregates' current states).
 */
export function generateWorkload(options: WorkloadOptions): GeneratedWorkload {
  const random = new SeededRandom(options.seed);
  const customers: WorkloadCustomer[] = [];
  function* appends(): Generator<StreamAppend> {
    for (let index = 1; index <= options.customers; index++) {
      const onboarded = onboardCustomer(random, index, options);
      customers.push(onboarded.customer);
      yield* onboarded.appends;
    }
    const numbering = new YearNumbering();
    for (let month = 1; month <= 12; month++) {
      const drafts = invoicesOfMonth(random, customers, month, options);
      for (let start = 0; start < drafts.length; start += INVOICES_PER_NUMBERING) {
        const chunk = drafts.slice(start, start + INVOICES_PER_NUMBERING);
        yield* issueChunk(random, chunk, numbering, month, options);
      }
    }
  }
  return {
    customers,
    *batches() {
      let batch: StreamAppend[] = [];
      for (const append of appends()) {
        batch.push(append);
        if (batch.length >= options.appendsPerBatch) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
  };
}
