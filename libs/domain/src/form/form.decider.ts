import { assertNever, Decider } from '../shared/decider';
import { DomainError, RefusalReason, refuseIfAny } from '../shared/domain-error';
import { DefineForm, FormCommand, PublishFormVersion, RetireForm } from './form.commands';
import { FormRefusal } from './form.errors';
import { FormDefined, FormEvent, FormRetired, FormVersionPublished } from './form.events';
import { FormDefinition, formDefinitionOf, sameDefinition } from './form.fields';
import {
  currentFormVersion,
  FormRecord,
  FormState,
  FormVersion,
  INITIAL_FORM_STATE,
} from './form.state';

const definitionOf = ({ name, description, fields }: FormDefinition): FormDefinition => ({
  name,
  description,
  fields,
});

function evolve(state: FormState, event: FormEvent): FormState {
  switch (event.type) {
    case 'FormDefined': {
      const { formId, version, definedAt } = event.data;
      const first: FormVersion = { ...definitionOf(event.data), version, publishedAt: definedAt };
      return { formId, status: 'active', versions: [first] };
    }
    case 'FormVersionPublished': {
      if (state.status === 'none') return state;
      const { version, publishedAt } = event.data;
      const next: FormVersion = { ...definitionOf(event.data), version, publishedAt };
      return { ...state, versions: [...state.versions, next] };
    }
    case 'FormRetired':
      return state.status === 'none' ? state : { ...state, status: 'retired' };
    default:
      return assertNever(event, 'form event');
  }
}

export const formNotFound = (formId: string) =>
  new DomainError(
    FormRefusal.notFound,
    `Form ${formId} does not exist; define it with POST /forms.`,
  );

function defined(state: FormState, formId: string): FormRecord {
  if (state.status === 'none') throw formNotFound(formId);
  return state;
}

function checkedDefinition(input: DefineForm['data']): FormDefinition {
  const problems: RefusalReason[] = [];
  const definition = formDefinitionOf(input, problems);
  refuseIfAny(problems);
  return definition;
}

/** Version 1 of a new form. */
function define(command: DefineForm, state: FormState): FormDefined[] {
  const { formId } = command.data;
  if (state.status !== 'none')
    throw new DomainError(FormRefusal.idTaken, `Form ${formId} exists already.`);
  const definition = checkedDefinition(command.data);
  return [
    {
      type: 'FormDefined',
      data: { formId, version: 1, ...definition, definedAt: command.metadata.at },
    },
  ];
}

/** The next version; one asking exactly what the current one asks adds nothing. */
function publish(command: PublishFormVersion, state: FormState): FormVersionPublished[] {
  const form = defined(state, command.data.formId);
  if (form.status === 'retired')
    throw new DomainError(
      FormRefusal.retired,
      `Form ${form.formId} is retired: it takes no new version. Define a new form instead.`,
    );
  const definition = checkedDefinition(command.data);
  const current = currentFormVersion(form);
  if (sameDefinition(definitionOf(current), definition)) return [];
  const data = {
    formId: form.formId,
    version: current.version + 1,
    ...definition,
    publishedAt: command.metadata.at,
  };
  return [{ type: 'FormVersionPublished', data }];
}

/** Stops new fills; retiring a retired form changes nothing. */
function retire(command: RetireForm, state: FormState): FormRetired[] {
  const form = defined(state, command.data.formId);
  if (form.status === 'retired') return [];
  return [{ type: 'FormRetired', data: { formId: form.formId, retiredAt: command.metadata.at } }];
}

function decide(command: FormCommand, state: FormState): FormEvent[] {
  switch (command.type) {
    case 'DefineForm':
      return define(command, state);
    case 'PublishFormVersion':
      return publish(command, state);
    case 'RetireForm':
      return retire(command, state);
    default:
      return assertNever(command, 'form command');
  }
}

/** The operators' form definitions, versioned (stream `form-<id>`). */
export const formDecider: Decider<FormCommand, FormEvent, FormState> = {
  initialState: INITIAL_FORM_STATE,
  evolve,
  decide,
};
