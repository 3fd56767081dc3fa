import { CustomerEvent, DEFAULT_BILLING_SETTINGS, EMPTY_ADDRESS } from '@app/domain';
import {
  CUSTOMER_ID,
  deactivated,
  deleted,
  registered,
  VALID_IBAN,
} from '@app/domain/customer/testing/customer.fixtures';
import { foldRow, recordedStream, STREAM_STARTED_AT } from '../testing/recorded-stream';
import { evolveCustomerFile } from './customer-file.evolve';

const stream = (...events: CustomerEvent[]) =>
  recordedStream(`customer-${CUSTOMER_ID}`, events, { actor: 'operator-1' });

const billingSettingsChanged = (iban: string | null): CustomerEvent => ({
  type: 'CustomerBillingSettingsChanged',
  data: {
    customerId: CUSTOMER_ID,
    settings: { ...DEFAULT_BILLING_SETTINGS, paymentMethod: 'direct_debit', iban },
    changes: [],
  },
});

describe('evolveCustomerFile (pure: no database)', () => {
  it('a registration opens the file, active, stamped with its revision, time and actor', () => {
    const [event] = stream(registered());
    expect(evolveCustomerFile(null, event)).toMatchObject({
      id: CUSTOMER_ID,
      code: 'C-0001',
      status: 'active',
      displayName: expect.stringContaining('Ana'),
      email: 'ana@example.com',
      documentType: 'dni',
      city: 'Madrid',
      addressCount: 0,
      interactionCount: 0,
      maskedIban: null,
      lastRevision: 0,
      createdAt: new Date(STREAM_STARTED_AT),
      lastModifiedBy: 'operator-1',
    });
  });

  it('a later event of a customer it never saw registered shows nothing', () => {
    const [, later] = stream(registered(), deactivated());
    expect(evolveCustomerFile(null, later)).toBeNull();
  });

  it('follows deactivation and deletion, moving the revision and the last-modified time', () => {
    const file = foldRow(evolveCustomerFile, stream(registered(), deactivated(), deleted()));
    expect(file).toMatchObject({
      status: 'deleted',
      deactivationReason: 'moved abroad',
      deactivatedAt: new Date('2025-02-01T00:00:00.000Z'),
      deletedAt: new Date('2025-02-10T00:00:00.000Z'),
      lastRevision: 2,
      updatedAt: new Date(STREAM_STARTED_AT + 2 * 3_600_000),
    });
  });

  it('shows the IBAN masked with its fingerprint, never in full (rule R4)', () => {
    const file = foldRow(
      evolveCustomerFile,
      stream(registered(), billingSettingsChanged(VALID_IBAN)),
    );
    expect(file?.maskedIban).toMatch(/\*/);
    expect(file?.ibanFingerprint).toEqual(expect.any(String));
    expect(JSON.stringify(file)).not.toContain(VALID_IBAN);
    const removed = foldRow(
      evolveCustomerFile,
      stream(registered(), billingSettingsChanged(VALID_IBAN), billingSettingsChanged(null)),
    );
    expect(removed).toMatchObject({ maskedIban: null, ibanFingerprint: null });
  });

  it('an erasure blanks every personal column of the file', () => {
    const erased = foldRow(
      evolveCustomerFile,
      stream(registered(), {
        type: 'CustomerPersonalDataErased',
        data: { customerId: CUSTOMER_ID, erasedAt: '2025-04-01T00:00:00.000Z' },
      }),
    );
    expect(erased).toMatchObject({ email: null, documentNumber: null, phone: null, mobile: null });
    expect(JSON.stringify(erased)).not.toContain('García');
  });

  it('edits an address and a contact person in place, the counters unchanged', () => {
    const events: CustomerEvent[] = [
      registered(),
      {
        type: 'AddressAdded',
        data: {
          customerId: CUSTOMER_ID,
          addressId: 'a-1',
          label: 'installation',
          address: { ...EMPTY_ADDRESS, street: 'Calle Luna 2', city: 'Toledo' },
        },
      },
      {
        type: 'AddressEdited',
        data: {
          customerId: CUSTOMER_ID,
          addressId: 'a-1',
          changes: [{ field: 'address.city', before: 'Toledo', after: 'Bilbao' }],
        },
      },
      {
        type: 'ContactPersonAdded',
        data: {
          customerId: CUSTOMER_ID,
          contactId: 'p-1',
          name: 'Luis',
          role: null,
          email: null,
          phone: null,
          consents: { mailing: false, email: false, sms: false },
        },
      },
      {
        type: 'ContactPersonEdited',
        data: {
          customerId: CUSTOMER_ID,
          contactId: 'p-1',
          changes: [
            { field: 'phone', before: null, after: '600111222' },
            { field: 'consents.sms', before: false, after: true },
          ],
        },
      },
    ];
    const file = foldRow(evolveCustomerFile, stream(...events));
    expect(file).toMatchObject({
      addressCount: 1,
      contactCount: 1,
      addresses: [
        {
          addressId: 'a-1',
          label: 'installation',
          address: { street: 'Calle Luna 2', city: 'Bilbao' },
        },
      ],
      contacts: [
        {
          contactId: 'p-1',
          name: 'Luis',
          phone: '600111222',
          consents: { mailing: false, email: false, sms: true },
        },
      ],
      lastRevision: 4,
    });
  });
});

describe('evolveCustomerFile: catalog links (rule 28)', () => {
  const norte = { entryId: 'z-1', name: 'Zona Norte' };
  const file = (...events: CustomerEvent[]) => foldRow(evolveCustomerFile, stream(...events));

  it('a registration with links keeps the ids and the names chosen', () => {
    expect(file(registered({ zone: 'Zona Norte', catalogLinks: { zone: norte } }))).toMatchObject({
      zone: 'Zona Norte',
      zoneId: 'z-1',
      sellerId: null,
      collectorId: null,
    });
  });

  it('free text carried over is shown by its entry name; a cleared link clears the id', () => {
    const linked: CustomerEvent = {
      type: 'CustomerCatalogLinked',
      data: { customerId: CUSTOMER_ID, links: { zone: norte }, linkedAt: '2025-03-01' },
    };
    expect(file(registered({ zone: 'zona norte ' }), linked)).toMatchObject({
      zone: 'Zona Norte',
      zoneId: 'z-1',
    });
    const cleared: CustomerEvent = {
      type: 'CustomerDetailsEdited',
      data: {
        customerId: CUSTOMER_ID,
        changes: [{ field: 'zone', before: 'Zona Norte', after: null }],
        catalogLinks: { zone: null },
      },
    };
    expect(file(registered({ zone: 'zona norte ' }), linked, cleared)).toMatchObject({
      zone: null,
      zoneId: null,
    });
  });
});
