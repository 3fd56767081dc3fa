import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import {
  FORM_FIELD_KEY_PATTERN,
  MAX_FIELD_OPTIONS,
  MAX_FORM_FIELDS,
  MAX_FORM_NUMBER,
  MAX_OPTION_LENGTH,
  MAX_TEXT_ANSWER_LENGTH,
} from '@app/domain';

/**
 * The shape every answer has whatever the form asks (the HTTP layer's 400): an object of at
 * most `MAX_FORM_FIELDS` keys shaped like field keys, each value text (≤ 4000), a finite number
 * within ±1e12, true/false, null, or a list of at most 50 short texts. Whether an answer fits
 * its question (a real day, one of the options, required…) is the form version's rule (422).
 */
export function answersShapeProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return 'answers must be an object of answers by field key';
  const entries = Object.entries(value);
  if (entries.length > MAX_FORM_FIELDS) return `answers has at most ${MAX_FORM_FIELDS} keys`;
  for (const [key, answer] of entries) {
    const at = `answers.${key}`;
    if (!FORM_FIELD_KEY_PATTERN.test(key)) return `${at}: not a field key`;
    if (answer === null || typeof answer === 'boolean') continue;
    if (typeof answer === 'number') {
      if (!Number.isFinite(answer) || Math.abs(answer) > MAX_FORM_NUMBER)
        return `${at} must be a finite number within ±${MAX_FORM_NUMBER}`;
      continue;
    }
    if (typeof answer === 'string') {
      if (answer.length > MAX_TEXT_ANSWER_LENGTH)
        return `${at} is at most ${MAX_TEXT_ANSWER_LENGTH} characters`;
      continue;
    }
    if (Array.isArray(answer)) {
      if (
        answer.length > MAX_FIELD_OPTIONS ||
        answer.some((item) => typeof item !== 'string' || item.length > MAX_OPTION_LENGTH)
      )
        return `${at} must be a list of at most ${MAX_FIELD_OPTIONS} options`;
      continue;
    }
    return `${at} must be text, a number, true/false, null or a list of options`;
  }
  return undefined;
}

export const IsFormAnswers = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isFormAnswers',
      validator: {
        validate: (value: unknown) => answersShapeProblem(value) === undefined,
        defaultMessage: (args?: ValidationArguments) =>
          answersShapeProblem(args?.value) ?? 'answers is not valid',
      },
    },
    options,
  );
