import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome } from '../commands/command-outcome';
import {
  DefineFormCommand,
  EditFormAnswersCommand,
  FillFormCommand,
  PublishFormVersionCommand,
  RetireFormCommand,
} from './form.commands';
import { FormWrites } from './form-writes';

const at = (command: { context: { at: string } }) => ({ at: command.context.at });

@CommandHandler(DefineFormCommand)
export class DefineFormHandler implements ICommandHandler<DefineFormCommand> {
  constructor(private readonly forms: FormWrites) {}
  execute(c: DefineFormCommand): Promise<CommandOutcome> {
    const data = { ...c.data, formId: c.formId };
    return this.forms.decideForm(
      c.formId,
      { type: 'DefineForm', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(PublishFormVersionCommand)
export class PublishFormVersionHandler implements ICommandHandler<PublishFormVersionCommand> {
  constructor(private readonly forms: FormWrites) {}
  execute(c: PublishFormVersionCommand): Promise<CommandOutcome> {
    const data = { ...c.data, formId: c.formId };
    const command = { type: 'PublishFormVersion' as const, data, metadata: at(c) };
    return this.forms.decideForm(c.formId, command, c.context);
  }
}

@CommandHandler(RetireFormCommand)
export class RetireFormHandler implements ICommandHandler<RetireFormCommand> {
  constructor(private readonly forms: FormWrites) {}
  execute(c: RetireFormCommand): Promise<CommandOutcome> {
    const command = { type: 'RetireForm' as const, data: { formId: c.formId }, metadata: at(c) };
    return this.forms.decideForm(c.formId, command, c.context);
  }
}

@CommandHandler(FillFormCommand)
export class FillFormHandler implements ICommandHandler<FillFormCommand> {
  constructor(private readonly forms: FormWrites) {}
  execute(c: FillFormCommand): Promise<CommandOutcome> {
    return this.forms.decideFilled(
      c.filledFormId,
      async () => ({
        type: 'FillForm',
        data: {
          filledFormId: c.filledFormId,
          customerId: c.customerId,
          customer: await this.forms.customer(c.customerId),
          formId: c.formId,
          form: await this.forms.form(c.formId),
          version: c.data.version ?? null,
          answers: c.data.answers,
        },
        metadata: at(c),
      }),
      c.context,
    );
  }
}

@CommandHandler(EditFormAnswersCommand)
export class EditFormAnswersHandler implements ICommandHandler<EditFormAnswersCommand> {
  constructor(private readonly forms: FormWrites) {}
  execute(c: EditFormAnswersCommand): Promise<CommandOutcome> {
    return this.forms.decideFilled(
      c.filledFormId,
      async (state) => ({
        type: 'EditFormAnswers',
        data: {
          filledFormId: c.filledFormId,
          customerId: c.customerId,
          customer: await this.forms.customer(c.customerId),
          filledWith:
            state.status === 'none'
              ? null
              : await this.forms.version(state.formId, state.formVersion),
          answers: c.data.answers,
        },
        metadata: at(c),
      }),
      c.context,
    );
  }
}

/** Everything the forms capability registers with Nest. */
export const formApplicationProviders = [
  FormWrites,
  DefineFormHandler,
  PublishFormVersionHandler,
  RetireFormHandler,
  FillFormHandler,
  EditFormAnswersHandler,
];
