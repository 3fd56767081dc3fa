import { Inject, Injectable } from '@nestjs/common';
import {
  customerDecider,
  customerStream,
  FilledFormCommand,
  filledFormDecider,
  FilledFormState,
  filledFormStream,
  FormCommand,
  FormCustomerFact,
  formDecider,
  FormState,
  formStream,
  formVersionOf,
  FormVersion,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';
import { decideAndAppend } from '../commands/decide-and-append';
import { loadState } from '../commands/load-state';

/**
 * Form commands through the one write path: definitions on `form-<id>`, fills on
 * `filled-form-<id>`; the facts a fill needs (the customer, the form) read from their own
 * streams when the command is handled, with no read-model lag.
 */
@Injectable()
export class FormWrites {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async customer(customerId: string): Promise<FormCustomerFact> {
    const customer = await loadState(this.store, customerStream(customerId), customerDecider);
    return { status: customer.status };
  }

  form(formId: string): Promise<FormState> {
    return loadState(this.store, formStream(formId), formDecider);
  }

  /** The version a form was filled with (versions never change once published). */
  async version(formId: string, version: number): Promise<FormVersion | null> {
    const form = await this.form(formId);
    return form.status === 'none' ? null : formVersionOf(form, version);
  }

  async decideForm(
    formId: string,
    command: FormCommand,
    context: CommandContext,
  ): Promise<CommandOutcome> {
    const { id, version, position } = await decideAndAppend(this.store, {
      aggregateId: formId,
      stream: formStream(formId),
      decider: formDecider,
      command,
      context,
    });
    return { id, version, position };
  }

  async decideFilled(
    filledFormId: string,
    command: (state: FilledFormState) => Promise<FilledFormCommand>,
    context: CommandContext,
  ): Promise<CommandOutcome> {
    const { id, version, position } = await decideAndAppend(this.store, {
      aggregateId: filledFormId,
      stream: filledFormStream(filledFormId),
      decider: filledFormDecider,
      command,
      context,
    });
    return { id, version, position };
  }
}
