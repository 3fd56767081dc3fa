import { randomUUID } from 'node:crypto';
import { SqlDatabase } from '@app/database';
import {
  AnyDomainEvent,
  CustomerEventType,
  customerStream,
  PERSONAL_DATA,
  personalDataPolicy,
  SealingRule,
} from '@app/domain';
import { eventUpcasters } from '@app/domain/upcasters';
import {
  createEventStore,
  EventStore,
  UnsealableEventError,
  UpcasterRegistry,
} from '@app/event-store';
import { SEALED_FIELD } from '@app/event-store/crypto-shredding/personal-data-cipher';
import { openTestPglite, openTestPostgres } from '@app/event-store/testing/test-databases';

const databaseUrl = process.env.DATABASE_URL;
const AT = '2026-03-01T09:00:00.000Z';
const IBAN = 'ES9121000418450200051332';

type DataOf<T extends AnyDomainEvent['type']> = Extract<AnyDomainEvent, { type: T }>['data'];
type Examples = { [T in AnyDomainEvent['type']]?: (customerId: string) => DataOf<T> };

const address = (tag: string) => ({
  street: `Calle ${tag} 7`,
  city: `Ciudad ${tag}`,
  neighbourhood: `Barrio ${tag}`,
  province: `Provincia ${tag}`,
  postalCode: `${tag.length}2001`,
  country: `País ${tag}`,
});
const name = (tag: string) => ({
  personType: 'natural' as const,
  name: `Ana ${tag} Pérez Gil`,
  givenName: `Ana ${tag}`,
  middleName: `María ${tag}`,
  firstSurname: `Pérez ${tag}`,
  secondSurname: `Gil ${tag}`,
});

/**
 * One example of every event type that has personal fields, every personal field given a
 * value of its own (the spec checks each declared path is exercised), beside clear ones.
 */
