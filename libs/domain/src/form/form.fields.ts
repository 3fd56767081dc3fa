import { RefusalReason } from '../shared/domain-error';
import { inputChecks } from '../shared/input-checks';
import { FormRefusal } from './form.errors';

/** The kinds of question a form asks. */
export const FORM_FIELD_TYPES = [
  'text',
  'number',
  'date',
  'single_choice',
  'multiple_choice',
  'yes_no',
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

export const CHOICE_FIELD_TYPES: readonly FormFieldType[] = ['single_choice', 'multiple_choice'];

export const MAX_FORM_NAME_LENGTH = 100;
export const MAX_FORM_DESCRIPTION_LENGTH = 1000;
export const MAX_FORM_FIELDS = 50;
export const MAX_FIELD_LABEL_LENGTH = 200;
export const MAX_FIELD_OPTIONS = 50;
export const MAX_OPTION_LENGTH = 100;
/** A text answer's longest limit, and the limit when the field sets none. */
export const MAX_TEXT_ANSWER_LENGTH = 4000;
export const DEFAULT_TEXT_ANSWER_LENGTH = 1000;
/** Every number (answer, minimum, maximum) lies within ±this: far from float trouble. */
export const MAX_FORM_NUMBER = 1e12;
/** A key: lower-case letter, then lower-case letters, digits or `_`, at most 40 in all. */
export const FORM_FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
/** Keys that name an object's prototype machinery: refused, as the HTTP input guard refuses them. */
export const RESERVED_FORM_FIELD_KEYS: readonly string[] = ['constructor', 'prototype'];

/** One question of a form version. `options` only for choices; limits only for their type. */
export interface FormFieldDefinition {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  /** The choices, in the order shown (single and multiple choice only; else empty). */
  options: string[];
  /** Text only: the longest answer (default `DEFAULT_TEXT_ANSWER_LENGTH`). */
  maxLength: number | null;
  /** Number only: the bounds, inclusive, and whether decimals are refused. */
  min: number | null;
  max: number | null;
  integer: boolean;
}

/** What one version of a form is: its name, description and questions in order. */
export interface FormDefinition {
  name: string;
  description: string | null;
  fields: FormFieldDefinition[];
}

/** A definition as a client gives it: anything may be missing or wrong. */
export interface FormDefinitionInput {
  name?: unknown;
  description?: unknown;
  fields?: unknown;
}

const { invalid } = inputChecks(FormRefusal.invalidDefinition);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function text(
  value: unknown,
  field: string,
  max: number,
  problems: RefusalReason[],
  required: boolean,
): string | null {
  if (value !== null && value !== undefined && typeof value !== 'string') {
    problems.push(invalid(field, `${field} must be text.`));
    return null;
  }
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') {
    if (required) problems.push(invalid(field, `${field} may not be blank.`));
    return null;
  }
  if (trimmed.length > max)
    problems.push(invalid(field, `${field} is at most ${max} characters, got ${trimmed.length}.`));
  return trimmed;
}

const isFormNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_FORM_NUMBER;

function optionalNumber(value: unknown, field: string, problems: RefusalReason[]): number | null {
  if (value === undefined || value === null) return null;
  if (isFormNumber(value)) return value;
  problems.push(invalid(field, `${field} must be a number within ±${MAX_FORM_NUMBER}.`));
  return null;
}

function optionsOf(
  value: unknown,
  at: string,
  type: FormFieldType,
  problems: RefusalReason[],
): string[] {
  const isChoice = CHOICE_FIELD_TYPES.includes(type);
  if (!isChoice) {
    if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0))
      problems.push(invalid(`${at}.options`, `Only a choice field has options.`));
    return [];
  }
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(invalid(`${at}.options`, `A ${type} field needs at least one option.`));
    return [];
  }
  if (value.length > MAX_FIELD_OPTIONS) {
    problems.push(invalid(`${at}.options`, `A field has at most ${MAX_FIELD_OPTIONS} options.`));
    return [];
  }
  const seen = new Set<string>();
  const options: string[] = [];
  value.forEach((option, index) => {
    const where = `${at}.options[${index}]`;
    const label = text(option, where, MAX_OPTION_LENGTH, problems, true);
    if (label === null) return;
    const folded = label.toLocaleLowerCase('es');
    if (seen.has(folded)) problems.push(invalid(where, `Option "${label}" is listed twice.`));
    seen.add(folded);
    options.push(label);
  });
  return options;
}

