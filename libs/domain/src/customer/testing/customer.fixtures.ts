import { CommandMeta } from '../../shared/decider';
import { CustomerCommand, CustomerCommandType } from '../customer.commands';
import { CustomerRegistered } from '../customer.events';
import { EMPTY_ADDRESS } from '../customer.profile';

export const CUSTOMER_ID = 'customer-under-test';
export const REGISTERED_AT = '2025-01-15T09:00:00.000Z';
export const NOW = '2025-03-01T10:30:00.000Z';
export const meta: CommandMeta = { at: NOW };

/** Valid Spanish documents and IBANs to build customers with. */
export const VALID_DNI = '12345678Z';
export const VALID_CIF = 'B12345674';
export const VALID_IBAN = 'ES9121000418450200051332';
export const OTHER_VALID_IBAN = 'DE89370400440532013000';

type DataOf<T extends CustomerCommandType> = Extract<CustomerCommand, { type: T }>['data'];

/** A command for the customer under test, stamped with `NOW`. */
export function command<T extends CustomerCommandType>(
  type: T,
  data: Omit<DataOf<T>, 'customerId'> & { customerId?: string },
): Extract<CustomerCommand, { type: T }> {
  return { type, data: { customerId: CUSTOMER_ID, ...data }, metadata: meta } as unknown as Extract<
    CustomerCommand,
    { type: T }
  >;
}

/** Ana García López, a natural person with a DNI, as registered in January. */
export function registered(
  overrides: Partial<CustomerRegistered['data']> = {},
): CustomerRegistered {
  return {
    type: 'CustomerRegistered',
    data: {
      customerId: CUSTOMER_ID,
      registeredAt: REGISTERED_AT,
      personType: 'natural',
      name: 'Ana García López',
      givenName: 'Ana',
      middleName: null,
      firstSurname: 'García',
      secondSurname: 'López',
      email: 'ana@example.com',
      code: 'C-0001',
      document: { type: 'dni', number: VALID_DNI },
      phone: '910000000',
      mobile: '600000000',
      address: { ...EMPTY_ADDRESS, street: 'Calle Mayor 1', city: 'Madrid', country: 'ES' },
      zone: 'Centro',
      seller: null,
      collector: null,
      observations: null,
      ...overrides,
    },
  };
}

export const deactivated = (at = '2025-02-01T00:00:00.000Z') => ({
  type: 'CustomerDeactivated' as const,
  data: { customerId: CUSTOMER_ID, reason: 'moved abroad', deactivatedAt: at },
});

export const deleted = (at = '2025-02-10T00:00:00.000Z') => ({
  type: 'CustomerDeleted' as const,
  data: { customerId: CUSTOMER_ID, deletedAt: at },
});

/** A salted scrypt hash of the form the portal keeps (rule 26); of no password anyone knows. */
export const PORTAL_PASSWORD_HASH =
  'scrypt$16384$8$1$c2FsdC1vZi10aGUtZml4dHVyZQ$aGFzaC1vZi10aGUtZml4dHVyZS1wYXNzd29yZC0wMDAw';
