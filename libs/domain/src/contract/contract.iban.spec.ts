import { given } from '../shared/testing/decider-specification';
import { contractDecider } from './contract.decider';
import {
  contractBlocksCustomerDeletion,
  contractDeletionFacts,
  deletableDraftIds,
} from './contract.deletion';
import { ContractEvent } from './contract.events';
import { billingIbanOf, ibanWarning, signatureIbanOf } from './contract.iban';
import {
  CONTRACT_ID,
  contractDrafted,
  contractDraftDeleted,
  contractSigned,
  contractTerminated,
  NEW_IBAN,
  SIGNED_IBAN,
  signatureIbanChanged,
} from './testing/contract.fixtures';

const stateAfter = (...events: ContractEvent[]) => given(contractDecider)(events).state();
const none = stateAfter();
const draft = stateAfter(contractDrafted());
const signed = stateAfter(contractDrafted(), contractSigned());
const changed = stateAfter(contractDrafted(), contractSigned(), signatureIbanChanged());
const terminated = stateAfter(contractDrafted(), contractSigned(), contractTerminated());
const deleted = stateAfter(contractDrafted(), contractDraftDeleted());
const signedWithoutIban = stateAfter(
  contractDrafted('transfer'),
  contractSigned({ paymentMethod: 'transfer', iban: null, mandateReference: null }),
);

describe('billingIbanOf (R4: billing charges the signature, not the customer file)', () => {
  it('charges the signed IBAN, and the new one after a change', () => {
    expect(billingIbanOf(signed)).toBe(SIGNED_IBAN);
    expect(billingIbanOf(changed)).toBe(NEW_IBAN);
  });

  it('still names the signed IBAN of a terminated contract, for a last period in arrears', () => {
    expect(billingIbanOf(terminated)).toBe(SIGNED_IBAN);
  });

  it('has nothing to charge before signing, after deleting, or on a signature without IBAN', () => {
    for (const state of [none, draft, deleted, signedWithoutIban])
      expect(billingIbanOf(state)).toBeNull();
  });

  it('names the contract with its signed IBAN, for the customer file to compare', () => {
    expect(signatureIbanOf(changed)).toEqual({ contractId: CONTRACT_ID, iban: NEW_IBAN });
    expect(signatureIbanOf(draft)).toBeNull();
    expect(signatureIbanOf(signedWithoutIban)).toBeNull();
  });
});

describe('ibanWarning (R4: the customer file warns when its IBAN differs)', () => {
  const signatures = [
    { contractId: 'c-1', iban: SIGNED_IBAN },
    { contractId: 'c-2', iban: NEW_IBAN },
    { contractId: 'c-3', iban: null },
  ];

  it('warns once per contract whose signed IBAN differs', () => {
    expect(ibanWarning(NEW_IBAN, signatures)).toEqual([
      { code: 'R4.IBAN_MISMATCH', contractId: 'c-1', message: expect.stringContaining('c-1') },
    ]);
    expect(ibanWarning('GB82WEST12345698765432', signatures).map((w) => w.contractId)).toEqual([
      'c-1',
      'c-2',
    ]);
  });

  it('shows both IBANs masked, never in full', () => {
    const [warning] = ibanWarning(NEW_IBAN, signatures);
    expect(warning.message).toContain('DE89 **** **** **** **30 00');
    expect(warning.message).toContain('ES91 **** **** **** **** 1332');
    expect(warning.message).not.toContain(SIGNED_IBAN);
    expect(warning.message).not.toContain(NEW_IBAN);
    expect(warning.message).toMatch(/Billing charges the signed one/);
  });

  it('compares accounts, not spellings', () => {
    expect(ibanWarning('es91 2100 0418 4502 0005 1332', [signatures[0]])).toEqual([]);
  });

  it('has nothing to warn about without a customer IBAN or without signed IBANs', () => {
    expect(ibanWarning(null, signatures)).toEqual([]);
    expect(ibanWarning('  ', signatures)).toEqual([]);
    expect(ibanWarning(SIGNED_IBAN, [])).toEqual([]);
    expect(ibanWarning(SIGNED_IBAN, [{ contractId: 'c-3', iban: null }])).toEqual([]);
  });
});

describe('contract facts for deleting a customer (R6)', () => {
  it('blocks on a signed or terminated contract, not on a draft or a deleted one', () => {
    expect([none, draft, signed, terminated, deleted].map(contractBlocksCustomerDeletion)).toEqual([
      false,
      false,
      true,
      true,
      false,
    ]);
    expect(contractDeletionFacts([draft, signed, terminated, deleted])).toEqual({
      signedContracts: 2,
    });
  });

  it('lists the drafts that go with the customer', () => {
    expect(deletableDraftIds([draft, signed, deleted])).toEqual([CONTRACT_ID]);
  });
});
