import { EntityManager } from 'typeorm';
import { isUuid, managerOf, ReadModelSource } from '../customers/read-model-source';
import {
  ContractView,
  SubscriptionView,
  toContractView,
  toSubscriptionView,
} from './contract.view';
import { CustomerContractRow } from './customer-contract.entity';
import { CustomerSubscriptionRow } from './customer-subscription.entity';

/**
 * `GET /customers/:id/contracts`: the contracts tab, oldest first, each contract with its
 * subscriptions. A deleted draft is gone from the tab, and so is what hung on it.
 */
export async function customerContracts(
  source: ReadModelSource,
  customerId: string,
): Promise<ContractView[]> {
  if (!isUuid(customerId)) return [];
  const { contracts, subscriptions } = await contractsTabOf(managerOf(source), customerId);
  return contracts.map((contract) =>
    toContractView(
      contract,
      subscriptions.filter((subscription) => subscription.contractId === contract.id),
    ),
  );
}

/** `GET /contracts/:id`: the contract with its subscriptions; a deleted draft still answers. */
export async function findContract(
  source: ReadModelSource,
  id: string,
): Promise<ContractView | null> {
  if (!isUuid(id)) return null;
  const manager = managerOf(source);
  const row = await manager.getRepository(CustomerContractRow).findOneBy({ id });
  if (row === null) return null;
  const subscriptions = await manager
    .getRepository(CustomerSubscriptionRow)
    .find({ where: { contractId: id }, order: { requestedAt: 'ASC', id: 'ASC' } });
  return toContractView(row, subscriptions);
}

/** `GET /subscriptions/:id`. */
export async function findSubscription(
  source: ReadModelSource,
  id: string,
): Promise<SubscriptionView | null> {
  if (!isUuid(id)) return null;
  const row = await managerOf(source).getRepository(CustomerSubscriptionRow).findOneBy({ id });
  return row && toSubscriptionView(row);
}

/**
 * A customer's contracts and subscriptions, oldest first, leaving out deleted drafts and the
 * subscriptions on them: a draft deleted goes with whatever it held, as rule R6 deletes drafts
 * with their customer.
 */
export async function contractsTabOf(manager: EntityManager, customerId: string) {
  // One after the other: inside a caller's transaction they share one connection.
  const contracts = await manager
    .getRepository(CustomerContractRow)
    .find({ where: { customerId }, order: { draftedAt: 'ASC', id: 'ASC' } });
  const subscriptions = await manager
    .getRepository(CustomerSubscriptionRow)
    .find({ where: { customerId }, order: { requestedAt: 'ASC', id: 'ASC' } });
  const deleted = new Set(contracts.filter((c) => c.status === 'deleted').map((c) => c.id));
  return {
    contracts: contracts.filter((contract) => !deleted.has(contract.id)),
    subscriptions: subscriptions.filter((subscription) => !deleted.has(subscription.contractId)),
  };
}
