import { assertNever, FILLED_FORM_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { HistoryChange } from '../customers/customer-history.entity';
import { HistoryEntry, HistorySource } from '../customers/history-entry';
import { isRecordedFilledFormEvent, RecordedFilledFormEvent } from './form.evolve';

/**
 * A filled form's line on its customer's history tab (rule R13). The answers stay out of the
 * line: they are the customer's personal data (sealed in the log, emptied in the forms tab on
 * erasure) while these lines are kept; the line names the form, its version and the questions
 * an edit changed.
 */
export function filledFormHistoryEntryFor(event: RecordedEvent): HistoryEntry | null {
  if (!isRecordedFilledFormEvent(event)) return null;
  const { summary, changes } = describe(event);
  return { customerId: event.data.customerId, summary, changes, bulkOperationId: null };
}

export const filledFormHistorySource: HistorySource = {
  handles: FILLED_FORM_EVENT_TYPES,
  historyEntryFor: filledFormHistoryEntryFor,
};

function describe(event: RecordedFilledFormEvent): { summary: string; changes: HistoryChange[] } {
  const { filledFormId, formId, formVersion, formName } = event.data;
  const form = { filledFormId, formId, formVersion };
  switch (event.type) {
    case 'FormFilled':
      return {
        summary: `Form filled: ${formName} (version ${formVersion})`,
        changes: [{ field: 'forms', before: null, after: form }],
      };
    case 'FormAnswersEdited': {
      const questions = event.data.changes.map((change) => change.field);
      return {
        summary:
          questions.length > 0
            ? `Form answers edited: ${formName}: ${questions.join(', ')}`
            : `Form answers edited: ${formName}`,
        changes: [{ field: 'forms', before: null, after: { ...form, questions } }],
      };
    }
    default:
      return assertNever(event, 'filled form event');
  }
}
