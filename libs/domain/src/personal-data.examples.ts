import { PersonalDataExamples } from './shared/personal-data';
import { AnyDomainEvent, PERSONAL_DATA } from './personal-data';
import { CUSTOMER_PERSONAL_DATA_EXAMPLES } from './customer/testing/customer.personal-data.examples';
import { TICKET_PERSONAL_DATA_EXAMPLES } from './ticket/testing/ticket.personal-data.examples';
import { ESTIMATE_PERSONAL_DATA_EXAMPLES } from './estimate/testing/estimate.personal-data.examples';
import { TASK_PERSONAL_DATA_EXAMPLES } from './task/testing/task.personal-data.examples';
import { FILLED_FORM_PERSONAL_DATA_EXAMPLES } from './form/testing/form.personal-data.examples';
import { SEND_PERSONAL_DATA_EXAMPLES } from './send/testing/send.personal-data.examples';
import { ATTACHMENT_PERSONAL_DATA_EXAMPLES } from './attachment/testing/attachment.personal-data.examples';

export { EXAMPLE_AT } from './customer/testing/customer.personal-data.examples';

/**
 * An example of every event type in the log that seals personal data, for the sealing spec.
 * Exhaustive by type: an event type declaring personal fields in `PERSONAL_DATA` without an
 * example in its aggregate's `testing/*.personal-data.examples.ts` does not compile.
 */
export const PERSONAL_DATA_EXAMPLES: PersonalDataExamples<AnyDomainEvent, typeof PERSONAL_DATA> = {
  ...CUSTOMER_PERSONAL_DATA_EXAMPLES,
  ...TICKET_PERSONAL_DATA_EXAMPLES,
  ...ESTIMATE_PERSONAL_DATA_EXAMPLES,
  ...TASK_PERSONAL_DATA_EXAMPLES,
  ...FILLED_FORM_PERSONAL_DATA_EXAMPLES,
  ...SEND_PERSONAL_DATA_EXAMPLES,
  ...ATTACHMENT_PERSONAL_DATA_EXAMPLES,
};
