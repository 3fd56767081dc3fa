import { given } from '../shared/testing/decider-specification';
import { ContractCommand, ContractCommandType } from './contract.commands';
import { contractDecider } from './contract.decider';
import { ContractEvent } from './contract.events';
import {
  ACTIVE_CUSTOMER,
  CONTRACT_CUSTOMER_ID,
  CONTRACT_ID,
  CONTRACT_NOW,
  contractCommand,
  contractDrafted,
  contractDraftDeleted,
  contractSigned,
  contractTerminated,
  MANDATE,
  MISTYPED_IBAN,
  NEW_IBAN,
  SIGNED_AT,
  SIGNED_IBAN,
} from './testing/contract.fixtures';

const contract = given(contractDecider);
const ids = { contractId: CONTRACT_ID, customerId: CONTRACT_CUSTOMER_ID };

/** One valid instance of every command, for the state × command table. */
const every: Record<ContractCommandType, ContractCommand> = {
  DraftContract: contractCommand('DraftContract', {
    customerId: CONTRACT_CUSTOMER_ID,
    paymentMethod: 'direct_debit',
    customer: ACTIVE_CUSTOMER,
  }),
  SignContract: contractCommand('SignContract', {
    iban: SIGNED_IBAN,
    signatory: 'Ana García López',
    mandateReference: MANDATE,
    signedAt: SIGNED_AT,
  }),
  ChangeSignatureIban: contractCommand('ChangeSignatureIban', {
    iban: NEW_IBAN,
    mandateReference: 'MNDT-2025-0002',
  }),
  DeleteContractDraft: contractCommand('DeleteContractDraft', {}),
  TerminateContract: contractCommand('TerminateContract', { reason: 'moved abroad' }),
  InvalidateMandate: contractCommand('InvalidateMandate', {
    mandateReference: MANDATE,
    reasonCode: 'AC04',
    effectId: 'eff-1',
  }),
};

const histories: Record<string, ContractEvent[]> = {
  none: [],
  draft: [contractDrafted()],
  signed: [contractDrafted(), contractSigned()],
  terminated: [contractDrafted(), contractSigned(), contractTerminated()],
  deleted: [contractDrafted(), contractDraftDeleted()],
};

/** What each command does from each state: the event it yields, the code it is refused with, or nothing. */
const outcomes: Record<string, Record<ContractCommandType, string>> = {
  none: {
    DraftContract: 'ContractDrafted',
    SignContract: 'CONTRACT.NOT_FOUND',
    ChangeSignatureIban: 'CONTRACT.NOT_FOUND',
    DeleteContractDraft: 'CONTRACT.NOT_FOUND',
    TerminateContract: 'CONTRACT.NOT_FOUND',
    InvalidateMandate: 'CONTRACT.NOT_FOUND',
  },
  draft: {
    DraftContract: 'CONTRACT.ALREADY_DRAFTED',
    SignContract: 'ContractSigned',
    ChangeSignatureIban: 'CONTRACT.NOT_SIGNED',
    DeleteContractDraft: 'ContractDraftDeleted',
    TerminateContract: 'CONTRACT.NOT_SIGNED',
    InvalidateMandate: 'nothing',
  },
  signed: {
    DraftContract: 'CONTRACT.ALREADY_DRAFTED',
    SignContract: 'CONTRACT.ALREADY_SIGNED',
    ChangeSignatureIban: 'SignatureIbanChanged',
    DeleteContractDraft: 'CONTRACT.SIGNED',
    TerminateContract: 'ContractTerminated',
    InvalidateMandate: 'MandateInvalidated',
  },
  terminated: {
    DraftContract: 'CONTRACT.ALREADY_DRAFTED',
    SignContract: 'CONTRACT.TERMINATED',
    ChangeSignatureIban: 'CONTRACT.TERMINATED',
    DeleteContractDraft: 'CONTRACT.SIGNED',
    TerminateContract: 'CONTRACT.TERMINATED',
    InvalidateMandate: 'MandateInvalidated',
  },
  deleted: {
    DraftContract: 'CONTRACT.DELETED',
    SignContract: 'CONTRACT.DELETED',
    ChangeSignatureIban: 'CONTRACT.DELETED',
    DeleteContractDraft: 'CONTRACT.DELETED',
    TerminateContract: 'CONTRACT.DELETED',
    InvalidateMandate: 'CONTRACT.DELETED',
  },
};

