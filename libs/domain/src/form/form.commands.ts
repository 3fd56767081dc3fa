import type { CustomerStatus } from '../customer/customer.state';
import { DomainCommand } from '../shared/decider';
import { FormDefinitionInput } from './form.fields';
import { FormState, FormVersion } from './form.state';

export type DefineForm = DomainCommand<'DefineForm', FormDefinitionInput & { formId: string }>;
/** The whole new definition: it becomes the next version. */
export type PublishFormVersion = DomainCommand<
  'PublishFormVersion',
  FormDefinitionInput & { formId: string }
>;
export type RetireForm = DomainCommand<'RetireForm', { formId: string }>;

export type FormCommand = DefineForm | PublishFormVersion | RetireForm;

/** The customer a fill is about, as its own stream says when the command is handled. */
export interface FormCustomerFact {
  status: CustomerStatus;
}

/**
 * A form filled for a customer: the form as its stream stands (`form`), the version asked
 * for (`version`; none: the current one) and the answers as the client gave them.
 */
export type FillForm = DomainCommand<
  'FillForm',
  {
    filledFormId: string;
    customerId: string;
    customer: FormCustomerFact;
    formId: string;
    form: FormState;
    version?: number | null;
    answers: Readonly<Record<string, unknown>>;
  }
>;

/**
 * Answers changed on a filled form (`null` clears one), checked against the version it was
 * filled with (`filledWith`, read from the form's stream; `null` if it cannot be found).
 */
export type EditFormAnswers = DomainCommand<
  'EditFormAnswers',
  {
    filledFormId: string;
    customerId: string;
    customer: FormCustomerFact;
    filledWith: FormVersion | null;
    answers: Readonly<Record<string, unknown>>;
  }
>;

export type FilledFormCommand = FillForm | EditFormAnswers;
