import { given } from '../shared/testing/decider-specification';
import { contractDecider } from './contract.decider';
import { ContractEvent } from './contract.events';
import {
  CONTRACT_CUSTOMER_ID,
  CONTRACT_ID,
  contractDrafted,
  contractDraftDeleted,
  contractSigned,
  contractTerminated,
  DRAFTED_AT,
  MANDATE,
  NEW_IBAN,
  SIGNED_AT,
  SIGNED_IBAN,
  signatureIbanChanged,
} from './testing/contract.fixtures';

const stateAfter = (...events: ContractEvent[]) => given(contractDecider)(events).state();
const record = {
  contractId: CONTRACT_ID,
  customerId: CONTRACT_CUSTOMER_ID,
  paymentMethod: 'direct_debit',
  draftedAt: DRAFTED_AT,
};
const signature = {
  iban: SIGNED_IBAN,
  mandateReference: MANDATE,
  signatory: 'Ana García López',
  signedAt: SIGNED_AT,
};

describe('Contract evolve', () => {
  it('starts with no contract', () => {
    expect(stateAfter()).toEqual({ status: 'none' });
  });

  it('drafts, then signs with the signature', () => {
    expect(stateAfter(contractDrafted())).toEqual({ status: 'draft', ...record });
    expect(stateAfter(contractDrafted(), contractSigned())).toEqual({
      status: 'signed',
      ...record,
      signature,
    });
  });

  it('moves the signature to the new account, keeping who signed and when', () => {
    expect(stateAfter(contractDrafted(), contractSigned(), signatureIbanChanged())).toEqual({
      status: 'signed',
      ...record,
      signature: { ...signature, iban: NEW_IBAN },
    });
  });

  it('keeps the signature of a terminated contract', () => {
    expect(stateAfter(contractDrafted(), contractSigned(), contractTerminated())).toEqual({
      status: 'terminated',
      ...record,
      signature,
      terminatedAt: '2025-02-28T23:00:00.000Z',
      terminationReason: 'moved abroad',
    });
  });

  it('keeps nothing of a deleted draft but the fact', () => {
    expect(stateAfter(contractDrafted(), contractDraftDeleted())).toEqual({
      status: 'deleted',
      contractId: CONTRACT_ID,
      customerId: CONTRACT_CUSTOMER_ID,
      deletedAt: '2025-01-21T09:00:00.000Z',
    });
  });

  it.each<[string, ContractEvent[], ContractEvent]>([
    ['a second draft', [contractDrafted()], contractDrafted('cash')],
    ['a signature before the draft', [], contractSigned()],
    [
      'a second signature',
      [contractDrafted(), contractSigned()],
      contractSigned({ iban: NEW_IBAN }),
    ],
    ['an IBAN change on a draft', [contractDrafted()], signatureIbanChanged()],
    ['deleting a signed contract', [contractDrafted(), contractSigned()], contractDraftDeleted()],
    ['terminating a draft', [contractDrafted()], contractTerminated()],
    [
      'an IBAN change after termination',
      [contractDrafted(), contractSigned(), contractTerminated()],
      signatureIbanChanged(),
    ],
  ])('ignores an event that cannot apply: %s', (_case, history, event) => {
    expect(stateAfter(...history, event)).toEqual(stateAfter(...history));
  });
});