const EXAMPLES: Examples = {
  CustomerRegistered: (customerId) => ({
    customerId,
    registeredAt: AT,
    ...name('Registrada'),
    email: 'ana.registrada@example.com',
    code: 'clear-code-1',
    document: { type: 'dni', number: '12345678Z' },
    phone: '911000111',
    mobile: '600000111',
    address: address('Registro'),
    zone: 'clear-zone-north',
    seller: 'clear-seller',
    collector: null,
    observations: 'Prefiere llamadas por la tarde',
  }),
  CustomerRenamed: (customerId) => ({
    customerId,
    before: name('Antes'),
    after: name('Despues'),
  }),
  CustomerEmailChanged: (customerId) => ({
    customerId,
    before: 'ana.antes@example.com',
    after: 'ana.despues@example.com',
  }),
  CustomerDetailsEdited: (customerId) => ({
    customerId,
    changes: [
      { field: 'document', before: null, after: { type: 'nie', number: 'X1234567L' } },
      { field: 'phone', before: '911000111', after: '911000222' },
      { field: 'mobile', before: null, after: '600000222' },
      { field: 'address.street', before: null, after: 'Avenida Editada 3' },
      { field: 'address.city', before: null, after: 'Ciudad Editada' },
      { field: 'address.neighbourhood', before: null, after: 'Barrio Editado' },
      { field: 'address.province', before: null, after: 'Provincia Editada' },
      { field: 'address.postalCode', before: null, after: '42002' },
      { field: 'address.country', before: null, after: 'País Editado' },
      { field: 'observations', before: null, after: 'Tiene un perro que muerde' },
      { field: 'zone', before: 'clear-zone-north', after: 'clear-zone-south' },
    ],
  }),
  CustomerBillingSettingsChanged: (customerId) => ({
    customerId,
    settings: {
      billingEnabled: true,
      paymentMethod: 'direct_debit',
      invoiceSeries: 'F',
      billingDay: 5,
      iban: IBAN,
      taxId: 'B76365789',
      vatRatePercent: 21,
      notifyEmails: ['facturas.ana@example.com'],
      sendInvoiceEmail: true,
      sendPaymentEmail: false,
    },
    changes: [
      { field: 'iban', before: null, after: IBAN },
      { field: 'taxId', before: null, after: 'B76365789' },
      { field: 'notifyEmails', before: [], after: ['facturas.ana@example.com'] },
      { field: 'billingDay', before: 1, after: 5 },
    ],
  }),
  AddressAdded: (customerId) => ({
    customerId,
    addressId: randomUUID(),
    label: 'Casa de la abuela',
    address: address('Segunda'),
  }),
  AddressEdited: (customerId) => ({
    customerId,
    addressId: randomUUID(),
    changes: [
      { field: 'label', before: 'Casa de la abuela', after: 'Casa del abuelo' },
      { field: 'address.street', before: 'Calle Vieja 1', after: 'Calle Editada 9' },
      { field: 'address.city', before: null, after: 'Villa Editada' },
      { field: 'address.neighbourhood', before: null, after: 'Barrio Cambiado' },
      { field: 'address.province', before: null, after: 'Provincia Cambiada' },
      { field: 'address.postalCode', before: null, after: '42009' },
      { field: 'address.country', before: null, after: 'País Cambiado' },
    ],
  }),
  ContactPersonAdded: (customerId) => ({
    customerId,
    contactId: randomUUID(),
    name: 'Luis Contacto Ruiz',
    role: 'Hijo de la titular',
    email: 'luis.contacto@example.com',
    phone: '600333444',
    consents: { mailing: true, email: false, sms: true },
  }),
  ContactPersonEdited: (customerId) => ({
    customerId,
    contactId: randomUUID(),
    changes: [
      { field: 'name', before: 'Luis Contacto Ruiz', after: 'Luisa Editada Ruiz' },
      { field: 'role', before: 'Hijo de la titular', after: 'Hija de la titular' },
      { field: 'email', before: 'luis.contacto@example.com', after: 'luisa.editada@example.com' },
      { field: 'phone', before: '600333444', after: '600555666' },
      { field: 'consents.sms', before: true, after: false },
    ],
  }),
  InteractionRecorded: (customerId) => ({
    customerId,
    interactionId: randomUUID(),
    kind: 'call',
    direction: 'inbound',
    text: 'Llamó porque el router no enciende',
    recordedAt: AT,
  }),
  CustomerDeactivated: (customerId) => ({
    customerId,
    reason: 'Se muda a Lisboa con su hija',
    deactivatedAt: AT,
  }),
};

type Json = Record<string, unknown>;
const valueAt = (data: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Json | undefined)?.[key], data);
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value !== null && typeof value === 'object'
      ? Object.values(value).flatMap(stringsIn)
      : [];

/**
 * The example values meant to stay in clear: ids, dates, kinds and codes, the names of the
 * fields an edit changed, and the operator's own `clear-…` values. Every other text of an
 * example is personal and must not be in the log in clear, whatever the map says: an entry
 * declaring too little fails here.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CLEAR_VALUES = new Set([AT, 'natural', 'direct_debit', 'F', 'call', 'inbound']);
const keptInClear = (text: string, data: Json) =>
  UUID.test(text) ||
  text.startsWith('clear-') ||
  CLEAR_VALUES.has(text) ||
  Object.values(data).some(
    (value) => Array.isArray(value) && value.some((change: Json) => change.field === text),
  );

interface PersonalPart {
  where: string;
  value: unknown;
  erased: unknown;
  /** Reads the part back out of an event's data. */
  read(data: unknown): unknown;
}

/** The personal parts of `data` as the domain's map declares them (not as the store finds them). */
function personalParts(type: string, data: unknown): PersonalPart[] {
  const fields = PERSONAL_DATA[type as CustomerEventType] as SealingRule;
  const parts: PersonalPart[] = Object.entries(fields.paths ?? {}).map(([path, erased]) => ({
    where: path,
    value: valueAt(data, path),
    erased,
    read: (read) => valueAt(read, path),
  }));
  for (const [list, personal] of Object.entries(fields.changeLists ?? {}))
    for (const [field, erased] of Object.entries(personal)) {
      const index = (valueAt(data, list) as Json[]).findIndex((change) => change.field === field);
      const sides = (of: unknown) =>
        ['before', 'after'].map((side) => valueAt(of, `${list}.${index}.${side}`));
      parts.push({
        where: `${list}[${field}]`,
        value: sides(data),
        erased: [erased, erased],
        read: sides,
      });
    }
  return parts;
}

