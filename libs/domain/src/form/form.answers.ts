import { RefusalReason } from '../shared/domain-error';
import { inputChecks } from '../shared/input-checks';
import { isCalendarDate } from '../shared/iso-dates';
import { FormRefusal } from './form.errors';
import { DEFAULT_TEXT_ANSWER_LENGTH, FormFieldDefinition, MAX_FORM_NUMBER } from './form.fields';

/**
 * One answer as stored: text, a number, a day `YYYY-MM-DD`, a chosen option, the chosen
 * options (in the order the version lists them), or yes/no.
 */
export type FormAnswerValue = string | number | boolean | string[];

/** The answers of a filled form by field key; a question left unanswered has no key. */
export type FormAnswers = Record<string, FormAnswerValue>;

const { invalid } = inputChecks(FormRefusal.invalidAnswers);

const at = (key: string) => `answers.${key}`;

const isBlank = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** One answer checked against its field; `undefined` when refused (the problem pushed). */
function answerOf(
  field: FormFieldDefinition,
  value: unknown,
  problems: RefusalReason[],
): FormAnswerValue | undefined {
  const where = at(field.key);
  const refuse = (message: string) => {
    problems.push(invalid(where, `${field.label}: ${message}`));
    return undefined;
  };
  switch (field.type) {
    case 'text': {
      if (typeof value !== 'string') return refuse('must be text.');
      const text = value.trim();
      const max = field.maxLength ?? DEFAULT_TEXT_ANSWER_LENGTH;
      if (text.length > max) return refuse(`at most ${max} characters, got ${text.length}.`);
      return text;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return refuse('must be a finite number.');
      if (Math.abs(value) > MAX_FORM_NUMBER) return refuse(`must lie within ±${MAX_FORM_NUMBER}.`);
      if (field.integer && !Number.isInteger(value)) return refuse('must be a whole number.');
      if (field.min !== null && value < field.min) return refuse(`must be at least ${field.min}.`);
      if (field.max !== null && value > field.max) return refuse(`must be at most ${field.max}.`);
      return value;
    }
    case 'date':
      return isCalendarDate(value) ? value : refuse('must be a day that exists, YYYY-MM-DD.');
    case 'yes_no':
      return typeof value === 'boolean' ? value : refuse('must be true (yes) or false (no).');
    case 'single_choice':
      return typeof value === 'string' && field.options.includes(value)
        ? value
        : refuse(`must be one of: ${field.options.join(', ')}.`);
    case 'multiple_choice': {
      if (!Array.isArray(value) || value.some((option) => typeof option !== 'string'))
        return refuse('must be a list of options.');
      const unknown = value.filter((option) => !field.options.includes(option as string));
      if (unknown.length > 0)
        return refuse(
          `not an option: ${unknown.join(', ')}; choose among ${field.options.join(', ')}.`,
        );
      if (new Set(value).size !== value.length) return refuse('an option is chosen twice.');
      return field.options.filter((option) => value.includes(option));
    }
  }
}

/**
 * The answers checked against the fields of ONE form version, every problem listed with its
 * field (`answers.<key>`): a required question unanswered, an answer of the wrong kind or out
 * of its limits, a key the version does not ask. Blank text, `null` and an empty list are no
 * answer. Answers the normalised answers (text trimmed, options in the version's order).
 */
export function validateAnswers(
  fields: readonly FormFieldDefinition[],
  input: Readonly<Record<string, unknown>>,
  problems: RefusalReason[],
): FormAnswers {
  const answers: FormAnswers = {};
  const known = new Set(fields.map((field) => field.key));
  for (const key of Object.keys(input))
    if (!known.has(key))
      problems.push(invalid(at(key), `This form version asks no question "${key}".`));
  for (const field of fields) {
    const value = Object.hasOwn(input, field.key) ? input[field.key] : undefined;
    if (isBlank(value)) {
      if (field.required) problems.push(invalid(at(field.key), `${field.label}: required.`));
      continue;
    }
    const answer = answerOf(field, value, problems);
    if (answer !== undefined) answers[field.key] = answer;
  }
  return answers;
}

/** The stored answers with a patch laid over them: a key given `null` is cleared. */
export function patchedAnswers(
  answers: FormAnswers,
  patch: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...answers };
  for (const [key, value] of Object.entries(patch)) merged[key] = value;
  return merged;
}
