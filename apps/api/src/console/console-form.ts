import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

/**
 * A form checked by the API's own request DTO (the same class-validator rules): the problems
 * as one sentence, or null when the form is valid.
 */
export async function formProblems(
  dto: new () => object,
  form: Record<string, unknown>,
): Promise<string | null> {
  const errors = await validate(plainToInstance(dto, form), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  if (errors.length === 0) return null;
  return errors
    .map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join(', ')}`)
    .join('; ');
}
