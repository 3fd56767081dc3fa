import { CommandMeta } from '../../shared/decider';
import { EditFormAnswers, FillForm, FormCustomerFact, PublishFormVersion } from '../form.commands';
import { formDecider } from '../form.decider';
import { FormDefined, FormEvent, FormRetired, FormVersionPublished } from '../form.events';
import { FormDefinitionInput } from '../form.fields';
import { FormRecord, FormState } from '../form.state';

export const FORM_ID = 'form-1';
export const FILLED_ID = 'filled-1';
export const FORM_CUSTOMER_ID = 'cust-1';
export const FORM_AT = '2026-03-01T09:00:00.000Z';
const meta: CommandMeta = { at: FORM_AT };

/** Seed 000's example: the checklist before sending a technician. */
export const checklistV1: FormDefinitionInput = {
  name: 'Checklist antes de enviar técnico',
  description: 'Paso a paso antes de una visita',
  fields: [
    { key: 'router_on', label: '¿Router encendido?', type: 'yes_no', required: true },
    {
      key: 'lights',
      label: 'Luces del router',
      type: 'single_choice',
      required: true,
      options: ['Verde', 'Rojo', 'Apagado'],
    },
    {
      key: 'devices',
      label: 'Equipos conectados',
      type: 'number',
      required: false,
      min: 0,
      max: 50,
      integer: true,
    },
    { key: 'visit_day', label: 'Día preferido', type: 'date', required: false },
    {
      key: 'rooms',
      label: 'Estancias sin señal',
      type: 'multiple_choice',
      required: false,
      options: ['Salón', 'Cocina', 'Dormitorio'],
    },
    { key: 'notes', label: 'Notas', type: 'text', required: false, maxLength: 200 },
  ],
};

/** Version 2: `notes` removed, `visit_day` now required, the lights' options changed. */
export const checklistV2: FormDefinitionInput = {
  ...checklistV1,
  fields: [
    { key: 'router_on', label: '¿Router encendido?', type: 'yes_no', required: true },
    {
      key: 'lights',
      label: 'Estado de las luces',
      type: 'single_choice',
      required: true,
      options: ['Fija', 'Parpadea', 'Apagada'],
    },
    {
      key: 'devices',
      label: 'Equipos conectados',
      type: 'number',
      required: false,
      min: 0,
      max: 50,
      integer: true,
    },
    { key: 'visit_day', label: 'Día de la visita', type: 'date', required: true },
    {
      key: 'rooms',
      label: 'Estancias sin señal',
      type: 'multiple_choice',
      required: false,
      options: ['Salón', 'Cocina', 'Dormitorio'],
    },
  ],
};

export const defineForm = (input: FormDefinitionInput = checklistV1) => ({
  type: 'DefineForm' as const,
  data: { ...input, formId: FORM_ID },
  metadata: meta,
});

export const publishVersion = (input: FormDefinitionInput = checklistV2): PublishFormVersion => ({
  type: 'PublishFormVersion',
  data: { ...input, formId: FORM_ID },
  metadata: meta,
});

export const retireForm = {
  type: 'RetireForm' as const,
  data: { formId: FORM_ID },
  metadata: meta,
};

const decided = (events: FormEvent[], command: Parameters<typeof formDecider.decide>[0]) =>
  formDecider.decide(command, events.reduce(formDecider.evolve, formDecider.initialState))[0];

export const formDefined = decided([], defineForm()) as FormDefined;
export const versionPublished = decided([formDefined], publishVersion()) as FormVersionPublished;
export const formRetired = decided([formDefined], retireForm) as FormRetired;

export const formAfter = (...events: FormEvent[]): FormState =>
  events.reduce(formDecider.evolve, formDecider.initialState);
export const formRecordAfter = (...events: FormEvent[]): FormRecord =>
  formAfter(...events) as FormRecord;

export const customerOnFile: FormCustomerFact = { status: 'active' };

export const v1Answers = {
  router_on: true,
  lights: 'Rojo',
  devices: 4,
  rooms: ['Dormitorio', 'Salón'],
  notes: '  Perro en el jardín  ',
};

export const fillForm = (overrides: Partial<FillForm['data']> = {}): FillForm => ({
  type: 'FillForm',
  data: {
    filledFormId: FILLED_ID,
    customerId: FORM_CUSTOMER_ID,
    customer: customerOnFile,
    formId: FORM_ID,
    form: formAfter(formDefined),
    answers: v1Answers,
    ...overrides,
  },
  metadata: meta,
});

export const editAnswers = (
  answers: Record<string, unknown>,
  overrides: Partial<EditFormAnswers['data']> = {},
): EditFormAnswers => ({
  type: 'EditFormAnswers',
  data: {
    filledFormId: FILLED_ID,
    customerId: FORM_CUSTOMER_ID,
    customer: customerOnFile,
    filledWith: formRecordAfter(formDefined, versionPublished).versions[0],
    answers,
    ...overrides,
  },
  metadata: meta,
});
