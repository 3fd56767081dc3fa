import { assertNever, Decider } from '../shared/decider';
import { DomainError, RefusalReason } from '../shared/domain-error';
import { FormAnswers, patchedAnswers, validateAnswers } from './form.answers';
import { EditFormAnswers, FillForm, FilledFormCommand, FormCustomerFact } from './form.commands';
import { FormRefusal } from './form.errors';
import { FilledFormEvent, FormAnswerChange, FormAnswersEdited, FormFilled } from './form.events';
import { formNotFound } from './form.decider';
import {
  currentFormVersion,
  FilledFormRecord,
  FilledFormState,
  formVersionOf,
  FormVersion,
  INITIAL_FILLED_FORM_STATE,
} from './form.state';

function evolve(state: FilledFormState, event: FilledFormEvent): FilledFormState {
  switch (event.type) {
    case 'FormFilled': {
      const { filledFormId, customerId, formId, formVersion, formName, answers } = event.data;
      return { status: 'filled', filledFormId, customerId, formId, formVersion, formName, answers };
    }
    case 'FormAnswersEdited':
      return state.status === 'none' ? state : { ...state, answers: event.data.answers };
    default:
      return assertNever(event, 'filled form event');
  }
}

/** Answers are about a customer on file: unknown 404, deleted or erased 422. */
function requireCustomerOnFile(customerId: string, customer: FormCustomerFact): void {
  if (customer.status === 'unregistered')
    throw new DomainError(FormRefusal.customerNotFound, `Customer ${customerId} does not exist.`);
  if (customer.status === 'deleted' || customer.status === 'erased')
    throw new DomainError(
      FormRefusal.customerGone,
      `Customer ${customerId} is ${customer.status}: no answers about it can be recorded.`,
    );
}

function checkedAnswers(version: FormVersion, input: Readonly<Record<string, unknown>>) {
  const problems: RefusalReason[] = [];
  const answers = validateAnswers(version.fields, input, problems);
  if (problems.length > 0)
    throw DomainError.fromReasons(
      problems,
      `The answers do not fit version ${version.version} of form "${version.name}": ` +
        problems.map((problem) => problem.message).join(' '),
    );
  return answers;
}

/** The version a fill uses: the one asked for, else the current one; a retired form takes none. */
function versionToFill(command: FillForm): FormVersion {
  const { formId, form, version } = command.data;
  if (form.status === 'none') throw formNotFound(formId);
  if (form.status === 'retired')
    throw new DomainError(
      FormRefusal.retired,
      `Form "${currentFormVersion(form).name}" is retired: it can no longer be filled.`,
    );
  if (version === undefined || version === null) return currentFormVersion(form);
  const chosen = formVersionOf(form, version);
  if (chosen === null)
    throw new DomainError(
      FormRefusal.unknownVersion,
      `Form ${formId} has versions 1–${form.versions.length}, not ${String(version)}.`,
      [{ code: FormRefusal.unknownVersion, field: 'version', message: 'No such version' }],
    );
  return chosen;
}

function fill(command: FillForm, state: FilledFormState): FormFilled[] {
  const { filledFormId, customerId, customer, formId } = command.data;
  if (state.status !== 'none')
    throw new DomainError(FormRefusal.filledFormIdTaken, `Filled form ${filledFormId} exists.`);
  const version = versionToFill(command);
  requireCustomerOnFile(customerId, customer);
  const answers = checkedAnswers(version, command.data.answers);
  const data: FormFilled['data'] = {
    filledFormId,
    customerId,
    formId,
    formVersion: version.version,
    formName: version.name,
    answers,
    filledAt: command.metadata.at,
  };
  return [{ type: 'FormFilled', data }];
}

/** Each key whose answer differs, in the version's order of questions. */
function answerChanges(
  version: FormVersion,
  before: FormAnswers,
  after: FormAnswers,
): FormAnswerChange[] {
  return version.fields
    .map((field) => ({
      field: field.key,
      before: Object.hasOwn(before, field.key) ? before[field.key] : null,
      after: Object.hasOwn(after, field.key) ? after[field.key] : null,
    }))
    .filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after));
}

const filledFormNotFound = (filledFormId: string) =>
  new DomainError(
    FormRefusal.filledFormNotFound,
    `No filled form ${filledFormId} on this customer's file.`,
  );

/** Edits answers under the rules of the version the form was filled with, never a newer one. */
function edit(command: EditFormAnswers, state: FilledFormState): FormAnswersEdited[] {
  const { filledFormId, customerId, customer, filledWith } = command.data;
  if (state.status === 'none' || state.customerId !== customerId)
    throw filledFormNotFound(filledFormId);
  requireCustomerOnFile(customerId, customer);
  const filled: FilledFormRecord = state;
  if (filledWith === null || filledWith.version !== filled.formVersion)
    throw new Error(`Version ${filled.formVersion} of form ${filled.formId} is not in its stream`);
  const answers = checkedAnswers(filledWith, patchedAnswers(filled.answers, command.data.answers));
  const changes = answerChanges(filledWith, filled.answers, answers);
  if (changes.length === 0) return [];
  const { formId, formVersion, formName } = filled;
  const data = { filledFormId, customerId, formId, formVersion, formName, answers, changes };
  return [{ type: 'FormAnswersEdited', data: { ...data, editedAt: command.metadata.at } }];
}

function decide(command: FilledFormCommand, state: FilledFormState): FilledFormEvent[] {
  switch (command.type) {
    case 'FillForm':
      return fill(command, state);
    case 'EditFormAnswers':
      return edit(command, state);
    default:
      return assertNever(command, 'filled form command');
  }
}

/** A form filled for a customer (stream `filled-form-<id>`), bound to the version it used. */
export const filledFormDecider: Decider<FilledFormCommand, FilledFormEvent, FilledFormState> = {
  initialState: INITIAL_FILLED_FORM_STATE,
  evolve,
  decide,
};
