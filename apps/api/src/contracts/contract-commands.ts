import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ContractCommand,
  contractDecider,
  ContractEvent,
  ContractState,
  contractStream,
} from '@app/domain';
import { AggregateCommands } from '@app/application';

/** Runs contract commands (load → decide → append on `contract-<id>`). */
@Injectable()
export class ContractCommands extends AggregateCommands<
  ContractCommand,
  ContractEvent,
  ContractState,
  'contractId'
> {
  constructor(bus: CommandBus) {
    super(bus, { decider: contractDecider, stream: contractStream, idField: 'contractId' });
  }
}
