import { EXAMPLE_AT } from '../../customer/testing/customer.personal-data.examples';
import { PersonalDataExamples } from '../../shared/personal-data';
import { FilledFormEvent } from '../form.events';
import { FILLED_FORM_PERSONAL_FIELDS } from '../form.personal-data';

/**
 * The filled-form events that seal the customer's answers, each answer its own value; the
 * operators' own values start with `clear-` (the sealing spec's convention).
 */
export const FILLED_FORM_PERSONAL_DATA_EXAMPLES: PersonalDataExamples<
  FilledFormEvent,
  typeof FILLED_FORM_PERSONAL_FIELDS
> = {
  FormFilled: (customerId) => ({
    filledFormId: 'clear-filled-1',
    customerId,
    formId: 'clear-form-1',
    formVersion: 1,
    formName: 'clear-form-name',
    answers: { router_model: 'Router del salón de Ana', visits: 3, gate_code: ['Puerta 4B'] },
    filledAt: EXAMPLE_AT,
  }),
  FormAnswersEdited: (customerId) => ({
    filledFormId: 'clear-filled-1',
    customerId,
    formId: 'clear-form-1',
    formVersion: 1,
    formName: 'clear-form-name',
    answers: { router_model: 'Router del dormitorio de Ana' },
    changes: [
      {
        field: 'router_model',
        before: 'Router del salón de Ana',
        after: 'Router del dormitorio de Ana',
      },
    ],
    editedAt: EXAMPLE_AT,
  }),
};
