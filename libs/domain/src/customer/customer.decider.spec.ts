import { given } from '../shared/testing/decider-specification';
import { DEFAULT_BILLING_SETTINGS } from './customer.billing';
import { CustomerCommand } from './customer.commands';
import { customerDecider } from './customer.decider';
import { CustomerEvent } from './customer.events';
import { EMPTY_ADDRESS, EMPTY_PROFILE } from './customer.profile';
import {
  command,
  CUSTOMER_ID,
  deactivated,
  deleted,
  NOW,
  PORTAL_PASSWORD_HASH,
  OTHER_VALID_IBAN,
  registered,
  VALID_CIF,
  VALID_DNI,
  VALID_IBAN,
} from './testing/customer.fixtures';

const customer = given(customerDecider);
const ana = registered();

/**
 * One valid instance of every command but registration, for the "refused when unregistered /
 * deleted" specs; keyed by type, so a new command does not compile until it is here. Erasure
 * is left out on purpose: a deleted customer's data may still be erased
 * (customer.erasure.spec.ts).
 */
const everyCommandButRegister: CustomerCommand[] = Object.values({
  EditCustomer: command('EditCustomer', { zone: 'Norte' }),
  RenameCustomer: command('RenameCustomer', { name: 'Ana G.' }),
  ChangeCustomerEmail: command('ChangeCustomerEmail', { email: 'new@example.com' }),
  ChangeBillingSettings: command('ChangeBillingSettings', { billingDay: 5 }),
  AddAddress: command('AddAddress', { addressId: 'a-1', address: { street: 'Calle Luna 2' } }),
  EditAddress: command('EditAddress', { addressId: 'a-1', address: { city: 'Bilbao' } }),
  RemoveAddress: command('RemoveAddress', { addressId: 'a-1' }),
  AddContactPerson: command('AddContactPerson', { contactId: 'p-1', name: 'Luis' }),
  EditContactPerson: command('EditContactPerson', { contactId: 'p-1', phone: '600000001' }),
  RemoveContactPerson: command('RemoveContactPerson', { contactId: 'p-1' }),
  RecordInteraction: command('RecordInteraction', {
    interactionId: 'i-1',
    kind: 'call',
    text: 'Asked for a quote',
  }),
  RecordInterest: command('RecordInterest', { interestId: 'n-1', product: 'Fibra 1 Gb' }),
  EditInterest: command('EditInterest', { interestId: 'n-1', notes: 'Call back in June' }),
  RemoveInterest: command('RemoveInterest', { interestId: 'n-1' }),
  DeactivateCustomer: command('DeactivateCustomer', {}),
  ReactivateCustomer: command('ReactivateCustomer', {}),
  DeleteCustomer: command('DeleteCustomer', { blockers: [] }),
  RegeneratePortalPassword: command('RegeneratePortalPassword', {
    regenerationId: 'r-1',
    passwordHash: PORTAL_PASSWORD_HASH,
  }),
  LinkCustomerCatalogs: command('LinkCustomerCatalogs', {
    links: { zone: { entryId: 'z-1', name: 'Zona Norte' } },
  }),
} satisfies {
  [
    T in Exclude<CustomerCommand['type'], 'RegisterCustomer' | 'EraseCustomerPersonalData'>
  ]: Extract<CustomerCommand, { type: T }>;
});
const named = (commands: CustomerCommand[]) => commands.map((c) => [c.type, c] as const);

