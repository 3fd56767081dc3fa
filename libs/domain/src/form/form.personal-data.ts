import { NO_PERSONAL_DATA, PersonalDataMap } from '../shared/personal-data';
import { FilledFormEvent, FormEvent } from './form.events';

/** A form's definition is the operators' own: names, labels, options. */
export const FORM_PERSONAL_FIELDS = {
  FormDefined: NO_PERSONAL_DATA,
  FormVersionPublished: NO_PERSONAL_DATA,
  FormRetired: NO_PERSONAL_DATA,
} satisfies PersonalDataMap<FormEvent>;

/**
 * The answers are the customer's personal data, sealed under the customer's key: erasing the
 * customer leaves no answers (`{}`) and no changes (`[]`). Kept in clear: the ids, the form's
 * name and version, the dates.
 */
export const FILLED_FORM_PERSONAL_FIELDS = {
  FormFilled: { paths: { answers: {} } },
  FormAnswersEdited: { paths: { answers: {}, changes: [] } },
} satisfies PersonalDataMap<FilledFormEvent>;
