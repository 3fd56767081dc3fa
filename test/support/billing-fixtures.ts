import request from 'supertest';
import { TEST_API_KEYS, TestApp } from './test-app';

export const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
export const SIGNATURE_IBAN = 'ES91 2100 0418 4502 0005 1332';
export const CUSTOMER_IBAN = 'ES79 2100 0813 6101 2345 6789';

/** The periods (YYYY-MM) of the next `count` months after the current one. */
/**
 * The `count` months ending with the current one, oldest first: cycles that have started
 * (customers here are billed on day 1), so a billing run may invoice them — an invoice is never
 * dated in the future, and a run for a cycle not started drafts nothing (issue 19).
 */
export function recentMonths(count: number): string[] {
  const now = new Date();
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - count + 1 + i, 1))
      .toISOString()
      .slice(0, 7),
  );
}

/** The month after the current one: a cycle not started yet. */
export function nextMonth(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))
    .toISOString()
    .slice(0, 7);
}

/** When the fixtures' contracts were signed: before their subscriptions were activated. */
export const SIGNED_AT = new Date(
  Date.UTC(new Date().getUTCFullYear() - 2, new Date().getUTCMonth(), 1, 9),
).toISOString();

/** When the fixtures' subscriptions were activated: a year ago, before any month billed here. */
export const ACTIVE_SINCE = new Date(
  Date.UTC(new Date().getUTCFullYear() - 1, new Date().getUTCMonth(), 1, 9),
).toISOString();

export interface BilledContract {
  customerId: string;
  contractId: string;
}

/**
 * Builds customers through the API and remembers the highest position answered, to send as
 * `X-Min-Position` before reading what they wrote.
 */
export class BillingFixtures {
  last = 0;

  /** `target`: the in-process test app, or the base URL of an API process (`http://127.0.0.1:port`). */
  constructor(private readonly target: TestApp | string) {}

  http() {
    return request(typeof this.target === 'string' ? this.target : this.target.app.getHttpServer());
  }

  track<T extends { body: { position?: number | null } }>(res: T): T {
    this.last = Math.max(this.last, res.body.position ?? 0);
    return res;
  }

  readAfterWrites() {
    return { ...operator, 'X-Min-Position': String(this.last) };
  }

  async post(path: string, body: object, status: number) {
    return this.track(
      await this.http().post(`/api${path}`).set(operator).send(body).expect(status),
    );
  }

  /** A legal-person customer billed on day 1 in `series`, with the customer-level IBAN. */
  async customer(series: string, paymentMethod = 'direct_debit', name = 'Facturada SL') {
    const customer = await this.post('/customers', { personType: 'legal', name }, 201);
    const id = customer.body.id as string;
    this.track(
      await this.http()
        .put(`/api/customers/${id}/billing-settings`)
        .set(operator)
        .send({
          billingEnabled: true,
          paymentMethod,
          invoiceSeries: series,
          billingDay: 1,
          iban: CUSTOMER_IBAN,
        })
        .expect(200),
    );
    return id;
  }

  /** A contract signed with `SIGNATURE_IBAN`, for the customer. */
  async signedContract(customerId: string, paymentMethod = 'direct_debit'): Promise<string> {
    const contract = await this.post('/contracts', { customerId, paymentMethod }, 201);
    const contractId = contract.body.id as string;
    await this.post(
      `/contracts/${contractId}/sign`,
      {
        iban: SIGNATURE_IBAN,
        signatory: 'Ana',
        mandateReference: `M-${contractId.slice(0, 8)}`,
        signedAt: SIGNED_AT,
      },
      200,
    );
    return contractId;
  }

  /** An active subscription billed in `billingMode` at `monthlyPriceCents`. */
  async activeSubscription(
    contractId: string,
    monthlyPriceCents: number,
    billingMode: 'advance' | 'arrears' = 'advance',
  ): Promise<string> {
    const sub = await this.post(
      '/subscriptions',
      {
        contractId,
        tariff: 'Fibra 300',
        monthlyPriceCents,
        billingMode,
        requestedAt: ACTIVE_SINCE,
      },
      201,
    );
    const id = sub.body.id as string;
    await this.post(`/subscriptions/${id}/activate`, { activatedAt: ACTIVE_SINCE }, 200);
    return id;
  }

  /** A customer in `series` with one signed contract and one active subscription. */
  async billedContract(series: string, monthlyPriceCents = 3000): Promise<BilledContract> {
    const customerId = await this.customer(series);
    const contractId = await this.signedContract(customerId);
    await this.activeSubscription(contractId, monthlyPriceCents);
    return { customerId, contractId };
  }
}
