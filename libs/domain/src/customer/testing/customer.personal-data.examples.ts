import { randomUUID } from 'node:crypto';
import { PersonalDataExamples } from '../../shared/personal-data';
import { CustomerEvent } from '../customer.events';
import { CUSTOMER_PERSONAL_FIELDS } from '../customer.personal-data';

/** The instant every example is dated. */
export const EXAMPLE_AT = '2026-03-01T09:00:00.000Z';
const AT = EXAMPLE_AT;
const IBAN = 'ES9121000418450200051332';

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
 * One example of every customer event type that has personal fields, every personal field
 * given a value of its own (the sealing spec checks each declared path is exercised), beside
 * clear ones: ids, dates, kinds and the operator's own values, which start with `clear-`.
 */
export const CUSTOMER_PERSONAL_DATA_EXAMPLES: PersonalDataExamples<
  CustomerEvent,
  typeof CUSTOMER_PERSONAL_FIELDS
> = {
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
  PortalPasswordRegenerated: (customerId) => ({
    customerId,
    regenerationId: 'clear-regeneration-1',
    passwordHash:
      'scrypt$16384$8$1$c2FsdC1vZi10aGUtZXhhbXBsZQ$aGFzaC1vZi10aGUtZXhhbXBsZS1wYXNzd29yZC0wMDAw',
    regeneratedAt: AT,
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
      issuerId: null,
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
  InterestRecorded: (customerId) => ({
    customerId,
    interestId: randomUUID(),
    product: 'clear-product-fibre-1gb',
    tariffId: null,
    contactId: randomUUID(),
    contactName: 'Luis Interesado Ruiz',
    shownOn: '2026-02-27',
    notes: 'Luis quiere fibra para su hija Marta',
    recordedAt: AT,
  }),
  InterestEdited: (customerId) => ({
    customerId,
    interestId: randomUUID(),
    changes: [
      { field: 'contactName', before: 'Luis Interesado Ruiz', after: 'Luisa Editada Ruiz' },
      { field: 'notes', before: 'Llamar a Luis', after: 'Luisa prefiere el móvil 600777888' },
    ],
    editedAt: AT,
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
