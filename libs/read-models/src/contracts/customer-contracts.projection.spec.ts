import { createHash } from 'node:crypto';
import {
  CustomerLog,
  databaseName,
  IBAN,
  IBAN_MASKED,
  OTHER_IBAN,
  OTHER_IBAN_MASKED,
} from '../customers/testing/customer-log';
import { findContract } from './contract.queries';
import { CustomerContractRow } from './customer-contract.entity';
import { customerContractsProjection } from './customer-contracts.projection';
import { contractProjections } from '.';
import { draftContract, runContract, signedContract } from './testing/contract-log';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe(`CustomerContractsProjection on ${databaseName}`, () => {
  let log: CustomerLog;
  let customerId: string;
  beforeEach(async () => {
    log = await CustomerLog.open('customer_contracts');
    customerId = await log.register(1);
  });
  afterEach(() => log.close());

  const project = () => log.project(contractProjections());
  const contractOf = async (id: string) => (await findContract(log.dataSource, id))!;
  const rowOf = (id: string) =>
    log.dataSource.getRepository(CustomerContractRow).findOneByOrFail({ id });
  const rawTable = async () =>
    JSON.stringify(await log.dataSource.query('SELECT * FROM customer_contracts'));

  describe('when a contract is drafted', () => {
    it('shows a draft with its payment method and no signature', async () => {
      const contractId = await draftContract(log, customerId, 'transfer', {
        actor: 'operator-eva',
        at: '2025-01-05T10:00:00.000Z',
      });
      await project();

      expect(await contractOf(contractId)).toEqual({
        id: contractId,
        customerId,
        status: 'draft',
        paymentMethod: 'transfer',
        maskedIban: null,
        mandateReference: null,
        mandateInvalidated: null,
        signatory: null,
        draftedAt: '2025-01-05T10:00:00.000Z',
        signedAt: null,
        terminatedAt: null,
        terminationReason: null,
        deletedAt: null,
        subscriptions: [],
        lastRevision: 0,
        version: 1,
        updatedAt: '2025-01-05T10:00:00.000Z',
        lastModifiedBy: 'operator-eva',
      });
      expect((await rowOf(contractId)).ibanFingerprint).toBeNull();
    });
  });

  describe('when it is signed', () => {
    it('shows the signature with the IBAN masked, and stores only its fingerprint', async () => {
      const contractId = await draftContract(log, customerId);
      await runContract(log, 'SignContract', {
        contractId,
        iban: 'es91 2100 0418 4502 0005 1332',
        signatory: 'Ana García',
        mandateReference: 'MANDATE-1',
        signedAt: '2025-01-10',
      });
      await project();

      expect(await contractOf(contractId)).toMatchObject({
        status: 'signed',
        paymentMethod: 'direct_debit',
        maskedIban: IBAN_MASKED,
        mandateReference: 'MANDATE-1',
        mandateInvalidated: null,
        signatory: 'Ana García',
        signedAt: '2025-01-10',
        lastRevision: 1,
      });
      expect(await contractOf(contractId)).not.toHaveProperty('ibanFingerprint');
      expect((await rowOf(contractId)).ibanFingerprint).toBe(sha256(IBAN));
      expect(await rawTable()).not.toContain(IBAN);
      expect(JSON.stringify(await contractOf(contractId))).not.toContain(IBAN);
    });

    it("follows the signature's IBAN and mandate when they change", async () => {
      const contractId = await signedContract(log, customerId, IBAN);
      await runContract(log, 'ChangeSignatureIban', { contractId, iban: OTHER_IBAN });
      await project();
      expect(await contractOf(contractId)).toMatchObject({
        maskedIban: OTHER_IBAN_MASKED,
        mandateReference: 'MANDATE-1',
        mandateInvalidated: null,
        lastRevision: 2,
      });
      expect((await rowOf(contractId)).ibanFingerprint).toBe(sha256(OTHER_IBAN));

      await runContract(log, 'ChangeSignatureIban', {
        contractId,
        iban: IBAN,
        mandateReference: 'MANDATE-2',
      });
      await project();
      expect(await contractOf(contractId)).toMatchObject({
        maskedIban: IBAN_MASKED,
        mandateReference: 'MANDATE-2',
        mandateInvalidated: null,
      });
      expect(await rawTable()).not.toContain(IBAN);
      expect(await rawTable()).not.toContain(OTHER_IBAN);
    });

    it('keeps a signature without an IBAN for a contract not paid by direct debit', async () => {
      const contractId = await draftContract(log, customerId, 'cash');
      await runContract(log, 'SignContract', {
        contractId,
        signatory: 'Ana García',
        signedAt: '2025-01-10T12:00:00.000Z',
      });
      await project();
      expect(await contractOf(contractId)).toMatchObject({
        status: 'signed',
        paymentMethod: 'cash',
        maskedIban: null,
        mandateReference: null,
        mandateInvalidated: null,
        signedAt: '2025-01-10T12:00:00.000Z',
      });
      expect((await rowOf(contractId)).ibanFingerprint).toBeNull();
    });
  });

  describe('the end of a contract', () => {
    it('is terminated with its date and reason, keeping the signature', async () => {
      const contractId = await signedContract(log, customerId);
      await runContract(log, 'TerminateContract', {
        contractId,
        reason: 'moved abroad',
        terminatedAt: '2025-03-31',
      });
      await project();
      expect(await contractOf(contractId)).toMatchObject({
        status: 'terminated',
        terminatedAt: '2025-03-31',
        terminationReason: 'moved abroad',
        maskedIban: IBAN_MASKED,
        signatory: 'Ana García',
      });
    });

    it('is deleted while a draft, and still answers by id', async () => {
      const contractId = await draftContract(log, customerId);
      await runContract(
        log,
        'DeleteContractDraft',
        { contractId },
        { at: '2025-01-02T08:00:00.000Z' },
      );
      await project();
      expect(await contractOf(contractId)).toMatchObject({
        status: 'deleted',
        deletedAt: '2025-01-02T08:00:00.000Z',
        lastRevision: 1,
      });
    });
  });

  describe('applying events again', () => {
    it('changes nothing: every revision already applied is skipped', async () => {
      const contractId = await signedContract(log, customerId);
      await runContract(log, 'ChangeSignatureIban', { contractId, iban: OTHER_IBAN });
      await runContract(log, 'TerminateContract', { contractId, reason: 'moved' });
      await project();
      const before = await rowOf(contractId);

      const projection = customerContractsProjection();
      const events = await log.allEvents();
      await log.dataSource.transaction(async (manager) => {
        for (const event of [...events, ...events]) await projection.applyBatch([event], manager);
      });
      expect(await rowOf(contractId)).toEqual(before);
      expect(before).toMatchObject({ status: 'terminated', lastRevision: 3 });
    });

    it('ignores events of a contract it never saw drafted, and other event types', async () => {
      const contractId = await signedContract(log, customerId);
      const events = await log.allEvents();
      const [registered, drafted, signed] = events;
      expect([registered.type, drafted.type, signed.type]).toEqual([
        'CustomerRegistered',
        'ContractDrafted',
        'ContractSigned',
      ]);
      const projection = customerContractsProjection();
      await log.dataSource.transaction(async (manager) => {
        await projection.applyBatch([signed], manager);
        await projection.applyBatch([registered], manager);
      });
      expect(await findContract(log.dataSource, contractId)).toBeNull();

      await log.dataSource.transaction((manager) => projection.applyBatch([drafted], manager));
      expect((await rowOf(contractId)).status).toBe('draft');
    });
  });

  it('answers null for an unknown or malformed id', async () => {
    await project();
    expect(await findContract(log.dataSource, '0c1d2e3f-0000-4000-8000-000000000000')).toBeNull();
    expect(await findContract(log.dataSource, 'contract-1')).toBeNull();
  });
});
