import fc from 'fast-check';
import { PAYMENT_METHODS } from '../customer/customer.billing';
import { DomainError } from '../shared/domain-error';
import { Iban } from '../values/iban';
import { ContractCommand } from './contract.commands';
import { contractDecider } from './contract.decider';
import { billingIbanOf } from './contract.iban';
import { ContractState, ContractStatus } from './contract.state';
import {
  ACTIVE_CUSTOMER,
  contractCommand,
  CONTRACT_CUSTOMER_ID,
  MANDATE,
  MISTYPED_IBAN,
  NEW_IBAN,
  SIGNED_IBAN,
} from './testing/contract.fixtures';

/** Mostly valid values, so runs get far, with enough broken ones to exercise the refusals. */
const mostly = <T>(valid: T[], broken: T[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 3 }, fc.constantFrom(...broken));
const maybeIban = mostly<string | null | undefined>(
  [SIGNED_IBAN, NEW_IBAN, 'es91 2100 0418 4502 0005 1332'],
  [undefined, null, '', MISTYPED_IBAN],
);
const maybeMandate = mostly<string | null | undefined>(
  [MANDATE, 'M-2'],
  [undefined, null, '', 'x'.repeat(36)],
);
const maybeDate = mostly(['2025-01-25', '2025-03-01T10:00:00Z'], ['2025-13-01', 'soon']);

const contractCommands: fc.Arbitrary<ContractCommand> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.constantFrom(...PAYMENT_METHODS).map((paymentMethod) =>
      contractCommand('DraftContract', {
        customerId: CONTRACT_CUSTOMER_ID,
        paymentMethod,
        customer: ACTIVE_CUSTOMER,
      }),
    ),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({
        iban: maybeIban,
        mandateReference: maybeMandate,
        signatory: mostly(['Ana'], [' ']),
        signedAt: maybeDate,
      })
      .map((data) => contractCommand('SignContract', data)),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({ iban: maybeIban.map((iban) => iban ?? ''), mandateReference: maybeMandate })
      .map((data) => contractCommand('ChangeSignatureIban', data)),
  },
  { weight: 1, arbitrary: fc.constant(contractCommand('DeleteContractDraft', {})) },
  {
    weight: 1,
    arbitrary: fc
      .record({ reason: mostly(['moved'], ['']), terminatedAt: maybeDate })
      .map((data) => contractCommand('TerminateContract', data)),
  },
);

/** Half the runs start from a draft, so the later commands have something to act on. */
const history = fc
  .tuple(fc.array(contractCommands, { maxLength: 20 }), fc.constantFrom(...PAYMENT_METHODS))
  .chain(([commands, paymentMethod]) =>
    fc.constantFrom(commands, [
      contractCommand('DraftContract', {
        customerId: CONTRACT_CUSTOMER_ID,
        paymentMethod,
        customer: ACTIVE_CUSTOMER,
      }),
      ...commands,
    ]),
  );

/** The edges of the contract's life; staying put is always allowed. */
const LEGAL: Record<ContractStatus, ContractStatus[]> = {
  none: ['draft'],
  draft: ['signed', 'deleted'],
  signed: ['terminated'],
  terminated: [],
  deleted: [],
};

/** Runs commands, keeping the events of the accepted ones, as a handler would. */
function run(
  commands: ContractCommand[],
  check: (before: ContractState, after: ContractState, accepted: ContractCommand) => void,
) {
  let state = contractDecider.initialState;
  for (const command of commands) {
    try {
      const events = contractDecider.decide(command, state);
      const next = events.reduce(contractDecider.evolve, state);
      check(state, next, command);
      state = next;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
}

const runs = { numRuns: 300 };

describe('Contract decider properties', () => {
  it('only ever moves along the legal edges: a signed contract is never deleted', () => {
    fc.assert(
      fc.property(history, (commands) => {
        run(commands, (before, after) => {
          if (after.status !== before.status) expect(LEGAL[before.status]).toContain(after.status);
        });
      }),
      runs,
    );
  });

  it('never signs an invalid IBAN, nor a direct debit without IBAN and mandate (R4)', () => {
    fc.assert(
      fc.property(history, (commands) => {
        run(commands, (_before, after) => {
          if (after.status !== 'signed' && after.status !== 'terminated') return;
          const { iban, mandateReference } = after.signature;
          if (iban !== null) expect(iban).toBe(Iban.parse(iban).value);
          if (after.paymentMethod === 'direct_debit') {
            expect(iban).not.toBeNull();
            expect(mandateReference).not.toBeNull();
          }
          expect(billingIbanOf(after)).toBe(iban);
        });
      }),
      runs,
    );
  });

  it('makes an accepted IBAN change idempotent: the same change again changes nothing', () => {
    fc.assert(
      fc.property(history, (commands) => {
        run(commands, (_before, after, accepted) => {
          if (accepted.type === 'ChangeSignatureIban')
            expect(contractDecider.decide(accepted, after)).toEqual([]);
        });
      }),
      runs,
    );
  });
});
