import { BadRequestException } from '@nestjs/common';
import { FieldProblem, requestValidationPipe } from '../http/validation.pipe';

const validation = requestValidationPipe();

/** A form checked as the API checks a body: either the DTO it becomes, or its problems. */
export type CheckedForm<Body> = { body: Body; problems: null } | { body: null; problems: string };

/**
 * A form run through the API's own validation pipe and the endpoint's DTO (the same rules,
 * options and transformation as a JSON body): the DTO, or each field's problems as one line.
 */
export async function checkForm<Body extends object>(
  dto: new () => Body,
  form: Record<string, unknown>,
  type: 'body' | 'query' = 'body',
): Promise<CheckedForm<Body>> {
  try {
    const body = (await validation.transform(form, { type, metatype: dto })) as Body;
    return { body, problems: null };
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    const { details } = error.getResponse() as { details?: FieldProblem[] };
    const problems = (details ?? [])
      .map(({ field, problems: listed }) => `${field}: ${listed.join(', ')}`)
      .join('; ');
    return { body: null, problems: problems || error.message };
  }
}

/** A form field as typed: its text, or empty when the form did not send one as text. */
export const formText = (value: unknown): string => (typeof value === 'string' ? value : '');
