/** The one place that names the streams of forms and of filled forms. */
export const FORM_STREAM_PREFIX = 'form-';
export const FILLED_FORM_STREAM_PREFIX = 'filled-form-';

export const formStream = (formId: string): string => FORM_STREAM_PREFIX + formId;
export const filledFormStream = (filledFormId: string): string =>
  FILLED_FORM_STREAM_PREFIX + filledFormId;