function limitsOf(
  raw: Record<string, unknown>,
  at: string,
  type: FormFieldType,
  problems: RefusalReason[],
): Pick<FormFieldDefinition, 'maxLength' | 'min' | 'max' | 'integer'> {
  const misplaced = (key: string, owner: string) => {
    if (raw[key] !== undefined && raw[key] !== null && raw[key] !== false)
      problems.push(invalid(`${at}.${key}`, `Only a ${owner} field has ${key}.`));
  };
  if (type !== 'text') misplaced('maxLength', 'text');
  if (type !== 'number') for (const key of ['min', 'max', 'integer']) misplaced(key, 'number');
  let maxLength: number | null = null;
  if (type === 'text' && raw.maxLength !== undefined && raw.maxLength !== null) {
    const value = raw.maxLength;
    if (
      Number.isInteger(value) &&
      (value as number) >= 1 &&
      (value as number) <= MAX_TEXT_ANSWER_LENGTH
    )
      maxLength = value as number;
    else
      problems.push(
        invalid(
          `${at}.maxLength`,
          `maxLength must be a whole number, 1–${MAX_TEXT_ANSWER_LENGTH}.`,
        ),
      );
  }
  if (type !== 'number') return { maxLength, min: null, max: null, integer: false };
  const min = optionalNumber(raw.min, `${at}.min`, problems);
  const max = optionalNumber(raw.max, `${at}.max`, problems);
  if (min !== null && max !== null && min > max)
    problems.push(invalid(`${at}.max`, `max (${max}) is below min (${min}).`));
  if (raw.integer !== undefined && raw.integer !== null && typeof raw.integer !== 'boolean')
    problems.push(invalid(`${at}.integer`, `integer must be true or false.`));
  return { maxLength: null, min, max, integer: raw.integer === true };
}

function fieldOf(
  raw: unknown,
  index: number,
  keys: Set<string>,
  problems: RefusalReason[],
): FormFieldDefinition | null {
  const at = `fields[${index}]`;
  if (!isRecord(raw)) {
    problems.push(invalid(at, `Each field is an object with key, label and type.`));
    return null;
  }
  const { key, type, required } = raw;
  if (typeof key !== 'string' || !FORM_FIELD_KEY_PATTERN.test(key))
    problems.push(
      invalid(`${at}.key`, `key must be a lower-case letter then letters, digits or _ (≤ 40).`),
    );
  else if (RESERVED_FORM_FIELD_KEYS.includes(key))
    problems.push(invalid(`${at}.key`, `"${key}" is reserved; choose another key.`));
  else if (keys.has(key)) problems.push(invalid(`${at}.key`, `Key "${key}" is used twice.`));
  else keys.add(key);
  const label = text(raw.label, `${at}.label`, MAX_FIELD_LABEL_LENGTH, problems, true);
  if (!(FORM_FIELD_TYPES as readonly unknown[]).includes(type)) {
    problems.push(invalid(`${at}.type`, `type must be one of ${FORM_FIELD_TYPES.join(', ')}.`));
    return null;
  }
  if (required !== undefined && typeof required !== 'boolean')
    problems.push(invalid(`${at}.required`, `required must be true or false.`));
  const fieldType = type as FormFieldType;
  return {
    key: typeof key === 'string' ? key : '',
    label: label ?? '',
    type: fieldType,
    required: required === true,
    options: optionsOf(raw.options, at, fieldType, problems),
    ...limitsOf(raw, at, fieldType, problems),
  };
}

/** The checks on a form's definition, every problem listed; the values normalised. */
export function formDefinitionOf(
  input: FormDefinitionInput,
  problems: RefusalReason[],
): FormDefinition {
  const name = text(input.name, 'name', MAX_FORM_NAME_LENGTH, problems, true);
  const description = text(
    input.description,
    'description',
    MAX_FORM_DESCRIPTION_LENGTH,
    problems,
    false,
  );
  const fields: FormFieldDefinition[] = [];
  if (!Array.isArray(input.fields) || input.fields.length === 0)
    problems.push(invalid('fields', 'A form asks at least one question.'));
  else if (input.fields.length > MAX_FORM_FIELDS)
    problems.push(invalid('fields', `A form has at most ${MAX_FORM_FIELDS} fields.`));
  else {
    const keys = new Set<string>();
    input.fields.forEach((raw, index) => {
      const field = fieldOf(raw, index, keys, problems);
      if (field) fields.push(field);
    });
  }
  return { name: name ?? '', description, fields };
}

/** Whether two definitions ask the same (a version identical to the current adds nothing). */
export const sameDefinition = (a: FormDefinition, b: FormDefinition): boolean =>
  JSON.stringify(a) === JSON.stringify(b);
