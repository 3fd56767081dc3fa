import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * The property may only be given when `other` is not: for bodies that take one of two
 * alternatives (a credit note's `amountCents` or its `lines`), both is an error, not a
 * silent choice of one.
 */
export function IsAbsentWith(other: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAbsentWith',
      constraints: [other],
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          value === undefined ||
          (args?.object as Record<string, unknown> | undefined)?.[other] === undefined,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} may not be given with ${other}`,
      },
    },
    options,
  );
}