describe('Customer decider', () => {
  describe('when unregistered', () => {
    it('registers an `other` customer with only a name, filling the rest with nulls', () => {
      customer([])
        .when(command('RegisterCustomer', { personType: 'other', name: '  Bar Pepe  ' }))
        .then([
          {
            type: 'CustomerRegistered',
            data: {
              ...EMPTY_PROFILE,
              customerId: CUSTOMER_ID,
              registeredAt: NOW,
              personType: 'other',
              name: 'Bar Pepe',
            },
          },
        ]);
    });

    it('registers a customer with every field of the form, normalised', () => {
      customer([])
        .when(
          command('RegisterCustomer', {
            code: ' C-0001 ',
            personType: 'natural',
            name: 'Ana García López',
            givenName: 'Ana',
            middleName: '',
            firstSurname: 'García',
            secondSurname: 'López',
            document: { type: 'dni', number: '12.345.678-z' },
            email: ' Ana@Example.COM ',
            phone: '910000000',
            mobile: '600000000',
            address: { street: 'Calle Mayor 1', city: 'Madrid', country: 'ES' },
            zone: 'Centro',
            seller: ' ',
            collector: null,
          }),
        )
        .then([{ ...ana, data: { ...ana.data, registeredAt: NOW } }]);
    });

    it('registers a legal person with a CIF', () => {
      customer([])
        .when(
          command('RegisterCustomer', {
            personType: 'legal',
            name: 'Redes del Sur S.L.',
            document: { type: 'cif', number: VALID_CIF },
          }),
        )
        .then([
          {
            type: 'CustomerRegistered',
            data: {
              ...EMPTY_PROFILE,
              customerId: CUSTOMER_ID,
              registeredAt: NOW,
              personType: 'legal',
              name: 'Redes del Sur S.L.',
              document: { type: 'cif', number: VALID_CIF },
            },
          },
        ]);
    });

    it('accepts a natural person with four of the five name fields (R1)', () => {
      const [event] = customerDecider.decide(
        command('RegisterCustomer', {
          personType: 'natural',
          givenName: 'Ana',
          middleName: 'María',
          firstSurname: 'García',
          secondSurname: 'López',
        }),
        customerDecider.initialState,
      );
      expect(event.data).toMatchObject({ name: null, givenName: 'Ana', secondSurname: 'López' });
    });

    it('refuses an `other` customer without a name (R1)', () => {
      customer([])
        .when(command('RegisterCustomer', { personType: 'other', name: '   ' }))
        .thenRefuses('R1', { details: [{ code: 'R1', field: 'name' }] });
    });

    it('refuses a legal person without a name (R1)', () => {
      customer([])
        .when(command('RegisterCustomer', { personType: 'legal', givenName: 'Redes' }))
        .thenRefuses('R1', { message: /legal person needs a name/ });
    });

    it('refuses a natural person with only three name fields, naming the missing ones (R1)', () => {
      customer([])
        .when(
          command('RegisterCustomer', {
            personType: 'natural',
            name: 'Ana García',
            givenName: 'Ana',
            firstSurname: 'García',
          }),
        )
        .thenRefuses('R1', { message: /at least 4 .*missing: second given name, second surname/ });
    });

    it('refuses an unknown person type (R1)', () => {
      const bogus = command('RegisterCustomer', { personType: 'robot' as 'other', name: 'R2-D2' });
      customer([])
        .when(bogus)
        .thenRefuses('R1', { details: [{ field: 'personType' }] });
    });

    it('refuses a malformed e-mail (R2)', () => {
      customer([])
        .when(command('RegisterCustomer', { name: 'Bar Pepe', email: 'pepe@' }))
        .thenRefuses('R2', { details: [{ code: 'R2', field: 'email' }] });
    });

    it('refuses a DNI whose letter does not match (R3)', () => {
      customer([])
        .when(
          command('RegisterCustomer', {
            name: 'Bar Pepe',
            document: { type: 'dni', number: '12345678A' },
          }),
        )
        .thenRefuses('R3', { details: [{ code: 'R3', field: 'document.number' }] });
    });

    it('lists every broken rule at once', () => {
      customer([])
        .when(
          command('RegisterCustomer', {
            personType: 'legal',
            email: 'not-an-email',
            document: { type: 'nie', number: 'X0000000A' },
          }),
        )
        .thenRefuses('R1', {
          details: [{ code: 'R1' }, { code: 'R2' }, { code: 'R3' }],
        });
    });

    it('defaults the person type to `other`', () => {
      const [event] = customerDecider.decide(
        { ...command('RegisterCustomer', { name: 'Bar Pepe' }) },
        customerDecider.initialState,
      );
      expect(event.data).toMatchObject({ personType: 'other' });
    });

    it.each(named(everyCommandButRegister))('refuses %s with CUSTOMER.NOT_FOUND', (_type, cmd) => {
      customer([])
        .when(cmd)
        .thenRefuses('CUSTOMER.NOT_FOUND', { message: /register it/ });
    });
  });

  describe('when registered', () => {
    it('refuses registering it again', () => {
      customer([ana])
        .when(command('RegisterCustomer', { name: 'Ana' }))
        .thenRefuses('CUSTOMER.ALREADY_REGISTERED');
    });

    describe('editing details', () => {
      it('records each changed field with its before and after', () => {
        customer([ana])
          .when(command('EditCustomer', { phone: '911111111', zone: 'Norte', code: 'C-0001' }))
          .then([
            {
              type: 'CustomerDetailsEdited',
              data: {
                customerId: CUSTOMER_ID,
                changes: [
                  { field: 'phone', before: '910000000', after: '911111111' },
                  { field: 'zone', before: 'Centro', after: 'Norte' },
                ],
              },
            },
          ]);
      });

      it('records address parts one by one, leaving the other parts alone', () => {
        customer([ana])
          .when(command('EditCustomer', { address: { city: 'Sevilla', postalCode: '41001' } }))
          .then([
            {
              type: 'CustomerDetailsEdited',
              data: {
                customerId: CUSTOMER_ID,
                changes: [
                  { field: 'address.city', before: 'Madrid', after: 'Sevilla' },
                  { field: 'address.postalCode', before: null, after: '41001' },
                ],
              },
            },
          ]);
      });

      it('records a new document as a whole, normalised', () => {
        customer([ana])
          .when(command('EditCustomer', { document: { type: 'nie', number: 'x-1234567-l' } }))
          .then([
            {
              type: 'CustomerDetailsEdited',
              data: {
                customerId: CUSTOMER_ID,
                changes: [
                  {
                    field: 'document',
                    before: { type: 'dni', number: VALID_DNI },
                    after: { type: 'nie', number: 'X1234567L' },
                  },
                ],
              },
            },
          ]);
      });

      it('clears fields set to null or blank', () => {
        customer([ana])
          .when(command('EditCustomer', { mobile: null, zone: '  ', document: null }))
          .then([
            {
              type: 'CustomerDetailsEdited',
              data: {
                customerId: CUSTOMER_ID,
                changes: [
                  { field: 'document', before: { type: 'dni', number: VALID_DNI }, after: null },
                  { field: 'mobile', before: '600000000', after: null },
                  { field: 'zone', before: 'Centro', after: null },
                ],
              },
            },
          ]);
      });

      it('clears the whole invoice address when set to null', () => {
        const [event] = customerDecider.decide(
          command('EditCustomer', { address: null }),
          customer([ana]).state(),
        );
        expect(event).toMatchObject({
          type: 'CustomerDetailsEdited',
          data: {
            changes: [
              { field: 'address.street', before: 'Calle Mayor 1', after: null },
              { field: 'address.city', before: 'Madrid', after: null },
              { field: 'address.country', before: 'ES', after: null },
            ],
          },
        });
      });

      it('splits a rename, an e-mail change and a details edit into three events', () => {
        customer([ana])
          .when(
            command('EditCustomer', {
              secondSurname: 'Ruiz',
              email: 'ana.g@example.com',
              zone: 'Sur',
            }),
          )
          .then([
            {
              type: 'CustomerRenamed',
              data: {
                customerId: CUSTOMER_ID,
                before: {
                  personType: 'natural',
                  name: 'Ana García López',
                  givenName: 'Ana',
                  middleName: null,
                  firstSurname: 'García',
                  secondSurname: 'López',
                },
                after: {
                  personType: 'natural',
                  name: 'Ana García López',
                  givenName: 'Ana',
                  middleName: null,
                  firstSurname: 'García',
                  secondSurname: 'Ruiz',
                },
              },
            },
            {
              type: 'CustomerEmailChanged',
              data: {
                customerId: CUSTOMER_ID,
                before: 'ana@example.com',
                after: 'ana.g@example.com',
              },
            },
            {
              type: 'CustomerDetailsEdited',
              data: {
                customerId: CUSTOMER_ID,
                changes: [{ field: 'zone', before: 'Centro', after: 'Sur' }],
              },
            },
          ]);
      });

      it('emits nothing when the edit changes nothing (idempotent)', () => {
        customer([ana])
          .when(
            command('EditCustomer', {
              phone: ' 910000000 ',
              email: 'ANA@example.com',
              givenName: 'Ana',
              middleName: '',
              document: { type: 'dni', number: '12345678-z' },
              address: { city: 'Madrid' },
            }),
          )
          .thenNothingHappens();
      });

      it('emits nothing for an empty patch', () => {
        customer([ana]).when(command('EditCustomer', {})).thenNothingHappens();
      });

      it('re-checks R1 on the resulting name: a natural person cannot drop to three name fields', () => {
        customer([ana])
          .when(command('EditCustomer', { name: null }))
          .thenRefuses('R1', { message: /missing: full name, second given name/ });
      });

      it('re-checks R1 when only the person type changes', () => {
        const fourParts = registered({ name: null, middleName: 'María' });
        customer([fourParts])
          .when(command('EditCustomer', { personType: 'legal' }))
          .thenRefuses('R1', { details: [{ field: 'name' }] });
      });

      it('refuses a malformed e-mail (R2) and an invalid document (R3) together', () => {
        customer([ana])
          .when(
            command('EditCustomer', {
              email: 'ana at example',
              document: { type: 'cif', number: 'B12345670' },
            }),
          )
          .thenRefuses('R2', { details: [{ code: 'R2' }, { code: 'R3' }] });
      });

      it('does not re-judge fields the edit leaves alone', () => {
        const legacy = registered({ givenName: null, secondSurname: null }); // imported before R1
        customer([legacy])
          .when(command('EditCustomer', { phone: '912345678' }))
          .then([
            {
              type: 'CustomerDetailsEdited',
              data: {
                customerId: CUSTOMER_ID,
                changes: [{ field: 'phone', before: '910000000', after: '912345678' }],
              },
            },
          ]);
      });
    });

    describe('renaming', () => {
      it('records the name fields before and after', () => {
        customer([ana])
          .when(command('RenameCustomer', { personType: 'other', name: 'Ana García' }))
          .then([
            {
              type: 'CustomerRenamed',
              data: {
                customerId: CUSTOMER_ID,
                before: {
                  personType: 'natural',
                  name: 'Ana García López',
                  givenName: 'Ana',
                  middleName: null,
                  firstSurname: 'García',
                  secondSurname: 'López',
                },
                after: {
                  personType: 'other',
                  name: 'Ana García',
                  givenName: 'Ana',
                  middleName: null,
                  firstSurname: 'García',
                  secondSurname: 'López',
                },
              },
            },
          ]);
      });

      it('emits nothing when the name stays the same', () => {
        customer([ana])
          .when(command('RenameCustomer', { name: ' Ana García López ', firstSurname: 'García' }))
          .thenNothingHappens();
      });

      it('refuses a natural person left with fewer than four name fields (R1)', () => {
        customer([ana])
          .when(command('RenameCustomer', { givenName: '', firstSurname: null }))
          .thenRefuses('R1');
      });

      it('refuses a legal person without a name (R1)', () => {
        customer([ana])
          .when(command('RenameCustomer', { personType: 'legal', name: null }))
          .thenRefuses('R1', { message: /legal person needs a name/ });
      });
    });

    describe('changing the main e-mail', () => {
      it('records the normalised e-mail before and after', () => {
        customer([ana])
          .when(command('ChangeCustomerEmail', { email: ' Ana.Garcia@Example.com ' }))
          .then([
            {
              type: 'CustomerEmailChanged',
              data: {
                customerId: CUSTOMER_ID,
                before: 'ana@example.com',
                after: 'ana.garcia@example.com',
              },
            },
          ]);
      });

      it('removes the e-mail when set to null', () => {
        customer([ana])
          .when(command('ChangeCustomerEmail', { email: null }))
          .then([
            {
              type: 'CustomerEmailChanged',
              data: { customerId: CUSTOMER_ID, before: 'ana@example.com', after: null },
            },
          ]);
      });

      it('emits nothing for the same address in another case', () => {
        customer([ana])
          .when(command('ChangeCustomerEmail', { email: 'ANA@EXAMPLE.COM' }))
          .thenNothingHappens();
      });

      it('refuses a malformed e-mail (R2)', () => {
        customer([ana])
          .when(command('ChangeCustomerEmail', { email: 'ana@example' }))
          .thenRefuses('R2', { message: /not a valid e-mail/ });
      });
    });

    describe('changing billing settings', () => {
      const allSettings = {
        billingEnabled: true,
        paymentMethod: 'direct_debit' as const,
        invoiceSeries: 'F2025',
        billingDay: 5,
        iban: 'es91 2100 0418 4502 0005 1332',
        taxId: VALID_DNI,
        vatRatePercent: 21,
        notifyEmails: ['Admin@Example.com', 'admin@example.com', ' ', 'billing@example.com'],
        sendInvoiceEmail: true,
        sendPaymentEmail: false,
      };
      const settingsAfter = {
        ...allSettings,
        iban: VALID_IBAN,
        notifyEmails: ['admin@example.com', 'billing@example.com'],
        issuerId: null,
      };

      it('records the whole tab and each changed field, with the full normalised IBAN', () => {
        customer([ana])
          .when(command('ChangeBillingSettings', allSettings))
          .then([
            {
              type: 'CustomerBillingSettingsChanged',
              data: {
                customerId: CUSTOMER_ID,
                settings: settingsAfter,
                changes: [
                  { field: 'billingEnabled', before: false, after: true },
                  { field: 'paymentMethod', before: null, after: 'direct_debit' },
                  { field: 'invoiceSeries', before: null, after: 'F2025' },
                  { field: 'billingDay', before: 1, after: 5 },
                  { field: 'iban', before: null, after: VALID_IBAN },
                  { field: 'taxId', before: null, after: VALID_DNI },
                  {
                    field: 'notifyEmails',
                    before: [],
                    after: ['admin@example.com', 'billing@example.com'],
                  },
                  { field: 'sendInvoiceEmail', before: false, after: true },
                ],
              },
            },
          ]);
      });

      const configured = () =>
        customerDecider.decide(
          command('ChangeBillingSettings', allSettings),
          customer([ana]).state(),
        );

      it('keeps the fields left out (rule R11: one customer may move its billing day)', () => {
        customer([ana, ...configured()])
          .when(command('ChangeBillingSettings', { billingDay: 28, iban: OTHER_VALID_IBAN }))
          .then([
            {
              type: 'CustomerBillingSettingsChanged',
              data: {
                customerId: CUSTOMER_ID,
                settings: { ...settingsAfter, billingDay: 28, iban: OTHER_VALID_IBAN },
                changes: [
                  { field: 'billingDay', before: 5, after: 28 },
                  { field: 'iban', before: VALID_IBAN, after: OTHER_VALID_IBAN },
                ],
              },
            },
          ]);
      });

      it('emits nothing when the settings are already so (idempotent)', () => {
        customer([ana, ...configured()])
          .when(command('ChangeBillingSettings', allSettings))
          .thenNothingHappens();
      });

      it.each([
        ['../ S;--', 'BILLING.INVALID_SERIES'],
        ['F 2026', 'BILLING.INVALID_SERIES'],
        ['RQE585', 'R8'],
        ['rf2026', 'R8'],
      ])(
        'refuses the invoice series %p with %s naming the field, writing nothing',
        (invoiceSeries, code) => {
          customer([ana, ...configured()])
            .when(command('ChangeBillingSettings', { invoiceSeries, billingDay: 9 }))
            .thenRefuses(code, { details: [{ code, field: 'invoiceSeries' }] });
        },
      );

      it('clears the invoice series with null or blank, and trims one given', () => {
        const [cleared] = customerDecider.decide(
          command('ChangeBillingSettings', { invoiceSeries: '  ' }),
          customer([ana, ...configured()]).state(),
        );
        expect(cleared.data).toMatchObject({
          changes: [{ field: 'invoiceSeries', before: 'F2025', after: null }],
        });
        const [trimmed] = customerDecider.decide(
          command('ChangeBillingSettings', { invoiceSeries: ' QE585 ' }),
          customer([ana, ...configured()]).state(),
        );
        expect(trimmed.data).toMatchObject({
          changes: [{ field: 'invoiceSeries', before: 'F2025', after: 'QE585' }],
        });
      });

      it('removes the IBAN when set to null', () => {
        const [event] = customerDecider.decide(
          command('ChangeBillingSettings', { iban: null }),
          customer([ana, ...configured()]).state(),
        );
        expect(event.data).toMatchObject({
          changes: [{ field: 'iban', before: VALID_IBAN, after: null }],
        });
      });

      it.each([0, 29, 31, 2.5, -1])('refuses billing day %s (R11)', (billingDay) => {
        customer([ana])
          .when(command('ChangeBillingSettings', { billingDay }))
          .thenRefuses('R11', { details: [{ code: 'R11', field: 'billingDay' }] });
      });

      it.each([1, 28])('accepts billing day %s (R11)', (billingDay) => {
        const events = customerDecider.decide(
          command('ChangeBillingSettings', { billingDay, billingEnabled: true }),
          customer([ana]).state(),
        );
        expect(events).toHaveLength(1);
      });

      it('refuses an IBAN that fails mod-97 (R4)', () => {
        customer([ana])
          .when(command('ChangeBillingSettings', { iban: 'ES9121000418450200051333' }))
          .thenRefuses('R4', { details: [{ code: 'R4', field: 'iban' }] });
      });

      it('refuses a malformed e-mail to notify, pointing at it (R2)', () => {
        customer([ana])
          .when(command('ChangeBillingSettings', { notifyEmails: ['ok@example.com', 'broken@'] }))
          .thenRefuses('R2', { details: [{ code: 'R2', field: 'notifyEmails[1]' }] });
      });

      it('refuses an unknown payment method and an impossible VAT rate', () => {
        customer([ana])
          .when(
            command('ChangeBillingSettings', {
              paymentMethod: 'cheque' as 'cash',
              vatRatePercent: 121,
            }),
          )
          .thenRefuses('CUSTOMER.INVALID_INPUT', {
            details: [{ field: 'paymentMethod' }, { field: 'vatRatePercent' }],
          });
      });

      it('lists a bad billing day and a bad IBAN together', () => {
        customer([ana])
          .when(command('ChangeBillingSettings', { billingDay: 30, iban: 'ES00' }))
          .thenRefuses('R11', { details: [{ code: 'R11' }, { code: 'R4' }] });
      });
    });

    describe('addresses ("Domicilios")', () => {
      const added: CustomerEvent = {
        type: 'AddressAdded',
        data: {
          customerId: CUSTOMER_ID,
          addressId: 'a-1',
          label: 'installation',
          address: { ...EMPTY_ADDRESS, street: 'Calle Luna 2', city: 'Toledo' },
        },
      };

      it('adds an address', () => {
        customer([ana])
          .when(
            command('AddAddress', {
              addressId: 'a-1',
              label: ' installation ',
              address: { street: ' Calle Luna 2 ', city: 'Toledo', province: '' },
            }),
          )
          .then([added]);
      });

      it('refuses an address without a street', () => {
        customer([ana])
          .when(command('AddAddress', { addressId: 'a-1', address: { city: 'Toledo' } }))
          .thenRefuses('CUSTOMER.INVALID_INPUT', { details: [{ field: 'address.street' }] });
      });

      it('refuses a second address with the same id', () => {
        customer([ana, added])
          .when(command('AddAddress', { addressId: 'a-1', address: { street: 'Otra 3' } }))
          .thenRefuses('CUSTOMER.ADDRESS_ALREADY_ADDED');
      });

      it('removes an address', () => {
        customer([ana, added])
          .when(command('RemoveAddress', { addressId: 'a-1' }))
          .then([{ type: 'AddressRemoved', data: { customerId: CUSTOMER_ID, addressId: 'a-1' } }]);
      });

      it('refuses removing an unknown address', () => {
        customer([ana, added])
          .when(command('RemoveAddress', { addressId: 'a-2' }))
          .thenRefuses('CUSTOMER.ADDRESS_NOT_FOUND', { message: /no address a-2/ });
      });

      it('refuses removing an address twice', () => {
        const removed: CustomerEvent = {
          type: 'AddressRemoved',
          data: { customerId: CUSTOMER_ID, addressId: 'a-1' },
        };
        customer([ana, added, removed])
          .when(command('RemoveAddress', { addressId: 'a-1' }))
          .thenRefuses('CUSTOMER.ADDRESS_NOT_FOUND');
      });
    });

    describe('contact persons ("Contactos")', () => {
      const added: CustomerEvent = {
        type: 'ContactPersonAdded',
        data: {
          customerId: CUSTOMER_ID,
          contactId: 'p-1',
          name: 'Luis Pérez',
          role: 'accountant',
          email: 'luis@example.com',
          phone: null,
          consents: { mailing: false, email: true, sms: false },
        },
      };

      it('adds a contact person with the consents given', () => {
        customer([ana])
          .when(
            command('AddContactPerson', {
              contactId: 'p-1',
              name: 'Luis Pérez',
              role: 'accountant',
              email: 'Luis@Example.com',
              consents: { email: true },
            }),
          )
          .then([added]);
      });

      it('takes every consent left out as a no', () => {
        const [event] = customerDecider.decide(
          command('AddContactPerson', { contactId: 'p-2', name: 'Eva' }),
          customer([ana]).state(),
        );
        expect(event.data).toMatchObject({
          consents: { mailing: false, email: false, sms: false },
        });
      });

      it('refuses a contact without a name and with a malformed e-mail', () => {
        customer([ana])
          .when(command('AddContactPerson', { contactId: 'p-1', name: ' ', email: 'luis@' }))
          .thenRefuses('CUSTOMER.INVALID_INPUT', {
            details: [{ field: 'name' }, { code: 'R2', field: 'email' }],
          });
      });

      it('refuses a second contact with the same id', () => {
        customer([ana, added])
          .when(command('AddContactPerson', { contactId: 'p-1', name: 'Otro' }))
          .thenRefuses('CUSTOMER.CONTACT_ALREADY_ADDED');
      });

      it('removes a contact person', () => {
        customer([ana, added])
          .when(command('RemoveContactPerson', { contactId: 'p-1' }))
          .then([
            { type: 'ContactPersonRemoved', data: { customerId: CUSTOMER_ID, contactId: 'p-1' } },
          ]);
      });

      it('refuses removing an unknown contact person', () => {
        customer([ana])
          .when(command('RemoveContactPerson', { contactId: 'p-9' }))
          .thenRefuses('CUSTOMER.CONTACT_NOT_FOUND');
      });
    });

    describe('interactions ("Interacciones")', () => {
      it('records an interaction at the command time', () => {
        customer([ana])
          .when(
            command('RecordInteraction', {
              interactionId: 'i-1',
              kind: 'incident',
              text: ' No signal since Monday ',
            }),
          )
          .then([
            {
              type: 'InteractionRecorded',
              data: {
                customerId: CUSTOMER_ID,
                interactionId: 'i-1',
                kind: 'incident',
                direction: 'inbound',
                text: 'No signal since Monday',
                recordedAt: NOW,
              },
            },
          ]);
      });

      it('records the direction given', () => {
        customer([ana])
          .when(
            command('RecordInteraction', {
              interactionId: 'i-1',
              kind: 'call',
              direction: 'outbound',
              text: 'Offered the 1 Gb upgrade',
            }),
          )
          .then([
            {
              type: 'InteractionRecorded',
              data: {
                customerId: CUSTOMER_ID,
                interactionId: 'i-1',
                kind: 'call',
                direction: 'outbound',
                text: 'Offered the 1 Gb upgrade',
                recordedAt: NOW,
              },
            },
          ]);
      });

      it('takes a note without a direction as internal', () => {
        customer([ana])
          .when(command('RecordInteraction', { interactionId: 'i-1', kind: 'note', text: 'VIP' }))
          .then([
            {
              type: 'InteractionRecorded',
              data: {
                customerId: CUSTOMER_ID,
                interactionId: 'i-1',
                kind: 'note',
                direction: 'internal',
                text: 'VIP',
                recordedAt: NOW,
              },
            },
          ]);
      });

      it('refuses an unknown direction', () => {
        customer([ana])
          .when(
            command('RecordInteraction', {
              interactionId: 'i-1',
              kind: 'call',
              direction: 'sideways' as 'inbound',
              text: 'Hi',
            }),
          )
          .thenRefuses('CUSTOMER.INVALID_INPUT', { details: [{ field: 'direction' }] });
      });

      it('refuses an empty text', () => {
        customer([ana])
          .when(command('RecordInteraction', { interactionId: 'i-1', kind: 'note', text: '  ' }))
          .thenRefuses('CUSTOMER.INVALID_INPUT', { details: [{ field: 'text' }] });
      });

      it('refuses an unknown kind', () => {
        customer([ana])
          .when(
            command('RecordInteraction', {
              interactionId: 'i-1',
              kind: 'fax' as 'note',
              text: 'Hi',
            }),
          )
          .thenRefuses('CUSTOMER.INVALID_INPUT', { details: [{ field: 'kind' }] });
      });
    });

    describe('deactivating and reactivating', () => {
      it('deactivates, with the reason given', () => {
        customer([ana])
          .when(command('DeactivateCustomer', { reason: ' moved abroad ' }))
          .then([
            {
              type: 'CustomerDeactivated',
              data: { customerId: CUSTOMER_ID, reason: 'moved abroad', deactivatedAt: NOW },
            },
          ]);
      });

      it('refuses deactivating while subscriptions are still billable, listing each', () => {
        const billableSubscriptions = [
          { subscriptionId: 's-1', contractId: 'k-1', tariff: 'Fibra 300' },
          { subscriptionId: 's-2', contractId: 'k-1', tariff: 'Movil' },
        ];
        customer([ana])
          .when(command('DeactivateCustomer', { billableSubscriptions }))
          .thenRefuses('CUSTOMER.BILLABLE_SUBSCRIPTIONS', {
            message: /2 subscription\(s\) are still billable/,
            details: [{ target: 's-1' }, { target: 's-2' }],
          });
      });

      it('deactivates without a reason', () => {
        customer([ana])
          .when(command('DeactivateCustomer', {}))
          .then([
            {
              type: 'CustomerDeactivated',
              data: { customerId: CUSTOMER_ID, reason: null, deactivatedAt: NOW },
            },
          ]);
      });

      it('refuses reactivating an active customer', () => {
        customer([ana])
          .when(command('ReactivateCustomer', {}))
          .thenRefuses('CUSTOMER.ALREADY_ACTIVE');
      });
    });

    describe('deleting (R6)', () => {
      it('deletes a customer nothing else depends on', () => {
        customer([ana])
          .when(command('DeleteCustomer', { blockers: [] }))
          .then([{ type: 'CustomerDeleted', data: { customerId: CUSTOMER_ID, deletedAt: NOW } }]);
      });

      it('refuses with every blocking reason listed', () => {
        const blockers = [
          { code: 'R6.INVOICES_ISSUED', message: '2 invoice(s) were issued to this customer.' },
          { code: 'R6.SIGNED_CONTRACTS', message: '1 contract(s) are signed.' },
        ];
        customer([ana])
          .when(command('DeleteCustomer', { blockers }))
          .thenRefuses('R6', {
            message:
              /cannot be deleted \(2 reason\(s\)\).*2 invoice.*1 contract.*can be deactivated/,
            details: blockers,
          });
      });
    });
  });

  describe('when inactive', () => {
    const history = [ana, deactivated()];

    it('refuses deactivating it again', () => {
      customer(history)
        .when(command('DeactivateCustomer', {}))
        .thenRefuses('CUSTOMER.ALREADY_INACTIVE', { message: /since 2025-02-01/ });
    });

    it('reactivates it', () => {
      customer(history)
        .when(command('ReactivateCustomer', {}))
        .then([
          { type: 'CustomerReactivated', data: { customerId: CUSTOMER_ID, reactivatedAt: NOW } },
        ]);
    });

    it('can be deactivated again once reactivated', () => {
      const reactivated: CustomerEvent = {
        type: 'CustomerReactivated',
        data: { customerId: CUSTOMER_ID, reactivatedAt: '2025-02-05T00:00:00.000Z' },
      };
      customer([...history, reactivated])
        .when(command('DeactivateCustomer', {}))
        .then([
          {
            type: 'CustomerDeactivated',
            data: { customerId: CUSTOMER_ID, reason: null, deactivatedAt: NOW },
          },
        ]);
    });

    it('can still be edited and still records interactions', () => {
      customer(history)
        .when(command('EditCustomer', { observations: 'Returns in June' }))
        .then([
          {
            type: 'CustomerDetailsEdited',
            data: {
              customerId: CUSTOMER_ID,
              changes: [{ field: 'observations', before: null, after: 'Returns in June' }],
            },
          },
        ]);
      customer(history)
        .when(
          command('RecordInteraction', {
            interactionId: 'i-1',
            kind: 'call',
            text: 'Asked to come back',
          }),
        )
        .then([
          {
            type: 'InteractionRecorded',
            data: {
              customerId: CUSTOMER_ID,
              interactionId: 'i-1',
              kind: 'call',
              direction: 'inbound',
              text: 'Asked to come back',
              recordedAt: NOW,
            },
          },
        ]);
    });

    it('can be deleted when nothing blocks it', () => {
      customer(history)
        .when(command('DeleteCustomer', { blockers: [] }))
        .then([{ type: 'CustomerDeleted', data: { customerId: CUSTOMER_ID, deletedAt: NOW } }]);
    });
  });

  describe('when deleted', () => {
    const history = [ana, deleted()];

    it.each(named([command('RegisterCustomer', { name: 'Ana' }), ...everyCommandButRegister]))(
      'refuses %s with CUSTOMER.DELETED',
      (_type, cmd) => {
        customer(history)
          .when(cmd)
          .thenRefuses('CUSTOMER.DELETED', { message: /deleted on 2025-02-10/ });
      },
    );
  });

  describe('routing', () => {
    it('throws (a wiring bug, not a refusal) when a command reaches another customer’s state', () => {
      const stray = command('EditCustomer', { customerId: 'someone-else', zone: 'Norte' });
      expect(() => customerDecider.decide(stray, customer([ana]).state())).toThrow(/someone-else/);
    });
  });

  it('starts unregistered with default billing settings once registered', () => {
    expect(customerDecider.initialState).toEqual({ status: 'unregistered' });
    expect(customer([ana]).state()).toMatchObject({
      status: 'active',
      billing: DEFAULT_BILLING_SETTINGS,
    });
  });
});
