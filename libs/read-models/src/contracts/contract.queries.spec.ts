import { customerDeletionBlockers } from '@app/domain';
import { findCustomerFile } from '../customers/customer-file.queries';
import {
  CustomerLog,
  databaseName,
  IBAN,
  IBAN_MASKED,
  OTHER_IBAN,
  OTHER_IBAN_MASKED,
} from '../customers/testing/customer-log';
import { allReadModelProjections } from '.';
import { customerContracts } from './contract.queries';
import { customerDeletionFactsFromReadModels, draftContractIds } from './customer-deletion-facts';
import { customerIbanWarnings } from './customer-iban-warnings';
import {
  draftContract,
  requestSubscription,
  runContract,
  runSubscription,
  signedContract,
} from './testing/contract-log';

const UNKNOWN = '0c1d2e3f-0000-4000-8000-000000000000';

describe(`Contract queries on ${databaseName}`, () => {
  let log: CustomerLog;
  let customerId: string;
  beforeEach(async () => {
    log = await CustomerLog.open('contract_queries');
    customerId = await log.register(1);
  });
  afterEach(() => log.close());

  const project = () => log.project(allReadModelProjections());
  const setCustomerIban = (iban: string | null) =>
    log.run('ChangeBillingSettings', { customerId, iban });
  const warningsOf = () => customerIbanWarnings(log.dataSource, customerId);
  const fileOf = async () => (await findCustomerFile(log.dataSource, customerId))!;

  describe('customerContracts: the contracts tab', () => {
    it('lists the contracts oldest first, each with its subscriptions, IBANs masked', async () => {
      const first = await signedContract(log, customerId, IBAN);
      const second = await draftContract(log, customerId, 'transfer');
      const a = await requestSubscription(log, first, customerId, { tariff: 'Fibra 300' });
      const b = await requestSubscription(log, second, customerId, { tariff: 'Móvil' });
      const c = await requestSubscription(log, first, customerId, { tariff: 'TV' });
      await runSubscription(log, 'ActivateSubscription', { subscriptionId: a });
      await project();

      const tab = await customerContracts(log.dataSource, customerId);
      expect(tab.map((contract) => [contract.id, contract.status, contract.maskedIban])).toEqual([
        [first, 'signed', IBAN_MASKED],
        [second, 'draft', null],
      ]);
      expect(tab[0].subscriptions.map((s) => [s.id, s.tariff, s.status, s.billable])).toEqual([
        [a, 'Fibra 300', 'active', true],
        [c, 'TV', 'pending-activation', false],
      ]);
      expect(tab[1].subscriptions.map((s) => s.id)).toEqual([b]);
      const shown = JSON.stringify(tab);
      expect(shown).not.toContain(IBAN);
      expect(shown).not.toContain('iban_fingerprint');
      expect(shown).not.toContain('ibanFingerprint');
    });

    it('leaves out deleted drafts and what hung on them, and keeps customers apart', async () => {
      const kept = await draftContract(log, customerId);
      const gone = await draftContract(log, customerId);
      await requestSubscription(log, gone, customerId);
      await runContract(log, 'DeleteContractDraft', { contractId: gone });
      const other = await log.register(2);
      await signedContract(log, other);
      await project();

      const tab = await customerContracts(log.dataSource, customerId);
      expect(tab.map((contract) => contract.id)).toEqual([kept]);
      expect(await customerContracts(log.dataSource, UNKNOWN)).toEqual([]);
      expect(await customerContracts(log.dataSource, 'not-a-uuid')).toEqual([]);
    });

    it("fills the customer file's contracts and subscriptions counters", async () => {
      const signed = await signedContract(log, customerId);
      const draft = await draftContract(log, customerId);
      const gone = await draftContract(log, customerId);
      await requestSubscription(log, signed, customerId);
      await requestSubscription(log, draft, customerId);
      await requestSubscription(log, gone, customerId);
      await runContract(log, 'DeleteContractDraft', { contractId: gone });
      await project();

      expect((await fileOf()).counts).toMatchObject({ contracts: 2, subscriptions: 2 });
      const stranger = await log.register(3);
      await project();
      expect((await findCustomerFile(log.dataSource, stranger))!.counts).toMatchObject({
        contracts: 0,
        subscriptions: 0,
      });
    });
  });

  describe("rule R4: the customer file's IBAN against the signatures'", () => {
    it("warns when the customer's IBAN changes and the signature's does not, until they match again", async () => {
      await setCustomerIban(IBAN);
      const contractId = await signedContract(log, customerId, IBAN);
      await project();
      expect(await warningsOf()).toEqual([]);
      expect((await fileOf()).warnings).toEqual([]);

      await setCustomerIban(OTHER_IBAN);
      await project();
      const expected = {
        code: 'R4.IBAN_MISMATCH',
        contractId,
        message: `The customer file's IBAN (${OTHER_IBAN_MASKED}) differs from the one signed on contract ${contractId} (${IBAN_MASKED}). Billing charges the signed one; change the contract's signature to charge the new account.`,
      };
      expect(await warningsOf()).toEqual([expected]);
      expect((await fileOf()).warnings).toEqual([expected]);
      expect(JSON.stringify(await fileOf())).not.toContain(OTHER_IBAN);

      await runContract(log, 'ChangeSignatureIban', { contractId, iban: OTHER_IBAN });
      await project();
      expect(await warningsOf()).toEqual([]);
      expect((await fileOf()).warnings).toEqual([]);

      await setCustomerIban(IBAN);
      await project();
      expect(await warningsOf()).toHaveLength(1);
      await setCustomerIban(OTHER_IBAN.toLowerCase().replace(/(.{4})/g, '$1 '));
      await project();
      expect(await warningsOf()).toEqual([]);
    });

    it('warns once per differing signed contract, not for drafts or terminated ones', async () => {
      await setCustomerIban(IBAN);
      await signedContract(log, customerId, IBAN);
      const differs = await signedContract(log, customerId, OTHER_IBAN);
      const ended = await signedContract(log, customerId, OTHER_IBAN);
      await runContract(log, 'TerminateContract', { contractId: ended, reason: 'moved' });
      await draftContract(log, customerId);
      await project();
      expect((await warningsOf()).map((warning) => warning.contractId)).toEqual([differs]);
    });

    it('does not warn when either side has no IBAN', async () => {
      const contractId = await signedContract(log, customerId, IBAN);
      const cash = await draftContract(log, customerId, 'cash');
      await runContract(log, 'SignContract', {
        contractId: cash,
        signatory: 'Ana',
        signedAt: '2025-01-01',
      });
      await project();
      expect(await warningsOf()).toEqual([]);

      await setCustomerIban(OTHER_IBAN);
      await project();
      expect((await warningsOf()).map((warning) => warning.contractId)).toEqual([contractId]);

      await setCustomerIban(null);
      await project();
      expect(await warningsOf()).toEqual([]);
      expect(await customerIbanWarnings(log.dataSource, UNKNOWN)).toEqual([]);
      expect(await customerIbanWarnings(log.dataSource, 'nope')).toEqual([]);
    });
  });

  describe('rule R6: what blocks deleting the customer', () => {
    const factsOf = () => customerDeletionFactsFromReadModels(log.dataSource, customerId);

    it('finds nothing for a customer with drafts and bare requests, and lists the drafts', async () => {
      const first = await draftContract(log, customerId);
      const second = await draftContract(log, customerId);
      await requestSubscription(log, first, customerId);
      const rejected = await requestSubscription(log, first, customerId);
      await runSubscription(log, 'RejectSubscription', { subscriptionId: rejected, reason: 'x' });
      await project();

      expect(await factsOf()).toEqual({
        invoicesIssued: 0,
        signedContracts: 0,
        liveSubscriptions: 0,
        subscriptionsWithDiscountsOrExtraCharges: 0,
      });
      expect(await draftContractIds(log.dataSource, customerId)).toEqual([first, second]);
    });

    it('counts signed and terminated contracts, live subscriptions, discounts and charges', async () => {
      const signed = await signedContract(log, customerId);
      const ended = await signedContract(log, customerId);
      await runContract(log, 'TerminateContract', { contractId: ended, reason: 'moved' });
      const draft = await draftContract(log, customerId);
      const states = ['active', 'not-billable', 'suspended', 'cancelled'];
      for (const state of states) {
        const subscriptionId = await requestSubscription(log, signed, customerId);
        const run = (type: Parameters<typeof runSubscription>[1], data = {}) =>
          runSubscription(log, type, { subscriptionId, ...data } as never);
        if (state === 'cancelled') await run('CancelSubscription');
        else await run('ActivateSubscription');
        if (state === 'not-billable') await run('MoveSubscriptionToActiveNotBillable');
        if (state === 'suspended') await run('SuspendSubscription', { reason: 'unpaid' });
      }
      const discounted = await requestSubscription(log, draft, customerId);
      await runSubscription(log, 'GrantDiscount', {
        subscriptionId: discounted,
        discountId: 'd-1',
        percent: 5,
        from: '2025-01-01',
      });
      const charged = await requestSubscription(log, draft, customerId);
      await runSubscription(log, 'AddExtraCharge', {
        subscriptionId: charged,
        chargeId: 'x-1',
        amountCents: 100,
        description: 'Router',
        recurring: false,
      });
      await project();

      const facts = await factsOf();
      expect(facts).toEqual({
        invoicesIssued: 0,
        signedContracts: 2,
        liveSubscriptions: 4,
        subscriptionsWithDiscountsOrExtraCharges: 2,
      });
      expect(customerDeletionBlockers(facts).map((blocker) => blocker.code)).toEqual([
        'R6.SIGNED_CONTRACTS',
        'R6.LIVE_SUBSCRIPTIONS',
        'R6.DISCOUNTS_OR_EXTRA_CHARGES',
      ]);
      expect(await draftContractIds(log.dataSource, customerId)).toEqual([draft]);
    });

    it('no longer counts the subscriptions of a deleted draft: they went with it', async () => {
      const draft = await draftContract(log, customerId);
      const subscriptionId = await requestSubscription(log, draft, customerId);
      await runSubscription(log, 'ActivateSubscription', { subscriptionId });
      await runSubscription(log, 'AddExtraCharge', {
        subscriptionId,
        chargeId: 'x-1',
        amountCents: 1500,
        description: 'Router',
        recurring: false,
      });
      await project();
      expect(await factsOf()).toMatchObject({
        liveSubscriptions: 1,
        subscriptionsWithDiscountsOrExtraCharges: 1,
      });

      await runContract(log, 'DeleteContractDraft', { contractId: draft });
      await project();
      expect(customerDeletionBlockers(await factsOf())).toEqual([]);
      expect(await draftContractIds(log.dataSource, customerId)).toEqual([]);
    });

    it('answers no facts for an unknown or malformed customer', async () => {
      await project();
      for (const id of [UNKNOWN, 'nope']) {
        expect(
          customerDeletionBlockers(await customerDeletionFactsFromReadModels(log.dataSource, id)),
        ).toEqual([]);
        expect(await draftContractIds(log.dataSource, id)).toEqual([]);
      }
    });
  });
});
