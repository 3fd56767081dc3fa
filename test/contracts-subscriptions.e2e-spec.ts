import request from 'supertest';
import { startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const SIGNATURE_IBAN = 'ES91 2100 0418 4502 0005 1332';
const NEW_CUSTOMER_IBAN = 'ES79 2100 0813 6101 2345 6789';

describe('contracts, signatures and subscriptions over HTTP (FAQ cases of the seeds)', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  const read = (position: number) => ({ ...operator, 'X-Min-Position': String(position) });
  let serial = 0;

  async function customer() {
    const res = await http()
      .post('/api/customers')
      .set(operator)
      .send({
        personType: 'legal',
        name: `Cliente ${++serial} SL`,
        email: `c${serial}.${Date.now()}@example.com`,
      })
      .expect(201);
    return res.body.id as string;
  }
  async function signedContract(customerId: string) {
    const draft = await http()
      .post('/api/contracts')
      .set(operator)
      .send({ customerId, paymentMethod: 'direct_debit' })
      .expect(201);
    const signed = await http()
      .post(`/api/contracts/${draft.body.id}/sign`)
      .set(operator)
      .send({
        iban: SIGNATURE_IBAN,
        signatory: 'Ana García',
        mandateReference: 'MANDATE-001',
        signedAt: '2026-01-10T10:00:00Z',
      })
      .expect(200);
    return { id: draft.body.id as string, position: signed.body.position as number };
  }
  async function subscription(contractId: string) {
    const res = await http()
      .post('/api/subscriptions')
      .set(operator)
      .send({ contractId, tariff: 'Fibra 600', monthlyPriceCents: 3500, billingMode: 'advance' })
      .expect(201);
    return res.body.id as string;
  }

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it("keeps the signature's IBAN when the customer's changes, and the file warns (R4)", async () => {
    const customerId = await customer();
    await http()
      .put(`/api/customers/${customerId}/billing-settings`)
      .set(operator)
      .send({ iban: SIGNATURE_IBAN })
      .expect(200);
    const contract = await signedContract(customerId);
    const before = await http()
      .get(`/api/customers/${customerId}`)
      .set(read(contract.position))
      .expect(200);
    expect(before.body.warnings).toEqual([]);

    const changed = await http()
      .put(`/api/customers/${customerId}/billing-settings`)
      .set(operator)
      .send({ iban: NEW_CUSTOMER_IBAN })
      .expect(200);
    const file = await http()
      .get(`/api/customers/${customerId}`)
      .set(read(changed.body.position))
      .expect(200);
    expect(file.body.warnings).toEqual([
      expect.objectContaining({ code: 'R4.IBAN_MISMATCH', contractId: contract.id }),
    ]);

    const tab = await http()
      .get(`/api/customers/${customerId}/contracts`)
      .set(read(changed.body.position))
      .expect(200);
    const shown = JSON.stringify(tab.body);
    expect(shown).toContain('1332');
    expect(shown).not.toContain('2100 0418 4502');
    expect(shown).not.toContain('21000418450200051332');

    const signature = await http()
      .get(`/api/contracts/${contract.id}`)
      .set(read(changed.body.position))
      .expect(200);
    expect(JSON.stringify(signature.body)).toContain('1332');

    const aligned = await http()
      .put(`/api/contracts/${contract.id}/iban`)
      .set(operator)
      .send({ iban: NEW_CUSTOMER_IBAN })
      .expect(200);
    const after = await http()
      .get(`/api/customers/${customerId}`)
      .set(read(aligned.body.position))
      .expect(200);
    expect(after.body.warnings).toEqual([]);
  });

  it('keeps an active-not-billable subscription active and not billable, and refuses illegal transitions (R5)', async () => {
    const customerId = await customer();
    const contract = await signedContract(customerId);
    const id = await subscription(contract.id);
    await http().post(`/api/subscriptions/${id}/activate`).set(operator).send({}).expect(200);
    const moved = await http()
      .post(`/api/subscriptions/${id}/active-not-billable`)
      .set(operator)
      .send({ reason: 'company line' })
      .expect(200);
    const sub = await http()
      .get(`/api/subscriptions/${id}`)
      .set(read(moved.body.position))
      .expect(200);
    expect(sub.body).toMatchObject({
      status: 'active-not-billable',
      billable: false,
      serviceActive: true,
    });

    const illegal = await http().post(`/api/subscriptions/${id}/resume`).set(operator).expect(422);
    expect(illegal.body.details[0]).toMatchObject({ code: 'SUBSCRIPTION.ILLEGAL_TRANSITION' });
    const back = await http()
      .post(`/api/subscriptions/${id}/active-billable`)
      .set(operator)
      .expect(200);
    const billable = await http()
      .get(`/api/subscriptions/${id}`)
      .set(read(back.body.position))
      .expect(200);
    expect(billable.body).toMatchObject({ status: 'active', billable: true });
  });

  it('refuses to delete a signed contract, and a draft with a bad IBAN signature (R4)', async () => {
    const customerId = await customer();
    const contract = await signedContract(customerId);
    await http().delete(`/api/contracts/${contract.id}`).set(operator).expect(422);
    const draft = await http()
      .post('/api/contracts')
      .set(operator)
      .send({ customerId, paymentMethod: 'direct_debit' })
      .expect(201);
    await http()
      .post(`/api/contracts/${draft.body.id}/sign`)
      .set(operator)
      .send({
        iban: 'ES00 0000 0000',
        signatory: 'X',
        mandateReference: 'M-1',
        signedAt: '2026-01-10T10:00:00Z',
      })
      .expect(422);
    await http()
      .post('/api/contracts')
      .set(operator)
      .send({ customerId: '3f1c1a52-8d7e-4b7a-9a55-1d2f8c7b6e10', paymentMethod: 'cash' })
      .expect(404);
  });

  it('refuses to delete a customer with every blocking reason, then allows it once they are resolved (R6)', async () => {
    const customerId = await customer();
    const draft = await http()
      .post('/api/contracts')
      .set(operator)
      .send({ customerId, paymentMethod: 'transfer' })
      .expect(201);
    const subId = await subscription(draft.body.id);
    await http().post(`/api/subscriptions/${subId}/activate`).set(operator).send({}).expect(200);
    await http()
      .post(`/api/subscriptions/${subId}/extra-charges`)
      .set(operator)
      .send({ amountCents: 1500, description: 'Router', recurring: false })
      .expect(201);

    const refused = await http().delete(`/api/customers/${customerId}`).set(operator).expect(422);
    const codes = refused.body.details.map((d: { code: string }) => d.code);
    expect(codes).toEqual(
      expect.arrayContaining(['R6.LIVE_SUBSCRIPTIONS', 'R6.DISCOUNTS_OR_EXTRA_CHARGES']),
    );

    // The blocking subscription hangs on an unsigned draft: deleting the draft resolves it.
    await http().delete(`/api/contracts/${draft.body.id}`).set(operator).expect(200);
    const keptDraft = await http()
      .post('/api/contracts')
      .set(operator)
      .send({ customerId, paymentMethod: 'cash' })
      .expect(201);
    await http().delete(`/api/customers/${customerId}`).set(operator).expect(200);
    const events = await http()
      .get('/api/audit/events')
      .query({ stream: `contract-${keptDraft.body.id}` })
      .set({ Authorization: `Bearer ${TEST_API_KEYS.auditor}` })
      .expect(200);
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual([
      'ContractDrafted',
      'ContractDraftDeleted',
    ]);
  });

  it('refuses to delete a customer with a signed contract, listing the reason', async () => {
    const customerId = await customer();
    await signedContract(customerId);
    const refused = await http().delete(`/api/customers/${customerId}`).set(operator).expect(422);
    expect(refused.body.details.map((d: { code: string }) => d.code)).toContain(
      'R6.SIGNED_CONTRACTS',
    );
  });

  it('shows contract and subscription events in the customer history tab', async () => {
    const customerId = await customer();
    const contract = await signedContract(customerId);
    const id = await subscription(contract.id);
    const activated = await http()
      .post(`/api/subscriptions/${id}/activate`)
      .set(operator)
      .send({})
      .expect(200);
    const history = await http()
      .get(`/api/customers/${customerId}/history`)
      .set(read(activated.body.position))
      .expect(200);
    const types = history.body.items.map((item: { eventType: string }) => item.eventType);
    expect(types).toEqual(
      expect.arrayContaining([
        'ContractDrafted',
        'ContractSigned',
        'SubscriptionRequested',
        'SubscriptionActivated',
        'CustomerRegistered',
      ]),
    );
    expect(types[0]).toBe('SubscriptionActivated');
  });
});
