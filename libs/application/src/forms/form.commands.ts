import { Command } from '@nestjs/cqrs';
import { FormDefinitionInput } from '@app/domain';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';

/** Defines a form (`formId` is new): its version 1. */
export class DefineFormCommand extends Command<CommandOutcome> {
  constructor(
    readonly formId: string,
    readonly data: FormDefinitionInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Publishes the whole definition given as the form's next version. */
export class PublishFormVersionCommand extends Command<CommandOutcome> {
  constructor(
    readonly formId: string,
    readonly data: FormDefinitionInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class RetireFormCommand extends Command<CommandOutcome> {
  constructor(
    readonly formId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Fills a form for a customer (`filledFormId` is new), with `version` or the current one. */
export class FillFormCommand extends Command<CommandOutcome> {
  constructor(
    readonly filledFormId: string,
    readonly customerId: string,
    readonly formId: string,
    readonly data: { answers: Record<string, unknown>; version?: number | null },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Changes answers of a filled form (`null` clears one), under the version it was filled with. */
export class EditFormAnswersCommand extends Command<CommandOutcome> {
  constructor(
    readonly filledFormId: string,
    readonly customerId: string,
    readonly data: { answers: Record<string, unknown> },
    readonly context: CommandContext,
  ) {
    super();
  }
}
