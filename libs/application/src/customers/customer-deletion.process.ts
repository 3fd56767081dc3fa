import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { customerDeletionBlockers } from '@app/domain';
import { CommandOutcome } from '../commands/command-outcome';
import { DeleteContractDraftCommand } from '../contracts/contract.commands';
import { CustomerFactsReader } from './customer-facts';
import { DeleteCustomerCommand } from './customer.commands';
import { CustomerWrites } from './customer-writes';

/**
 * Deleting a customer (rule R6) is a workflow over two aggregates: the customer's deletion,
 * decided on the blockers read from the others (invoices, signed contracts, live
 * subscriptions), then each of its draft contracts deleted with its own event, in the name of
 * the same request.
 */
@CommandHandler(DeleteCustomerCommand)
export class CustomerDeletion implements ICommandHandler<DeleteCustomerCommand> {
  constructor(
    private readonly customers: CustomerWrites,
    private readonly facts: CustomerFactsReader,
    private readonly bus: CommandBus,
  ) {}

  async execute(c: DeleteCustomerCommand): Promise<CommandOutcome> {
    const { customerId } = c;
    const deleted = await this.customers.decide(
      customerId,
      async () => ({
        type: 'DeleteCustomer',
        data: {
          customerId,
          blockers: customerDeletionBlockers(await this.facts.factsFor(customerId)),
        },
        metadata: { at: c.context.at },
      }),
      c.context,
    );
    // The client's If-Match was the customer's version, not the drafts'.
    const drafts = { ...c.context, expectedVersion: undefined };
    for (const draftId of await this.facts.draftContracts(customerId)) {
      await this.bus.execute(new DeleteContractDraftCommand(draftId, {}, drafts));
    }
    return deleted;
  }
}
