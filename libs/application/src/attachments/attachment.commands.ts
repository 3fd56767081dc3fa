import { Command } from '@nestjs/cqrs';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';
import { UploadedFile } from './uploaded-file';

/** Seed 003: attach the uploaded file to the customer; answers the attachment id as `id`. */
export class AddAttachmentCommand extends Command<CommandOutcome> {
  constructor(
    readonly attachmentId: string,
    readonly customerId: string,
    readonly file: UploadedFile,
    readonly description: string | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class RemoveAttachmentCommand extends Command<CommandOutcome> {
  constructor(
    readonly attachmentId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Seed 004: the customer's image, set or replaced, with its thumbnail made here. */
export class ChangeCustomerImageCommand extends Command<CommandOutcome> {
  constructor(
    readonly customerId: string,
    readonly file: UploadedFile,
    readonly context: CommandContext,
  ) {
    super();
  }
}
