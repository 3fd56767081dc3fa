import request from 'supertest';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };
const UNKNOWN = '3f1c1a52-8d7e-4b7a-9a55-1d2f8c7b6e10';

let serial = 0;
const aCustomer = () => ({
  personType: 'legal',
  name: 'Fibra Norte SL',
  email: `tabs${++serial}.${Date.now()}@example.com`,
});

/** The customer file's tabs an operator reaches first: interactions, address and contact edits. */
describe('customer tabs over HTTP', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  async function writesNothing(send: () => Promise<unknown>) {
    const before = await countEvents(testApp);
    await send();
    expect(await countEvents(testApp)).toBe(before);
  }
  async function register(): Promise<string> {
    const res = await http().post('/api/customers').set(operator).send(aCustomer()).expect(201);
    return res.body.id;
  }

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  describe('GET /customers/:id/interactions', () => {
    it('lists interactions newest first, paged, filtered by kind, for operators and auditors', async () => {
      const id = await register();
      const base = `/api/customers/${id}`;
      let position = 0;
      for (const [kind, text] of [
        ['call', 'Asked about fibre'],
        ['email', 'Sent the contract'],
        ['call', 'Called back'],
      ]) {
        const res = await http()
          .post(`${base}/interactions`)
          .set(operator)
          .send({ kind, text })
          .expect(201);
        position = res.body.position;
      }
      const all = await http()
        .get(`${base}/interactions`)
        .set({ ...auditor, 'X-Min-Position': String(position) })
        .expect(200);
      expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
      expect(all.body.items.map((i: { text: string }) => i.text)).toEqual([
        'Called back',
        'Sent the contract',
        'Asked about fibre',
      ]);
      expect(all.body.items[0]).toEqual({
        interactionId: expect.any(String),
        kind: 'call',
        direction: 'inbound',
        text: 'Called back',
        recordedAt: expect.any(String),
        position,
        actor: expect.stringMatching(/^operator:/),
      });

      const calls = await http()
        .get(`${base}/interactions?kind=call&pageSize=1&page=2`)
        .set(operator)
        .expect(200);
      expect(calls.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(calls.body.items.map((i: { text: string }) => i.text)).toEqual(['Asked about fibre']);

      const visits = await http().get(`${base}/interactions?kind=visit`).set(auditor).expect(200);
      expect(visits.body).toMatchObject({ items: [], total: 0 });
    });

    it('keeps listing the interactions of an erased customer, their text erased', async () => {
      const id = await register();
      const base = `/api/customers/${id}`;
      await http()
        .post(`${base}/interactions`)
        .set(operator)
        .send({ kind: 'visit', text: 'Installed the router at Calle Mayor 1' })
        .expect(201);
      const erased = await http().post(`${base}/erase-personal-data`).set(operator).expect(200);
      const res = await http()
        .get(`${base}/interactions`)
        .set({ ...auditor, 'X-Min-Position': String(erased.body.position) })
        .expect(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({ kind: 'visit', direction: 'inbound', text: '[erased]' }),
      ]);
      expect(JSON.stringify(res.body)).not.toContain('Calle Mayor');
    });

    it('answers 404 for an unknown customer and 400 naming a bad kind or page size', async () => {
      await http().get(`/api/customers/${UNKNOWN}/interactions`).set(auditor).expect(404);
      const id = await register();
      const badKind = await http()
        .get(`/api/customers/${id}/interactions?kind=fax`)
        .set(operator)
        .expect(400);
      expect(JSON.stringify(badKind.body)).toMatch(/kind/);
      const badSize = await http()
        .get(`/api/customers/${id}/interactions?pageSize=1000`)
        .set(operator)
        .expect(400);
      expect(JSON.stringify(badSize.body)).toMatch(/pageSize/);
      await http().get(`/api/customers/${id}/interactions`).expect(401);
    });
  });
  describe('PATCH /customers/:id/addresses/:addressId', () => {
    async function withAddress() {
      const id = await register();
      const res = await http()
        .post(`/api/customers/${id}/addresses`)
        .set(operator)
        .send({ label: 'Installation', address: { street: 'Calle Mayor 1', city: 'Madrid' } })
        .expect(201);
      return { id, addressId: res.body.addressId as string, version: res.body.version as number };
    }

    it('edits the fields given, shows them on the file and in the history with before/after', async () => {
      const { id, addressId, version } = await withAddress();
      const res = await http()
        .patch(`/api/customers/${id}/addresses/${addressId}`)
        .set({ ...operator, 'If-Match': String(version) })
        .send({ address: { city: 'Bilbao', postalCode: '48001' } })
        .expect(200);
      expect(res.body).toEqual({ id, version: version + 1, position: expect.any(Number) });
      const wait = { ...auditor, 'X-Min-Position': String(res.body.position) };
      const file = await http().get(`/api/customers/${id}`).set(wait).expect(200);
      expect(file.body.addresses).toEqual([
        expect.objectContaining({
          addressId,
          label: 'Installation',
          address: expect.objectContaining({
            street: 'Calle Mayor 1',
            city: 'Bilbao',
            postalCode: '48001',
          }),
        }),
      ]);
      const history = await http().get(`/api/customers/${id}/history`).set(wait).expect(200);
      expect(history.body.items[0]).toMatchObject({
        eventType: 'AddressEdited',
        summary: 'Address edited',
        changes: [
          {
            field: 'addresses',
            before: { addressId, 'address.city': 'Madrid', 'address.postalCode': null },
            after: { addressId, 'address.city': 'Bilbao', 'address.postalCode': '48001' },
          },
        ],
      });
    });

    it('answers 404 for an unknown address or customer, 409 to a stale If-Match, writing nothing', async () => {
      const { id, addressId } = await withAddress();
      await writesNothing(async () => {
        const unknown = await http()
          .patch(`/api/customers/${id}/addresses/${UNKNOWN}`)
          .set(operator)
          .send({ label: 'x' })
          .expect(404);
        expect(unknown.body.message).toMatch(/no address/);
        await http()
          .patch(`/api/customers/${UNKNOWN}/addresses/${addressId}`)
          .set(operator)
          .send({ label: 'x' })
          .expect(404);
        await http()
          .patch(`/api/customers/${id}/addresses/${addressId}`)
          .set({ ...operator, 'If-Match': '1' })
          .send({ label: 'x' })
          .expect(409);
      });
    });

    it('refuses hostile input with a 400 naming the field, writing nothing', async () => {
      const { id, addressId } = await withAddress();
      const url = `/api/customers/${id}/addresses/${addressId}`;
      await writesNothing(async () => {
        for (const [body, field] of [
          [{ label: 42 }, 'label'],
          [{ address: { city: 'x'.repeat(5000) } }, 'city'],
          [{ address: 'Calle Mayor 1' }, 'address'],
          [{ address: { city: 'Bil\u0000bao' } }, 'city'],
        ] as const) {
          const res = await http().patch(url).set(operator).send(body).expect(400);
          expect(JSON.stringify(res.body)).toContain(field);
        }
        await http().patch(url).set(auditor).send({ label: 'x' }).expect(403);
        // Valid JSON the domain refuses, as it refuses an added address without a street.
        const noStreet = await http()
          .patch(url)
          .set(operator)
          .send({ address: { street: null } })
          .expect(422);
        expect(noStreet.body.details).toEqual([
          expect.objectContaining({ field: 'address.street' }),
        ]);
      });
    });
  });
  describe('PATCH /customers/:id/contacts/:contactId', () => {
    async function withContact() {
      const id = await register();
      const res = await http()
        .post(`/api/customers/${id}/contacts`)
        .set(operator)
        .send({ name: 'Marta Ruiz', role: 'Accounts', consents: { email: true } })
        .expect(201);
      return { id, contactId: res.body.contactId as string, version: res.body.version as number };
    }

    it('edits the fields given, shows them on the file and in the history with before/after', async () => {
      const { id, contactId, version } = await withContact();
      const res = await http()
        .patch(`/api/customers/${id}/contacts/${contactId}`)
        .set({ ...operator, 'If-Match': String(version) })
        .send({ phone: '+34 600 111 222', consents: { sms: true } })
        .expect(200);
      expect(res.body).toEqual({ id, version: version + 1, position: expect.any(Number) });
      const wait = { ...auditor, 'X-Min-Position': String(res.body.position) };
      const file = await http().get(`/api/customers/${id}`).set(wait).expect(200);
      expect(file.body.contacts).toEqual([
        expect.objectContaining({
          contactId,
          name: 'Marta Ruiz',
          role: 'Accounts',
          phone: '+34 600 111 222',
          consents: { mailing: false, email: true, sms: true },
        }),
      ]);
      const history = await http().get(`/api/customers/${id}/history`).set(wait).expect(200);
      expect(history.body.items[0]).toMatchObject({
        eventType: 'ContactPersonEdited',
        summary: 'Contact person edited',
        changes: [
          {
            field: 'contacts',
            before: { contactId, phone: null, 'consents.sms': false },
            after: { contactId, phone: '+34 600 111 222', 'consents.sms': true },
          },
        ],
      });
    });

    it('answers 404 for an unknown contact or customer, 409 to a stale If-Match, writing nothing', async () => {
      const { id, contactId } = await withContact();
      await writesNothing(async () => {
        const unknown = await http()
          .patch(`/api/customers/${id}/contacts/${UNKNOWN}`)
          .set(operator)
          .send({ role: 'x' })
          .expect(404);
        expect(unknown.body.message).toMatch(/no contact person/);
        await http()
          .patch(`/api/customers/${UNKNOWN}/contacts/${contactId}`)
          .set(operator)
          .send({ role: 'x' })
          .expect(404);
        await http()
          .patch(`/api/customers/${id}/contacts/${contactId}`)
          .set({ ...operator, 'If-Match': '1' })
          .send({ role: 'x' })
          .expect(409);
      });
    });

    it('refuses hostile input with a 400 naming the field, writing nothing', async () => {
      const { id, contactId } = await withContact();
      const url = `/api/customers/${id}/contacts/${contactId}`;
      await writesNothing(async () => {
        for (const [body, field] of [
          [{ name: 42 }, 'name'],
          [{ name: 'x'.repeat(5000) }, 'name'],
          [{ consents: { sms: 'yes' } }, 'sms'],
          [{ consents: 'all' }, 'consents'],
          [{ phone: 'Bil\u0000bao' }, 'phone'],
        ] as const) {
          const res = await http().patch(url).set(operator).send(body).expect(400);
          expect(JSON.stringify(res.body)).toContain(field);
        }
        await http().patch(url).set(auditor).send({ role: 'x' }).expect(403);
        // Valid JSON the domain refuses, as it refuses adding such a contact.
        const bad = await http()
          .patch(url)
          .set(operator)
          .send({ name: ' ', email: 'not-an-email' })
          .expect(422);
        expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['name', 'email']);
      });
    });
  });
});