describe(`Every event type's declared personal fields, written through the application's store, on ${databaseUrl ? 'PostgreSQL' : 'PGlite'}`, () => {
  let opened: { db: SqlDatabase; dispose(): Promise<void> };
  let store: EventStore;

  beforeAll(async () => {
    opened = databaseUrl
      ? await openTestPostgres(databaseUrl, 'personal_data_sealing')
      : await openTestPglite();
    // As StorageModule wires it.
    store = await createEventStore(opened.db, {
      pollIntervalMs: 20,
      upcasters: UpcasterRegistry.of(eventUpcasters),
      personalData: personalDataPolicy,
    });
  });
  afterAll(async () => {
    await store.close();
    await opened.dispose();
  });

  const rawData = async (stream: string) =>
    (
      await opened.db.query<{ event_type: string; data: Json }>(
        'SELECT event_type, data FROM es_events WHERE stream_id = $1 ORDER BY revision',
        [stream],
      )
    ).rows;

  const sealingTypes = Object.keys(personalDataPolicy.events);

  it('has an example of every event type with personal fields to seal', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...sealingTypes].sort());
  });

  it.each(sealingTypes)(
    '%s: none of its personal values is in the raw log; read back whole; erased with the key',
    async (type) => {
      const customerId = randomUUID();
      const stream = customerStream(customerId);
      const example = EXAMPLES[type as keyof Examples] as (id: string) => Json;
      const data = example(customerId);
      const parts = personalParts(type, data);
      // Every declared personal part is exercised by the example, with text to look for.
      const unexercised = parts.filter((part) => stringsIn(part.value).length === 0);
      expect(unexercised.map((part) => part.where)).toEqual([]);

      await store.append(stream, [{ type, data }]);

      const [raw] = await rawData(stream);
      expect(raw.event_type).toBe(type);
      expect(raw.data[SEALED_FIELD]).toBeDefined();
      const { [SEALED_FIELD]: _sealed, ...clear } = raw.data;
      const clearJson = JSON.stringify(clear);
      expect(clearJson).toContain(customerId);
      const inClear = parts.flatMap((part) =>
        stringsIn(part.value)
          .filter((secret) => clearJson.includes(JSON.stringify(secret)))
          .map((secret) => `${part.where}: ${secret}`),
      );
      expect(inClear).toEqual([]);
      const personalTexts = stringsIn(data).filter((text) => !keptInClear(text, data));
      expect(personalTexts.length).toBeGreaterThan(0);
      expect(personalTexts.filter((text) => clearJson.includes(JSON.stringify(text)))).toEqual([]);

      const [read] = await store.readStream(stream);
      expect(read.data).toEqual(data);

      await store.append(stream, [
        { type: 'CustomerPersonalDataErased', data: { customerId, erasedAt: AT } },
      ]);
      const [erased] = await store.readStream(stream);
      const readAsErased = (part: PersonalPart) => [part.where, part.read(erased.data)];
      expect(parts.map(readAsErased)).toEqual(parts.map((part) => [part.where, part.erased]));
      expect(JSON.stringify(erased.data)).toContain(customerId);
    },
  );

  it('refuses an event type that has not declared its personal data, and writes nothing', async () => {
    const customerId = randomUUID();
    const stream = customerStream(customerId);
    await expect(
      store.append(stream, [
        { type: 'CustomerNicknamed', data: { customerId, nickname: 'Anita la del quinto' } },
      ]),
    ).rejects.toThrow(UnsealableEventError);
    expect(await rawData(stream)).toEqual([]);
  });
});
