import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CustomerCommand, CustomerEvent, CustomerState } from '@app/domain';
import { CommandContext } from '../infrastructure/commands/command-context';
import { CommandOutcome } from '../infrastructure/commands/command-outcome';
import { DecisionResult } from '../infrastructure/commands/decide-and-append';
import { ExecuteCustomerCommand } from './execute-customer-command';

type CommandFor<T extends CustomerCommand['type']> = Extract<CustomerCommand, { type: T }>;

/** What the customer controllers use: builds the domain command and answers API.md's outcome. */
@Injectable()
export class CustomerCommands {
  constructor(private readonly bus: CommandBus) {}

  async run<T extends CustomerCommand['type']>(
    type: T,
    customerId: string,
    data:
      | Omit<CommandFor<T>['data'], 'customerId'>
      | ((state: CustomerState) => Promise<Omit<CommandFor<T>['data'], 'customerId'>>),
    context: CommandContext,
  ): Promise<CommandOutcome> {
    const build = async (state: CustomerState) =>
      ({
        type,
        data: { ...(typeof data === 'function' ? await data(state) : data), customerId },
        metadata: { at: context.at },
      }) as unknown as CustomerCommand;
    const result = await this.bus.execute<
      ExecuteCustomerCommand,
      DecisionResult<CustomerEvent, CustomerState>
    >(new ExecuteCustomerCommand(customerId, build, context));
    return { id: result.id, version: result.version, position: result.position };
  }
}
