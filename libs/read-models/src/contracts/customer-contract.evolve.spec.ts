import { ContractEvent } from '@app/domain';
import {
  CONTRACT_CUSTOMER_ID,
  CONTRACT_ID,
  contractDraftDeleted,
  contractDrafted,
  contractSigned,
  contractTerminated,
  DRAFTED_AT,
  MANDATE,
  NEW_IBAN,
  SIGNED_AT,
  SIGNED_IBAN,
  signatureIbanChanged,
} from '@app/domain/contract/testing/contract.fixtures';
import { foldRow, recordedStream } from '../testing/recorded-stream';
import { evolveCustomerContract } from './customer-contract.evolve';

const stream = (...events: ContractEvent[]) =>
  recordedStream(`contract-${CONTRACT_ID}`, events, { actor: 'operator-2' });

describe('evolveCustomerContract (pure: no database)', () => {
  it('a draft opens the row, without an account', () => {
    expect(foldRow(evolveCustomerContract, stream(contractDrafted()))).toMatchObject({
      id: CONTRACT_ID,
      customerId: CONTRACT_CUSTOMER_ID,
      status: 'draft',
      paymentMethod: 'direct_debit',
      maskedIban: null,
      ibanFingerprint: null,
      mandateReference: null,
      draftedAt: DRAFTED_AT,
      signedAt: null,
      lastRevision: 0,
      lastModifiedBy: 'operator-2',
    });
  });

  it('a signature sets the signatory and the account, the IBAN only masked (rule R4)', () => {
    const row = foldRow(evolveCustomerContract, stream(contractDrafted(), contractSigned()));
    expect(row).toMatchObject({
      status: 'signed',
      signatory: 'Ana García López',
      signedAt: SIGNED_AT,
      mandateReference: MANDATE,
      maskedIban: expect.stringMatching(/\*/),
      lastRevision: 1,
    });
    expect(JSON.stringify(row)).not.toContain(SIGNED_IBAN);
  });

  it('an IBAN change replaces the account, and a termination closes the contract', () => {
    const signed = foldRow(evolveCustomerContract, stream(contractDrafted(), contractSigned()));
    const row = foldRow(
      evolveCustomerContract,
      stream(contractDrafted(), contractSigned(), signatureIbanChanged(), contractTerminated()),
    );
    expect(row).toMatchObject({
      status: 'terminated',
      terminationReason: 'moved abroad',
      terminatedAt: '2025-02-28T23:00:00.000Z',
      lastRevision: 3,
    });
    expect(row?.ibanFingerprint).not.toBe(signed?.ibanFingerprint);
    expect(JSON.stringify(row)).not.toContain(NEW_IBAN);
  });

  it('a deleted draft stays, marked deleted', () => {
    expect(
      foldRow(evolveCustomerContract, stream(contractDrafted(), contractDraftDeleted())),
    ).toMatchObject({ status: 'deleted', deletedAt: '2025-01-21T09:00:00.000Z' });
  });

  it('a later event of a contract it never saw drafted shows nothing', () => {
    const [, signed] = stream(contractDrafted(), contractSigned());
    expect(evolveCustomerContract(null, signed)).toBeNull();
  });
});
