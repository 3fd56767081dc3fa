import fc from 'fast-check';
import { DomainError } from '../shared/domain-error';
import { Email } from '../values/email';
import { Iban } from '../values/iban';
import { MAX_BILLING_DAY, MIN_BILLING_DAY } from './customer.billing';
import { CustomerCommand } from './customer.commands';
import { customerDecider } from './customer.decider';
import { personNameProblems } from './customer.name.rule';
import { CustomerState } from './customer.state';
import { command, OTHER_VALID_IBAN, VALID_DNI, VALID_IBAN } from './testing/customer.fixtures';

/** Values that are sometimes valid, sometimes blank, sometimes broken. */
const maybeText = fc.constantFrom(undefined, null, '', '  ', 'Ana', 'García', ' López ');
const maybeEmail = fc.constantFrom(
  undefined,
  null,
  'ana@example.com',
  'ANA@EXAMPLE.COM',
  'bad@',
  'x@y.es',
);
const maybeIban = fc.constantFrom(
  undefined,
  null,
  VALID_IBAN,
  OTHER_VALID_IBAN,
  'ES00 0000',
  'es91 2100 0418 4502 0005 1332',
);
const personType = fc.constantFrom('other' as const, 'natural' as const, 'legal' as const);
const nameFields = {
  personType,
  name: maybeText,
  givenName: maybeText,
  middleName: maybeText,
  firstSurname: maybeText,
  secondSurname: maybeText,
};

const customerCommand: fc.Arbitrary<CustomerCommand> = fc.oneof(
  fc.record(nameFields).map((name) => command('RegisterCustomer', name)),
  fc
    .record({ ...nameFields, email: maybeEmail, zone: maybeText }, { requiredKeys: [] })
    .map((patch) => command('EditCustomer', patch)),
  fc.record(nameFields, { requiredKeys: [] }).map((patch) => command('RenameCustomer', patch)),
  maybeEmail.map((email) => command('ChangeCustomerEmail', { email: email ?? null })),
  fc
    .record(
      {
        billingDay: fc.integer({ min: -2, max: 32 }),
        iban: maybeIban,
        billingEnabled: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    .map((settings) => command('ChangeBillingSettings', settings)),
  fc.constantFrom(
    command('EditCustomer', { document: { type: 'dni', number: VALID_DNI } }),
    command('EditCustomer', { document: { type: 'dni', number: '00000000A' } }),
    command('DeactivateCustomer', {}),
    command('ReactivateCustomer', {}),
    command('DeleteCustomer', { blockers: [] }),
    command('DeleteCustomer', { blockers: [{ code: 'R6.SIGNED_CONTRACTS', message: 'signed' }] }),
  ),
);

/** Half the runs start from a registered customer, so the later commands have something to change. */
const history = fc
  .tuple(fc.array(customerCommand, { maxLength: 25 }), fc.boolean())
  .map(([commands, startRegistered]) =>
    startRegistered
      ? [
          command('RegisterCustomer', {
            personType: 'natural',
            givenName: 'Ana',
            firstSurname: 'García',
            secondSurname: 'López',
            name: 'Ana García López',
          }),
          ...commands,
        ]
      : commands,
  );
const runs = { numRuns: 300 };

/** Runs commands, keeping the events of the accepted ones, as a handler would. */
function run(
  commands: CustomerCommand[],
  check: (state: CustomerState, accepted: CustomerCommand) => void,
) {
  let state = customerDecider.initialState;
  for (const cmd of commands) {
    try {
      const events = customerDecider.decide(cmd, state);
      state = events.reduce(customerDecider.evolve, state);
      check(state, cmd);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
}

describe('Customer decider properties', () => {
  it('never lets a customer reach a state that breaks R1, R2, R4 or R11', () => {
    fc.assert(
      fc.property(history, (commands) => {
        run(commands, (state) => {
          if (state.status !== 'active' && state.status !== 'inactive') return;
          expect(personNameProblems(state.profile)).toEqual([]);
          if (state.profile.email !== null) expect(Email.check(state.profile.email).ok).toBe(true);
          if (state.billing.iban !== null) expect(Iban.isValid(state.billing.iban)).toBe(true);
          expect(state.billing.billingDay).toBeGreaterThanOrEqual(MIN_BILLING_DAY);
          expect(state.billing.billingDay).toBeLessThanOrEqual(MAX_BILLING_DAY);
        });
      }),
      runs,
    );
  });

  it('makes every accepted edit idempotent: the same edit again changes nothing', () => {
    const edits = new Set([
      'EditCustomer',
      'RenameCustomer',
      'ChangeCustomerEmail',
      'ChangeBillingSettings',
    ]);
    fc.assert(
      fc.property(history, (commands) => {
        run(commands, (state, accepted) => {
          if (edits.has(accepted.type)) expect(customerDecider.decide(accepted, state)).toEqual([]);
        });
      }),
      runs,
    );
  });
});
