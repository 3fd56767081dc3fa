import { RecordedEvent } from '@app/event-store';
import { CustomerFileRow } from './customer-file.entity';
import { customerFileProjection } from './customer-file.projection';
import { findCustomerFile } from './customer-file.queries';
import { CustomerLog, databaseName, dni, IBAN, IBAN_MASKED } from './testing/customer-log';

describe(`CustomerFileProjection on ${databaseName}`, () => {
  let log: CustomerLog;
  beforeEach(async () => {
    log = await CustomerLog.open('customer_file');
  });
  afterEach(() => log.close());

  const fileOf = async (id: string) => (await findCustomerFile(log.dataSource, id))!;
  const rowOf = (id: string) =>
    log.dataSource.getRepository(CustomerFileRow).findOneByOrFail({ id });

  describe('when a customer is registered', () => {
    it('shows the profile, default billing settings, empty tabs and no warnings', async () => {
      const [registered] = await log.run(
        'RegisterCustomer',
        {
          customerId: '0b5e4c1e-8a86-4d36-9b3e-3c2f0c7d1a01',
          personType: 'natural',
          givenName: 'Ana',
          middleName: 'María',
          firstSurname: 'García',
          secondSurname: 'López',
          code: 'C-0001',
          document: { type: 'dni', number: dni(12345678) },
          email: 'Ana@Example.com',
          phone: '910 000 000',
          mobile: '600000000',
          address: { street: 'Calle Mayor 1', city: 'Madrid', postalCode: '28013', country: 'ES' },
          zone: 'Centro',
          seller: 'Luis',
          observations: 'Prefers mornings',
        },
        { actor: 'operator-ana', at: '2025-01-15T09:00:00.000Z' },
      );
      await log.project();

      expect(await fileOf('0b5e4c1e-8a86-4d36-9b3e-3c2f0c7d1a01')).toEqual({
        id: '0b5e4c1e-8a86-4d36-9b3e-3c2f0c7d1a01',
        collections: { mandates: [], lastReturn: null, dunningStage: null },
        code: 'C-0001',
        status: 'active',
        personType: 'natural',
        displayName: 'Ana María García López',
        name: null,
        givenName: 'Ana',
        middleName: 'María',
        firstSurname: 'García',
        secondSurname: 'López',
        document: { type: 'dni', number: dni(12345678) },
        email: 'ana@example.com',
        phone: '910 000 000',
        mobile: '600000000',
        address: {
          street: 'Calle Mayor 1',
          city: 'Madrid',
          neighbourhood: null,
          province: null,
          postalCode: '28013',
          country: 'ES',
        },
        zone: 'Centro',
        seller: 'Luis',
        collector: null,
        zoneId: null,
        sellerId: null,
        collectorId: null,
        observations: 'Prefers mornings',
        billing: {
          billingEnabled: false,
          paymentMethod: null,
          invoiceSeries: null,
          billingDay: 1,
          maskedIban: null,
          taxId: null,
          vatRatePercent: 21,
          notifyEmails: [],
          sendInvoiceEmail: false,
          sendPaymentEmail: false,
          issuerId: null,
        },
        addresses: [],
        contacts: [],
        image: null,
        attachmentCount: 0,
        counts: {
          interactions: 0,
          addresses: 0,
          contacts: 0,
          invoices: 0,
          pendingEffects: 0,
          contracts: 0,
          subscriptions: 0,
        },
        account: { unpaidInvoices: 0, unpaidBalanceCents: 0, availableCreditCents: 0 },
        warnings: [],
        deactivatedAt: null,
        deactivationReason: null,
        deletedAt: null,
        lastRevision: 0,
        version: 1,
        createdAt: '2025-01-15T09:00:00.000Z',
        updatedAt: '2025-01-15T09:00:00.000Z',
        lastModifiedBy: 'operator-ana',
      });
      expect(registered.revision).toBe(0n);
    });
  });

  describe('when the profile is edited', () => {
    it('follows renames, e-mail changes and field-level detail edits', async () => {
      const id = await log.register(1, { zone: 'Centro', address: { street: 'Calle Sol 3' } });
      await log.run(
        'EditCustomer',
        {
          customerId: id,
          personType: 'legal',
          name: 'Talleres Pepe SL',
          email: 'admin@talleres.example',
          zone: 'Norte',
          document: { type: 'cif', number: 'B12345674' },
          address: { city: 'Sevilla', neighbourhood: 'Triana' },
          phone: null,
        },
        { actor: 'operator-luis', at: '2025-02-01T10:00:00.000Z' },
      );
      await log.project();

      const file = await fileOf(id);
      expect(file).toMatchObject({
        personType: 'legal',
        displayName: 'Talleres Pepe SL',
        name: 'Talleres Pepe SL',
        email: 'admin@talleres.example',
        zone: 'Norte',
        phone: null,
        document: { type: 'cif', number: 'B12345674' },
        address: { street: 'Calle Sol 3', city: 'Sevilla', neighbourhood: 'Triana' },
        lastRevision: 3, // registered, then renamed, e-mail changed and details edited
        updatedAt: '2025-02-01T10:00:00.000Z',
        lastModifiedBy: 'operator-luis',
      });
      expect(file.createdAt).not.toBe(file.updatedAt);
    });
  });

  describe('when the billing settings change', () => {
    it('shows them with the IBAN masked, and never stores the full IBAN', async () => {
      const id = await log.register(2);
      await log.run('ChangeBillingSettings', {
        customerId: id,
        billingEnabled: true,
        paymentMethod: 'direct_debit',
        invoiceSeries: 'A',
        billingDay: 5,
        iban: 'es91 2100 0418 4502 0005 1332',
        taxId: 'B12345674',
        vatRatePercent: 10.5,
        notifyEmails: ['billing@example.com'],
        sendInvoiceEmail: true,
      });
      await log.project();

      expect((await fileOf(id)).billing).toEqual({
        billingEnabled: true,
        paymentMethod: 'direct_debit',
        invoiceSeries: 'A',
        billingDay: 5,
        maskedIban: IBAN_MASKED,
        taxId: 'B12345674',
        vatRatePercent: 10.5,
        notifyEmails: ['billing@example.com'],
        sendInvoiceEmail: true,
        sendPaymentEmail: false,
        issuerId: null,
      });
      const [raw] = await log.dataSource.query('SELECT * FROM customer_file WHERE id = $1', [id]);
      expect(JSON.stringify(raw)).not.toContain(IBAN);
      expect(JSON.stringify(raw)).not.toContain('0005');
    });
  });

  describe('the tabs', () => {
    it('lists addresses and contacts and counts them, with interactions', async () => {
      const id = await log.register(3);
      const address = { street: 'Calle Luna 2', city: 'Toledo' };
      await log.run('AddAddress', { customerId: id, addressId: 'a-1', label: 'home', address });
      await log.run('AddAddress', { customerId: id, addressId: 'a-2', address: { street: 'X 1' } });
      await log.run('RemoveAddress', { customerId: id, addressId: 'a-1' });
      await log.run('AddContactPerson', {
        customerId: id,
        contactId: 'p-1',
        name: 'Luis',
        role: 'son',
        consents: { sms: true },
      });
      for (const interactionId of ['i-1', 'i-2'])
        await log.run('RecordInteraction', {
          customerId: id,
          interactionId,
          kind: 'call',
          text: 'Asked for a quote',
        });
      await log.project();

      const file = await fileOf(id);
      expect(file.addresses).toEqual([
        {
          addressId: 'a-2',
          label: null,
          address: {
            street: 'X 1',
            city: null,
            neighbourhood: null,
            province: null,
            postalCode: null,
            country: null,
          },
        },
      ]);
      expect(file.contacts).toEqual([
        {
          contactId: 'p-1',
          name: 'Luis',
          role: 'son',
          email: null,
          phone: null,
          consents: { mailing: false, email: false, sms: true },
        },
      ]);
      expect(file.counts).toMatchObject({ addresses: 1, contacts: 1, interactions: 2 });
    });
  });

  describe('the status', () => {
    it('goes inactive with its reason, back to active, and to deleted keeping the row', async () => {
      const id = await log.register(4);
      await log.run(
        'DeactivateCustomer',
        { customerId: id, reason: 'moved abroad' },
        { at: '2025-03-01T00:00:00.000Z' },
      );
      await log.project();
      expect(await fileOf(id)).toMatchObject({
        status: 'inactive',
        deactivatedAt: '2025-03-01T00:00:00.000Z',
        deactivationReason: 'moved abroad',
      });

      await log.run('ReactivateCustomer', { customerId: id });
      await log.project();
      expect(await fileOf(id)).toMatchObject({
        status: 'active',
        deactivatedAt: null,
        deactivationReason: null,
      });

      await log.run(
        'DeleteCustomer',
        { customerId: id, blockers: [] },
        { at: '2025-04-01T00:00:00.000Z' },
      );
      await log.project();
      expect(await fileOf(id)).toMatchObject({
        status: 'deleted',
        deletedAt: '2025-04-01T00:00:00.000Z',
        displayName: 'Customer 4',
      });
    });
  });

  describe('applying events again', () => {
    it('changes nothing: every revision already applied is skipped', async () => {
      const id = await log.register(5);
      await log.run('EditCustomer', { customerId: id, zone: 'Norte' });
      await log.run('RecordInteraction', {
        customerId: id,
        interactionId: 'i-1',
        kind: 'note',
        text: 'Called',
      });
      await log.project();
      const before = await rowOf(id);

      const projection = customerFileProjection();
      const events = await log.allEvents();
      await log.dataSource.transaction(async (manager) => {
        for (const event of [...events, ...events.slice(0, 2)])
          await projection.applyBatch([event], manager);
      });
      expect(await rowOf(id)).toEqual(before);
      expect(before.interactionCount).toBe(1);
    });

    it('ignores events of a customer it never saw registered, and other event types', async () => {
      const projection = customerFileProjection();
      const orphan: RecordedEvent = {
        id: 'f0d8a7a2-1111-4a4a-9b9b-000000000001',
        type: 'CustomerEmailChanged',
        data: {
          customerId: 'f0d8a7a2-1111-4a4a-9b9b-000000000002',
          before: null,
          after: 'x@example.com',
        },
        metadata: {
          actor: 'a',
          correlationId: 'c',
          causationId: null,
          occurredAt: '2025-01-01T00:00:00.000Z',
          schemaVersion: 1,
        },
        stream: 'customer-f0d8a7a2-1111-4a4a-9b9b-000000000002',
        revision: 1n,
        position: 1n,
      };
      await log.dataSource.transaction(async (manager) => {
        await projection.applyBatch([orphan], manager);
        await projection.applyBatch([{ ...orphan, type: 'ContractSigned' }], manager);
      });
      expect(await log.dataSource.getRepository(CustomerFileRow).count()).toBe(0);
    });
  });
});
