import {
  FILLED_FORM_EVENT_TYPES,
  FILLED_FORM_STREAM_PREFIX,
  FilledFormEvent,
  FORM_EVENT_TYPES,
  FORM_STREAM_PREFIX,
  FormEvent,
  FormVersion,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { FilledFormRow, FormRow } from './form.entity';

type Recorded<E> = E extends { type: string; data: unknown }
  ? RecordedEvent<E['type'], E['data']>
  : never;
export type RecordedFormEvent = Recorded<FormEvent>;
export type RecordedFilledFormEvent = Recorded<FilledFormEvent>;

export const isRecordedFormEvent = (event: RecordedEvent): event is RecordedFormEvent =>
  (FORM_EVENT_TYPES as readonly string[]).includes(event.type) &&
  event.stream.startsWith(FORM_STREAM_PREFIX);

export const isRecordedFilledFormEvent = (event: RecordedEvent): event is RecordedFilledFormEvent =>
  (FILLED_FORM_EVENT_TYPES as readonly string[]).includes(event.type) &&
  event.stream.startsWith(FILLED_FORM_STREAM_PREFIX);

const versionOf = (data: FormVersion): FormVersion => ({
  version: data.version,
  name: data.name,
  description: data.description,
  fields: data.fields,
  publishedAt: data.publishedAt,
});

/** The form's row after one event of its stream. Pure. */
export function evolveFormRow(current: FormRow | null, event: RecordedFormEvent): FormRow | null {
  const version = Number(event.revision) + 1;
  switch (event.type) {
    case 'FormDefined': {
      const { formId, definedAt } = event.data;
      return {
        id: formId,
        name: event.data.name,
        status: 'active',
        currentVersion: 1,
        versions: [versionOf({ ...event.data, publishedAt: definedAt })],
        version,
        createdAt: definedAt,
        updatedAt: definedAt,
      };
    }
    case 'FormVersionPublished': {
      if (current === null) return null;
      const published = versionOf(event.data);
      return {
        ...current,
        name: published.name,
        currentVersion: published.version,
        versions: [...current.versions, published],
        version,
        updatedAt: published.publishedAt,
      };
    }
    case 'FormRetired':
      return current === null
        ? null
        : { ...current, status: 'retired', version, updatedAt: event.data.retiredAt };
  }
}

/** The filled form's row after one event of its stream. Pure. */
export function evolveFilledFormRow(
  current: FilledFormRow | null,
  event: RecordedFilledFormEvent,
): FilledFormRow | null {
  const version = Number(event.revision) + 1;
  switch (event.type) {
    case 'FormFilled': {
      const { filledFormId, customerId, formId, formVersion, formName, answers, filledAt } =
        event.data;
      return {
        id: filledFormId,
        customerId,
        formId,
        formVersion,
        formName,
        answers,
        erased: false,
        version,
        filledPosition: String(event.position),
        filledAt,
        updatedAt: filledAt,
      };
    }
    case 'FormAnswersEdited':
      return current === null
        ? null
        : {
            ...current,
            answers: current.erased ? {} : event.data.answers,
            version,
            updatedAt: event.data.editedAt,
          };
  }
}