const table = Object.entries(outcomes).flatMap(([state, row]) =>
  Object.entries(row).map(
    ([type, outcome]) => [state, type as ContractCommandType, outcome] as const,
  ),
);

describe('Contract decider', () => {
  describe('every state × every command', () => {
    it.each(table)('when %s, %s → %s', (state, type, outcome) => {
      const history = contract(histories[state]);
      if (outcome.includes('.')) return void history.when(every[type]).thenRefuses(outcome);
      if (outcome === 'nothing') return void history.when(every[type]).then([]);
      expect(contractDecider.decide(every[type], history.state())).toEqual([
        { type: outcome, data: expect.objectContaining(ids) },
      ]);
    });
  });

  describe('when none', () => {
    it('drafts a contract for a customer and a payment method', () => {
      contract([])
        .when(
          contractCommand('DraftContract', {
            customerId: CONTRACT_CUSTOMER_ID,
            paymentMethod: 'transfer',
            customer: ACTIVE_CUSTOMER,
          }),
        )
        .then([
          {
            type: 'ContractDrafted',
            data: { ...ids, paymentMethod: 'transfer', draftedAt: CONTRACT_NOW },
          },
        ]);
    });

    // The customer lives in another stream: the handler reads its status in as a fact.
    it('refuses a customer never registered (CUSTOMER.NOT_FOUND)', () => {
      contract([])
        .when(
          contractCommand('DraftContract', {
            customerId: CONTRACT_CUSTOMER_ID,
            paymentMethod: 'transfer',
            customer: { status: 'unregistered' },
          }),
        )
        .thenRefuses('CUSTOMER.NOT_FOUND', { message: `No customer ${CONTRACT_CUSTOMER_ID}` });
    });

    it('refuses a deleted customer (CUSTOMER.DELETED)', () => {
      contract([])
        .when(
          contractCommand('DraftContract', {
            customerId: CONTRACT_CUSTOMER_ID,
            paymentMethod: 'transfer',
            customer: { status: 'deleted' },
          }),
        )
        .thenRefuses('CUSTOMER.DELETED', {
          message: 'A deleted customer cannot get a new contract.',
        });
    });

    it('drafts for an inactive customer as for an active one', () => {
      contract([])
        .when(
          contractCommand('DraftContract', {
            customerId: CONTRACT_CUSTOMER_ID,
            paymentMethod: 'transfer',
            customer: { status: 'inactive' },
          }),
        )
        .then([
          {
            type: 'ContractDrafted',
            data: { ...ids, paymentMethod: 'transfer', draftedAt: CONTRACT_NOW },
          },
        ]);
    });

    it('refuses an unknown payment method and a missing customer, together', () => {
      contract([])
        .when(
          contractCommand('DraftContract', {
            customerId: ' ',
            paymentMethod: 'bitcoin' as 'cash',
            customer: ACTIVE_CUSTOMER,
          }),
        )
        .thenRefuses('CONTRACT.INVALID_INPUT', {
          details: [{ field: 'customerId' }, { field: 'paymentMethod' }],
        });
    });

    it('tells the operator to draft a contract before signing it', () => {
      contract([])
        .when(every.SignContract)
        .thenRefuses('CONTRACT.NOT_FOUND', { message: /draft it before/ });
    });
  });

  describe('when draft', () => {
    const draft = (method: Parameters<typeof contractDrafted>[0] = 'direct_debit') =>
      contract([contractDrafted(method)]);

    it('signs for direct debit, keeping the IBAN normalised and in full (R4)', () => {
      draft()
        .when(
          contractCommand('SignContract', {
            iban: ' es91 2100-0418 4502 0005 1332 ',
            signatory: ' Ana García López ',
            mandateReference: ' MNDT-2025-0001 ',
            signedAt: SIGNED_AT,
          }),
        )
        .then([contractSigned()]);
    });

    it('signs a transfer contract without IBAN or mandate', () => {
      draft('transfer')
        .when(contractCommand('SignContract', { signatory: 'Ana', signedAt: '2025-01-25' }))
        .then([
          contractSigned({
            paymentMethod: 'transfer',
            iban: null,
            mandateReference: null,
            signatory: 'Ana',
            signedAt: '2025-01-25',
          }),
        ]);
    });

    it('keeps an IBAN given for a card contract, validated', () => {
      draft('card')
        .when(
          contractCommand('SignContract', {
            iban: SIGNED_IBAN,
            mandateReference: '',
            signatory: 'Ana García López',
            signedAt: SIGNED_AT,
          }),
        )
        .then([contractSigned({ paymentMethod: 'card', mandateReference: null })]);
    });

    it('refuses an IBAN that fails mod-97 even when it is optional (R4)', () => {
      draft('cash')
        .when(
          contractCommand('SignContract', {
            iban: MISTYPED_IBAN,
            signatory: 'Ana',
            signedAt: SIGNED_AT,
          }),
        )
        .thenRefuses('R4', {
          message: /check digits \(mod-97\)/,
          details: [{ code: 'R4', field: 'iban' }],
        });
    });

    it('refuses direct debit without an IBAN or a SEPA mandate reference, naming both', () => {
      draft()
        .when(contractCommand('SignContract', { signatory: 'Ana', signedAt: SIGNED_AT }))
        .thenRefuses('CONTRACT.IBAN_REQUIRED', {
          details: [
            { code: 'CONTRACT.IBAN_REQUIRED', field: 'iban' },
            { code: 'CONTRACT.MANDATE_REQUIRED', field: 'mandateReference' },
          ],
        });
    });

    it('refuses a mistyped IBAN for direct debit with R4 alone', () => {
      draft()
        .when(
          contractCommand('SignContract', {
            iban: MISTYPED_IBAN,
            mandateReference: MANDATE,
            signatory: 'Ana',
            signedAt: SIGNED_AT,
          }),
        )
        .thenRefuses('R4', { details: [{ code: 'R4', field: 'iban' }] });
    });

    it('lists every problem of the signature at once', () => {
      draft()
        .when(
          contractCommand('SignContract', {
            iban: SIGNED_IBAN,
            mandateReference: 'ñ'.repeat(36),
            signatory: '  ',
            signedAt: '25/01/2025',
          }),
        )
        .thenRefuses('CONTRACT.INVALID_INPUT', {
          details: [
            { field: 'signatory' },
            { field: 'signedAt' },
            { field: 'mandateReference', message: expect.stringMatching(/at most 35/) },
          ],
        });
    });

    it.each(['2025-02-30', '2025-01-25T25:00:00Z', '2025-01-25T10:00:00', ''])(
      'refuses the signing date %j',
      (signedAt) => {
        draft('cash')
          .when(contractCommand('SignContract', { signatory: 'Ana', signedAt }))
          .thenRefuses('CONTRACT.INVALID_INPUT', { details: [{ field: 'signedAt' }] });
      },
    );

    it('deletes the draft', () => {
      draft()
        .when(every.DeleteContractDraft)
        .then([{ type: 'ContractDraftDeleted', data: { ...ids, deletedAt: CONTRACT_NOW } }]);
    });

    it('refuses to terminate a draft: a draft is deleted, not terminated', () => {
      draft()
        .when(every.TerminateContract)
        .thenRefuses('CONTRACT.NOT_SIGNED', { message: /deleted, not terminated/ });
    });

    it('refuses to change the IBAN of an unsigned draft', () => {
      draft()
        .when(every.ChangeSignatureIban)
        .thenRefuses('CONTRACT.NOT_SIGNED', { message: /IBAN when signing/ });
    });
  });

  describe('when signed', () => {
    const signedContract = (...more: ContractEvent[]) =>
      contract([contractDrafted(), contractSigned(), ...more]);

    it('changes the signature IBAN, recording the full IBANs before and after (R4)', () => {
      signedContract()
        .when(
          contractCommand('ChangeSignatureIban', {
            iban: 'de89 3704 0044 0532 0130 00',
            mandateReference: 'MNDT-2025-0002',
          }),
        )
        .then([
          {
            type: 'SignatureIbanChanged',
            data: {
              ...ids,
              before: { iban: SIGNED_IBAN, mandateReference: MANDATE },
              after: { iban: NEW_IBAN, mandateReference: 'MNDT-2025-0002' },
              changedAt: CONTRACT_NOW,
            },
          },
        ]);
    });

    it('keeps the mandate reference when none is given (a SEPA mandate amendment)', () => {
      signedContract()
        .when(contractCommand('ChangeSignatureIban', { iban: NEW_IBAN }))
        .then([
          {
            type: 'SignatureIbanChanged',
            data: {
              ...ids,
              before: { iban: SIGNED_IBAN, mandateReference: MANDATE },
              after: { iban: NEW_IBAN, mandateReference: MANDATE },
              changedAt: CONTRACT_NOW,
            },
          },
        ]);
    });

    it('changes nothing when the same account is given again, however written', () => {
      signedContract()
        .when(
          contractCommand('ChangeSignatureIban', {
            iban: 'ES91 2100 0418 4502 0005 1332',
            mandateReference: MANDATE,
          }),
        )
        .thenNothingHappens();
    });

    it('refuses a mistyped IBAN (R4) and a blank one', () => {
      signedContract()
        .when(contractCommand('ChangeSignatureIban', { iban: MISTYPED_IBAN }))
        .thenRefuses('R4', { details: [{ field: 'iban' }] });
      signedContract()
        .when(contractCommand('ChangeSignatureIban', { iban: ' ' }))
        .thenRefuses('CONTRACT.IBAN_REQUIRED');
    });

    it('gives a transfer contract signed without IBAN one, with no mandate needed', () => {
      contract([
        contractDrafted('transfer'),
        contractSigned({ paymentMethod: 'transfer', iban: null, mandateReference: null }),
      ])
        .when(contractCommand('ChangeSignatureIban', { iban: NEW_IBAN }))
        .then([
          {
            type: 'SignatureIbanChanged',
            data: {
              ...ids,
              before: { iban: null, mandateReference: null },
              after: { iban: NEW_IBAN, mandateReference: null },
              changedAt: CONTRACT_NOW,
            },
          },
        ]);
    });

    it('refuses a direct-debit signature left without a mandate reference', () => {
      // A signature recorded before mandates were required: the change must supply one.
      contract([contractDrafted(), contractSigned({ mandateReference: null })])
        .when(contractCommand('ChangeSignatureIban', { iban: NEW_IBAN }))
        .thenRefuses('CONTRACT.MANDATE_REQUIRED', { details: [{ field: 'mandateReference' }] });
    });

    it('refuses to sign again, pointing at the IBAN change', () => {
      signedContract()
        .when(every.SignContract)
        .thenRefuses('CONTRACT.ALREADY_SIGNED', { message: /change the signature's IBAN/ });
    });

    it('refuses deletion once signed (R6)', () => {
      signedContract()
        .when(every.DeleteContractDraft)
        .thenRefuses('CONTRACT.SIGNED', { message: /only an unsigned draft.*Terminate it/ });
    });

    it('terminates, on the day given or now', () => {
      signedContract()
        .when(
          contractCommand('TerminateContract', { reason: ' moved ', terminatedAt: '2025-02-28' }),
        )
        .then([
          {
            type: 'ContractTerminated',
            data: { ...ids, reason: 'moved', terminatedAt: '2025-02-28' },
          },
        ]);
      signedContract()
        .when(every.TerminateContract)
        .then([
          {
            type: 'ContractTerminated',
            data: { ...ids, reason: 'moved abroad', terminatedAt: CONTRACT_NOW },
          },
        ]);
    });

    it('refuses termination without a reason or before the signature', () => {
      signedContract()
        .when(contractCommand('TerminateContract', { reason: '' }))
        .thenRefuses('CONTRACT.INVALID_INPUT', { details: [{ field: 'reason' }] });
      signedContract()
        .when(contractCommand('TerminateContract', { reason: 'x', terminatedAt: '2025-01-24' }))
        .thenRefuses('CONTRACT.INVALID_INPUT', { message: /before it was signed/ });
    });
  });

  describe('when terminated', () => {
    const terminated = contract([contractDrafted(), contractSigned(), contractTerminated()]);

    it('refuses every change, saying when it ended', () => {
      terminated
        .when(every.ChangeSignatureIban)
        .thenRefuses('CONTRACT.TERMINATED', { message: /terminated on 2025-02-28/ });
    });

    it('refuses deletion: it was signed (R6)', () => {
      terminated
        .when(every.DeleteContractDraft)
        .thenRefuses('CONTRACT.SIGNED', { message: /already terminated/ });
    });
  });

  describe('when deleted', () => {
    it('refuses everything, drafting again included', () => {
      contract([contractDrafted(), contractDraftDeleted()])
        .when(every.DraftContract)
        .thenRefuses('CONTRACT.DELETED', { message: /draft a new contract/ });
    });
  });

  it('treats a command decided on another contract’s state as a bug, not a refusal', () => {
    const other = contractCommand('DeleteContractDraft', { contractId: 'another' });
    expect(() => contract([contractDrafted()]).when(other).thenRefuses('x')).toThrow(
      /decided on the state of contract contract-under-test/,
    );
  });

  describe('rule 19: a return invalidates the mandate', () => {
    const invalidate = (reasonCode: string, mandateReference = MANDATE) =>
      contractCommand('InvalidateMandate', { mandateReference, reasonCode, effectId: 'eff-1' });
    const signed = [contractDrafted(), contractSigned()];

    it.each(['AC04', 'AC06', 'MD01', 'md07 '])('invalidates it for %s', (code) => {
      contract(signed)
        .when(invalidate(code))
        .then([
          {
            type: 'MandateInvalidated',
            data: {
              ...ids,
              mandateReference: MANDATE,
              reasonCode: code.trim().toUpperCase(),
              effectId: 'eff-1',
              invalidatedAt: CONTRACT_NOW,
            },
          },
        ]);
      const [event] = contractDecider.decide(invalidate(code), contract(signed).state());
      const state = contract([...signed, event]).state();
      expect(state.status === 'signed' && state.signature.mandateInvalidated).toEqual({
        reasonCode: code.trim().toUpperCase(),
        invalidatedAt: CONTRACT_NOW,
      });
    });

    it('does nothing for other codes, a mandate replaced since, or one already invalidated', () => {
      contract(signed).when(invalidate('AM04')).then([]);
      contract(signed).when(invalidate('AC04', 'MNDT-OLD')).then([]);
      const [event] = contractDecider.decide(invalidate('AC04'), contract(signed).state());
      contract([...signed, event])
        .when(invalidate('MD01'))
        .then([]);
    });

    it('a new mandate reference clears it; a new IBAN under the same mandate does not', () => {
      const [event] = contractDecider.decide(invalidate('AC04'), contract(signed).state());
      const invalid = [...signed, event];
      const sameMandate = contractDecider.decide(
        contractCommand('ChangeSignatureIban', { iban: NEW_IBAN }),
        contract(invalid).state(),
      );
      const stillInvalid = contract([...invalid, ...sameMandate]).state();
      expect(
        stillInvalid.status === 'signed' && stillInvalid.signature.mandateInvalidated,
      ).toBeTruthy();
      const newMandate = contractDecider.decide(
        contractCommand('ChangeSignatureIban', {
          iban: NEW_IBAN,
          mandateReference: 'MNDT-2025-0009',
        }),
        contract(invalid).state(),
      );
      const valid = contract([...invalid, ...newMandate]).state();
      expect(valid.status === 'signed' && valid.signature.mandateInvalidated).toBeNull();
    });
  });
});
