import { DomainEvent } from '../shared/decider';
import { FormAnswers, FormAnswerValue } from './form.answers';
import { FormDefinition } from './form.fields';

/** A form defined by the operators: its version 1. */
export type FormDefined = DomainEvent<
  'FormDefined',
  FormDefinition & { formId: string; version: 1; definedAt: string }
>;

/** A new version of the form: new fills use it; answers given under older ones keep theirs. */
export type FormVersionPublished = DomainEvent<
  'FormVersionPublished',
  FormDefinition & { formId: string; version: number; publishedAt: string }
>;

/** The form takes no new fills and no new versions; what was filled stays. */
export type FormRetired = DomainEvent<'FormRetired', { formId: string; retiredAt: string }>;

export type FormEvent = FormDefined | FormVersionPublished | FormRetired;
export type FormEventType = FormEvent['type'];

export const FORM_EVENT_TYPE_SET: Record<FormEventType, true> = {
  FormDefined: true,
  FormVersionPublished: true,
  FormRetired: true,
};
export const FORM_EVENT_TYPES = Object.keys(FORM_EVENT_TYPE_SET) as FormEventType[];

/**
 * A form filled for a customer with one version of it (`formVersion`); `formName` is the
 * version's name then (for the history tab). `answers` are the customer's personal data.
 */
export type FormFilled = DomainEvent<
  'FormFilled',
  {
    filledFormId: string;
    customerId: string;
    formId: string;
    formVersion: number;
    formName: string;
    answers: FormAnswers;
    filledAt: string;
  }
>;

/** One answer changed: the field's key, its answer before and after (`null`: none). */
export interface FormAnswerChange {
  field: string;
  before: FormAnswerValue | null;
  after: FormAnswerValue | null;
}

/** Answers edited, still under the version they were filled with: all of them after, and each change. */
export type FormAnswersEdited = DomainEvent<
  'FormAnswersEdited',
  {
    filledFormId: string;
    customerId: string;
    formId: string;
    formVersion: number;
    formName: string;
    answers: FormAnswers;
    changes: FormAnswerChange[];
    editedAt: string;
  }
>;

export type FilledFormEvent = FormFilled | FormAnswersEdited;
export type FilledFormEventType = FilledFormEvent['type'];

export const FILLED_FORM_EVENT_TYPE_SET: Record<FilledFormEventType, true> = {
  FormFilled: true,
  FormAnswersEdited: true,
};
export const FILLED_FORM_EVENT_TYPES = Object.keys(
  FILLED_FORM_EVENT_TYPE_SET,
) as FilledFormEventType[];
