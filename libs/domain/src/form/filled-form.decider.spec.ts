import { given } from '../shared/testing/decider-specification';
import { filledFormDecider } from './filled-form.decider';
import { FormFilled } from './form.events';
import {
  editAnswers,
  FILLED_ID,
  FORM_AT,
  FORM_CUSTOMER_ID,
  FORM_ID,
  formAfter,
  formDefined,
  formRecordAfter,
  formRetired,
  fillForm,
  v1Answers,
  versionPublished,
} from './testing/form.fixtures';

const filledForm = given(filledFormDecider);

const filledV1: FormFilled = {
  type: 'FormFilled',
  data: {
    filledFormId: FILLED_ID,
    customerId: FORM_CUSTOMER_ID,
    formId: FORM_ID,
    formVersion: 1,
    formName: 'Checklist antes de enviar técnico',
    answers: {
      router_on: true,
      lights: 'Rojo',
      devices: 4,
      rooms: ['Salón', 'Dormitorio'],
      notes: 'Perro en el jardín',
    },
    filledAt: FORM_AT,
  },
};

describe('Additional forms: filling one for a customer', () => {
  describe('given version 1 is current', () => {
    it('records the answers with the form id and version, text trimmed and options in the form’s order', () => {
      filledForm([]).when(fillForm()).then([filledV1]);
    });

    it('refuses every bad answer at once, each named, and writes nothing', () => {
      filledForm([])
        .when(
          fillForm({
            answers: {
              router_on: 'yes',
              lights: 'Azul',
              devices: 4.5,
              visit_day: '2026-02-30',
              rooms: ['Salón', 'Salón'],
              notes: 'x'.repeat(201),
              colour: 'red',
            },
          }),
        )
        .thenRefuses('FORM.INVALID_ANSWERS', {
          details: [
            { field: 'answers.colour' },
            { field: 'answers.router_on' },
            { field: 'answers.lights' },
            { field: 'answers.devices' },
            { field: 'answers.visit_day' },
            { field: 'answers.rooms' },
            { field: 'answers.notes' },
          ],
        });
    });

    it('refuses a required answer missing, numbers out of bounds or not finite', () => {
      filledForm([])
        .when(fillForm({ answers: { lights: '  ', devices: 51 } }))
        .thenRefuses('FORM.INVALID_ANSWERS', {
          details: [
            { field: 'answers.router_on', message: '¿Router encendido?: required.' },
            { field: 'answers.lights' },
            { field: 'answers.devices' },
          ],
        });
      for (const devices of [Number.POSITIVE_INFINITY, Number.NaN, -1, '4'])
        filledForm([])
          .when(fillForm({ answers: { ...v1Answers, devices } }))
          .thenRefuses('FORM.INVALID_ANSWERS', { details: [{ field: 'answers.devices' }] });
    });

    it('refuses an unknown form (404), a retired one, an unknown version, an unknown or erased customer', () => {
      filledForm([])
        .when(fillForm({ form: formAfter() }))
        .thenRefuses('FORM.NOT_FOUND');
      filledForm([])
        .when(fillForm({ form: formAfter(formDefined, formRetired) }))
        .thenRefuses('FORM.RETIRED');
      filledForm([])
        .when(fillForm({ version: 2 }))
        .thenRefuses('FORM.UNKNOWN_VERSION', { details: [{ field: 'version' }] });
      filledForm([])
        .when(fillForm({ customer: { status: 'unregistered' } }))
        .thenRefuses('FORM.CUSTOMER_NOT_FOUND');
      filledForm([])
        .when(fillForm({ customer: { status: 'erased' } }))
        .thenRefuses('FORM.CUSTOMER_GONE');
      filledForm([filledV1]).when(fillForm()).thenRefuses('FILLED_FORM.ID_TAKEN');
    });
  });

  describe('given version 2 removed `notes`, made `visit_day` required and changed the lights’ options', () => {
    const withV2 = formAfter(formDefined, versionPublished);

    it('validates a new fill against version 2: v1 answers no longer fit', () => {
      filledForm([])
        .when(fillForm({ form: withV2 }))
        .thenRefuses('FORM.INVALID_ANSWERS', {
          details: [
            { field: 'answers.notes' },
            { field: 'answers.lights' },
            { field: 'answers.visit_day' },
          ],
        });
      const [filled] = filledFormDecider.decide(
        fillForm({
          form: withV2,
          answers: { router_on: false, lights: 'Parpadea', visit_day: '2026-03-05' },
        }),
        filledFormDecider.initialState,
      );
      expect(filled.data).toMatchObject({ formVersion: 2, answers: { lights: 'Parpadea' } });
    });

    it('still fills version 1 when asked for it by number', () => {
      filledForm([])
        .when(fillForm({ form: withV2, version: 1 }))
        .then([filledV1]);
    });

    it('edits the v1 answers under v1’s rules: v1 options and `notes` accepted, v2’s refused', () => {
      filledForm([filledV1])
        .when(editAnswers({ lights: 'Verde', notes: null }))
        .then([
          {
            type: 'FormAnswersEdited',
            data: {
              filledFormId: FILLED_ID,
              customerId: FORM_CUSTOMER_ID,
              formId: FORM_ID,
              formVersion: 1,
              formName: 'Checklist antes de enviar técnico',
              answers: {
                router_on: true,
                lights: 'Verde',
                devices: 4,
                rooms: ['Salón', 'Dormitorio'],
              },
              changes: [
                { field: 'lights', before: 'Rojo', after: 'Verde' },
                { field: 'notes', before: 'Perro en el jardín', after: null },
              ],
              editedAt: FORM_AT,
            },
          },
        ]);
      filledForm([filledV1])
        .when(editAnswers({ lights: 'Parpadea' }))
        .thenRefuses('FORM.INVALID_ANSWERS', { details: [{ field: 'answers.lights' }] });
    });
  });

  describe('editing', () => {
    it('changes nothing when the answers are the same', () => {
      filledForm([filledV1])
        .when(editAnswers({ notes: 'Perro en el jardín ' }))
        .thenNothingHappens();
    });

    it('refuses a filled form of another customer or none (404), and a required answer cleared', () => {
      filledForm([]).when(editAnswers({})).thenRefuses('FILLED_FORM.NOT_FOUND');
      filledForm([filledV1])
        .when(editAnswers({}, { customerId: 'cust-2' }))
        .thenRefuses('FILLED_FORM.NOT_FOUND');
      filledForm([filledV1])
        .when(editAnswers({ router_on: null }))
        .thenRefuses('FORM.INVALID_ANSWERS', { details: [{ field: 'answers.router_on' }] });
    });

    it('edits the answers of a retired form (retiring stops new fills only)', () => {
      const retired = formRecordAfter(formDefined, formRetired).versions[0];
      filledForm([filledV1])
        .when(editAnswers({ devices: 5 }, { filledWith: retired }))
        .then([expect.objectContaining({ type: 'FormAnswersEdited' })] as never);
    });
  });
});
