import { Global, Module } from '@nestjs/common';
import { ExecuteAggregateCommandHandler } from './execute-aggregate-command';

/** The command handler shared by every aggregate that needs nothing beyond load → decide → append. */
@Global()
@Module({ providers: [ExecuteAggregateCommandHandler] })
export class CommandsModule {}
