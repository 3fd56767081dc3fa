import fc from 'fast-check';
import { RefusalReason } from '../shared/domain-error';
import { validateAnswers } from './form.answers';
import { FORM_FIELD_TYPES, formDefinitionOf, FormFieldDefinition } from './form.fields';

const option = fc.constantFrom('Verde', 'Rojo', 'Apagado', 'Salón', 'Cocina');
const rawField = fc.record({
  key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  label: fc.constantFrom('Uno', 'Dos'),
  type: fc.constantFrom(...FORM_FIELD_TYPES),
  required: fc.boolean(),
  options: fc.uniqueArray(option, { minLength: 1, maxLength: 4 }),
  min: fc.constantFrom(undefined, -10, 0),
  max: fc.constantFrom(undefined, 10, 1000),
  integer: fc.boolean(),
});

/** Valid field lists: the definition checks normalise and keep only what applies to each type. */
const fieldsArb = fc
  .uniqueArray(rawField, { minLength: 1, maxLength: 6, selector: (f) => f.key })
  .map((raw) => {
    const problems: RefusalReason[] = [];
    const shaped = raw.map(({ options, min, max, integer, ...rest }) => ({
      ...rest,
      ...(rest.type.endsWith('choice') ? { options } : {}),
      ...(rest.type === 'number' ? { min, max, integer } : {}),
    }));
    const { fields } = formDefinitionOf({ name: 'F', fields: shaped }, problems);
    expect(problems).toEqual([]);
    return fields;
  });

/** A value that fits the field. */
function fitting(field: FormFieldDefinition): fc.Arbitrary<unknown> {
  switch (field.type) {
    case 'text':
      return fc.string({ minLength: 1, maxLength: 50 }).filter((s) => s.trim() !== '');
    case 'number': {
      const min = field.min ?? -1e6;
      const max = field.max ?? 1e6;
      return field.integer
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true });
    }
    case 'date':
      return fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'yes_no':
      return fc.boolean();
    case 'single_choice':
      return fc.constantFrom(...field.options);
    case 'multiple_choice':
      return fc.subarray(field.options, { minLength: 1 });
  }
}

const answersFitting = (fields: FormFieldDefinition[]) =>
  fc
    .tuple(...fields.map((field) => fc.option(fitting(field), { nil: undefined })))
    .map((values) =>
      Object.fromEntries(
        fields.flatMap((field, index) =>
          values[index] === undefined ? [] : [[field.key, values[index]]],
        ),
      ),
    );

const anyJson = fc.oneof(
  fc.string(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.constantFrom('2026-02-30', Number.MAX_VALUE, -0, '\u0000', [1, 2]),
);

describe('The answer validator (property)', () => {
  it('accepts answers that fit their version once every required question is answered, and is idempotent on what it keeps', () => {
    fc.assert(
      fc.property(
        fieldsArb.chain((fields) => fc.tuple(fc.constant(fields), answersFitting(fields))),
        ([fields, answers]) => {
          const problems: RefusalReason[] = [];
          const kept = validateAnswers(fields, answers, problems);
          const missing = fields.filter((f) => f.required && !(f.key in answers));
          expect(problems.map((p) => p.field)).toEqual(missing.map((f) => `answers.${f.key}`));
          const again: RefusalReason[] = [];
          expect(validateAnswers(fields, kept, again)).toEqual(kept);
          expect(again).toEqual(problems);
        },
      ),
    );
  });

  it('never throws on any input; keeps only known keys; names every unknown key', () => {
    fc.assert(
      fc.property(
        fieldsArb,
        fc.dictionary(fc.constantFrom('a', 'b', 'c', 'x', 'zz'), anyJson),
        (fields, answers) => {
          const problems: RefusalReason[] = [];
          const kept = validateAnswers(fields, answers, problems);
          const known = new Set(fields.map((f) => f.key));
          for (const key of Object.keys(kept)) expect(known.has(key)).toBe(true);
          for (const key of Object.keys(answers).filter((k) => !known.has(k)))
            expect(problems.map((p) => p.field)).toContain(`answers.${key}`);
          for (const value of Object.values(kept))
            if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
        },
      ),
    );
  });
});
