/** What the workload holds; every choice inside it follows from `seed`. */
export interface WorkloadOptions {
  customers: number;
  seed: number;
  /** The year billed, one cycle a month; customers sign up in December of the year before. */
  year: number;
  /** Share of subscriptions (billed in advance) whose tariff migrates once mid-cycle (R10). */
  migrationShare: number;
  /** Share of invoices paid in full, and of invoices an operator partly credits. */
  paidShare: number;
  operatorCreditShare: number;
  /** How many streams go into one load transaction. */
  appendsPerBatch: number;
}

export const DEFAULT_WORKLOAD: Omit<WorkloadOptions, 'customers'> = {
  seed: 20_250_101,
  year: 2025,
  migrationShare: 0.05,
  paidShare: 0.85,
  operatorCreditShare: 0.02,
  appendsPerBatch: 250,
};

export const INVOICE_SERIES = 'F';

/** Valid IBANs (mod-97) the signatures charge. */
export const WORKLOAD_IBANS = [
  'ES9121000418450200051332',
  'DE89370400440532013000',
  'GB29NWBK60161331926819',
] as const;

export const TARIFFS = [
  { tariff: 'Fibra 300', monthlyPriceCents: 2990 },
  { tariff: 'Fibra 600', monthlyPriceCents: 3990 },
  { tariff: 'Fibra 1G', monthlyPriceCents: 4990 },
  { tariff: 'Móvil 20GB', monthlyPriceCents: 1290 },
  { tariff: 'TV Básica', monthlyPriceCents: 990 },
] as const;
