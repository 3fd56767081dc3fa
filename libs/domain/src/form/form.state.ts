import { FormAnswers } from './form.answers';
import { FormDefinition } from './form.fields';

/** One published version of a form, never changed once published. */
export interface FormVersion extends FormDefinition {
  version: number;
  publishedAt: string;
}

export interface FormRecord {
  formId: string;
  status: 'active' | 'retired';
  /** Every version, oldest first: `versions[n - 1]` is version n. */
  versions: FormVersion[];
}

export type FormState = { status: 'none' } | FormRecord;

export const INITIAL_FORM_STATE: FormState = { status: 'none' };

export const isDefinedForm = (state: FormState): state is FormRecord => state.status !== 'none';

/** The version new fills use: the newest. */
export const currentFormVersion = (form: FormRecord): FormVersion =>
  form.versions[form.versions.length - 1];

/** Version `n` of the form, or `null` if it never had one. */
export const formVersionOf = (form: FormRecord, n: number): FormVersion | null =>
  Number.isInteger(n) && n >= 1 ? (form.versions[n - 1] ?? null) : null;

export interface FilledFormRecord {
  status: 'filled';
  filledFormId: string;
  customerId: string;
  formId: string;
  formVersion: number;
  formName: string;
  answers: FormAnswers;
}

export type FilledFormState = { status: 'none' } | FilledFormRecord;

export const INITIAL_FILLED_FORM_STATE: FilledFormState = { status: 'none' };
