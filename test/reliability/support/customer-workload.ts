import request from 'supertest';
import { TEST_API_KEYS, TestApp } from '../../support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const IBANS = ['ES91 2100 0418 4502 0005 1332', 'ES79 2100 0813 6101 2345 6789'];

type Method = 'post' | 'patch' | 'put';
/** A calendar day after today: tariff changes and discounts may not be backdated. */
const daysFromToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A realistic life of one customer over HTTP: registration, edits, billing settings, an
 * address, a contact and an interaction, a signed contract with its IBAN changed, and an
 * active subscription with a tariff migration, a discount and an extra charge (15 events,
 * touching every read model of customers, contracts and subscriptions).
 */
async function customerLife(testApp: TestApp, n: number, label: string): Promise<number> {
  let commands = 0;
  const send = async (method: Method, path: string, body: object): Promise<{ id: string }> => {
    const res = await request(testApp.app.getHttpServer())
      [method](`/api${path}`)
      .set(operator)
      .send(body);
    if (res.status >= 300)
      throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    commands++;
    return res.body as { id: string };
  };
  const { id: customerId } = await send('post', '/customers', {
    personType: 'legal',
    name: `${label} Cliente ${n} SL`,
    email: `${label}.${n}@example.com`,
    zone: ['north', 'south', 'east'][n % 3],
  });
  await send('patch', `/customers/${customerId}`, { observations: `observations ${n}` });
  await send('patch', `/customers/${customerId}`, { name: `${label} Cliente ${n} renamed SL` });
  await send('put', `/customers/${customerId}/billing-settings`, {
    billingEnabled: true,
    paymentMethod: 'direct_debit',
    billingDay: 1 + (n % 28),
    iban: IBANS[n % 2],
  });
  await send('post', `/customers/${customerId}/addresses`, {
    address: { street: `Calle ${n}`, city: 'Madrid', postalCode: '28001' },
  });
  await send('post', `/customers/${customerId}/contacts`, { name: `Contacto ${n}` });
  await send('post', `/customers/${customerId}/interactions`, { kind: 'call', text: `call ${n}` });
  const { id: contractId } = await send('post', '/contracts', {
    customerId,
    paymentMethod: 'direct_debit',
  });
  await send('post', `/contracts/${contractId}/sign`, {
    iban: IBANS[n % 2],
    signatory: `Firmante ${n}`,
    mandateReference: `MANDATE-${label}-${n}`,
    signedAt: '2026-01-10T10:00:00Z',
  });
  await send('put', `/contracts/${contractId}/iban`, { iban: IBANS[(n + 1) % 2] });
  const { id: subscriptionId } = await send('post', '/subscriptions', {
    contractId,
    tariff: 'Fibra 600',
    monthlyPriceCents: 2500 + n,
    billingMode: n % 2 ? 'advance' : 'arrears',
  });
  await send('post', `/subscriptions/${subscriptionId}/activate`, {});
  await send('post', `/subscriptions/${subscriptionId}/tariff-migrations`, {
    tariff: 'Fibra 1000',
    monthlyPriceCents: 3500 + n,
    effectiveDate: daysFromToday(15),
  });
  await send('post', `/subscriptions/${subscriptionId}/discounts`, {
    percent: 10,
    from: daysFromToday(20),
    until: daysFromToday(110),
  });
  await send('post', `/subscriptions/${subscriptionId}/extra-charges`, {
    amountCents: 1500,
    description: `Router ${n}`,
    recurring: n % 3 === 0,
  });
  return commands;
}

/**
 * Runs `customers` customer lives through the real app, `concurrency` at a time; answers
 * how many commands were accepted. `label` keeps names and e-mails unique across calls.
 */
export async function runCustomerWorkload(
  testApp: TestApp,
  { customers, concurrency, label }: { customers: number; concurrency: number; label: string },
): Promise<number> {
  let next = 0;
  let commands = 0;
  const worker = async () => {
    while (next < customers) {
      const accepted = await customerLife(testApp, next++, label);
      commands += accepted;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return commands;
}
