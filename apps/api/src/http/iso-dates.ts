import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import { isCalendarDay, isInstant, isYearMonth, MAX_YEAR, MIN_YEAR } from '@app/application';

/** class-validator rules over the calendar values the application layer defines. */
const YEARS = `years ${MIN_YEAR}–${MAX_YEAR}`;

function dateRule(
  name: string,
  test: (value: unknown) => boolean,
  shape: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: test,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} must be ${shape} (${YEARS})`,
      },
    },
    options,
  );
}

export const IsCalendarDay = (options?: ValidationOptions) =>
  dateRule('isCalendarDay', isCalendarDay, 'a calendar day that exists, YYYY-MM-DD', options);

export const IsYearMonth = (options?: ValidationOptions) =>
  dateRule('isYearMonth', isYearMonth, 'a month YYYY-MM with MM 01–12', options);

export const IsInstant = (options?: ValidationOptions) =>
  dateRule(
    'isInstant',
    isInstant,
    'an ISO-8601 date YYYY-MM-DD or date-time YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM] that exists',
    options,
  );
