import { given } from '../shared/testing/decider-specification';
import { formDecider } from './form.decider';
import { FormRecord } from './form.state';
import {
  checklistV1,
  checklistV2,
  defineForm,
  FORM_AT,
  FORM_ID,
  formDefined,
  formRetired,
  publishVersion,
  retireForm,
  versionPublished,
} from './testing/form.fixtures';

const form = given(formDecider);
const field = (overrides: Record<string, unknown>) => ({
  key: 'k',
  label: 'K',
  type: 'text',
  ...overrides,
});

describe('Additional forms: definitions, versioned', () => {
  describe('defining a form', () => {
    it('records version 1 with its fields normalised (no options or limits where they do not apply)', () => {
      const [defined] = formDecider.decide(defineForm(), formDecider.initialState);
      expect(defined).toMatchObject({
        type: 'FormDefined',
        data: { formId: FORM_ID, version: 1, name: checklistV1.name, definedAt: FORM_AT },
      });
      expect(defined.type === 'FormDefined' && defined.data.fields[0]).toEqual({
        key: 'router_on',
        label: '¿Router encendido?',
        type: 'yes_no',
        required: true,
        options: [],
        maxLength: null,
        min: null,
        max: null,
        integer: false,
      });
      expect(form([formDefined]).state()).toMatchObject({ status: 'active' });
    });

    it('refuses every bad part at once, each named: blank name, duplicate key, bad key, choice without options, duplicate option, bad type, min above max', () => {
      form([])
        .when(
          defineForm({
            name: '  ',
            fields: [
              field({ key: 'a' }),
              field({ key: 'a' }),
              field({ key: 'Bad Key' }),
              field({ key: 'c', type: 'single_choice', options: [] }),
              field({ key: 'd', type: 'multiple_choice', options: ['Sí', ' sí '] }),
              field({ key: 'e', type: 'colour' }),
              field({ key: 'f', type: 'number', min: 10, max: 1 }),
              field({ key: 'constructor' }),
            ],
          }),
        )
        .thenRefuses('FORM.INVALID_DEFINITION', {
          details: [
            { field: 'name' },
            { field: 'fields[1].key' },
            { field: 'fields[2].key' },
            { field: 'fields[3].options' },
            { field: 'fields[4].options[1]' },
            { field: 'fields[5].type' },
            { field: 'fields[6].max' },
            { field: 'fields[7].key' },
          ],
        });
    });

    it('refuses no fields, too long a label, options on a text field, a limit of another type, and numbers out of range', () => {
      form([])
        .when(defineForm({ name: 'X', fields: [] }))
        .thenRefuses('FORM.INVALID_DEFINITION', {
          details: [{ field: 'fields' }],
        });
      form([])
        .when(
          defineForm({
            name: 'X',
            fields: [
              field({ label: 'x'.repeat(201) }),
              field({ key: 'b', options: ['a'] }),
              field({ key: 'c', type: 'date', maxLength: 10 }),
              field({ key: 'd', type: 'number', max: Number.MAX_VALUE }),
              field({ key: 'e', type: 'number', min: Number.NaN }),
            ],
          }),
        )
        .thenRefuses('FORM.INVALID_DEFINITION', {
          details: [
            { field: 'fields[0].label' },
            { field: 'fields[1].options' },
            { field: 'fields[2].maxLength' },
            { field: 'fields[3].max' },
            { field: 'fields[4].min' },
          ],
        });
    });

    it('refuses a second definition under the same id', () => {
      form([formDefined]).when(defineForm()).thenRefuses('FORM.ID_TAKEN');
    });
  });

  describe('publishing a new version', () => {
    it('records version 2; version 1 is kept as it was', () => {
      form([formDefined])
        .when(publishVersion())
        .then([expect.objectContaining({ type: 'FormVersionPublished' })] as never);
      expect(versionPublished.data).toMatchObject({ version: 2, publishedAt: FORM_AT });
      const state = form([formDefined, versionPublished]).state() as FormRecord;
      expect(state.versions.map((version) => version.version)).toEqual([1, 2]);
      expect(state.versions[0].fields.map((f) => f.key)).toContain('notes');
      expect(state.versions[1].fields.map((f) => f.key)).not.toContain('notes');
    });

    it('adds nothing when the definition is the current one, and validates it like the first', () => {
      form([formDefined, versionPublished]).when(publishVersion(checklistV2)).thenNothingHappens();
      form([formDefined])
        .when(publishVersion({ ...checklistV2, fields: [field({ key: '9' })] }))
        .thenRefuses('FORM.INVALID_DEFINITION', { details: [{ field: 'fields[0].key' }] });
    });

    it('refuses a form that does not exist (404) or is retired', () => {
      form([]).when(publishVersion()).thenRefuses('FORM.NOT_FOUND');
      form([formDefined, formRetired]).when(publishVersion()).thenRefuses('FORM.RETIRED');
    });
  });

  describe('retiring', () => {
    it('retires once; again changes nothing; unknown is 404', () => {
      form([formDefined]).when(retireForm).then([formRetired]);
      form([formDefined, formRetired]).when(retireForm).thenNothingHappens();
      form([]).when(retireForm).thenRefuses('FORM.NOT_FOUND');
    });
  });
});
