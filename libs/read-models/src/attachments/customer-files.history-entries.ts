import { ATTACHMENT_EVENT_TYPES, AttachmentEvent, assertNever } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { HistoryChange } from '../customers/customer-history.entity';
import { HistoryEntry, HistorySource } from '../customers/history-entry';

const TYPES = new Set<string>(ATTACHMENT_EVENT_TYPES);

/**
 * A file event's line on the customer's history tab (rule R13), under `attachments` or
 * `image`: ids, type, size and who — never the file name, description or an e-mail's subject
 * (the customer's personal data, sealed in the log), so an erasure has nothing to rewrite.
 */
export function customerFilesHistoryEntryFor(recorded: RecordedEvent): HistoryEntry | null {
  if (!TYPES.has(recorded.type)) return null;
  const event = { type: recorded.type, data: recorded.data } as AttachmentEvent;
  const { summary, changes } = describe(event);
  return { customerId: event.data.customerId, summary, changes, bulkOperationId: null };
}

export const customerFilesHistorySource: HistorySource = {
  handles: ATTACHMENT_EVENT_TYPES,
  historyEntryFor: customerFilesHistoryEntryFor,
};

function describe(event: AttachmentEvent): { summary: string; changes: HistoryChange[] } {
  switch (event.type) {
    case 'AttachmentAdded': {
      const { attachmentId, contentType, size, uploadedBy } = event.data;
      return {
        summary: `File attached (${contentType}, ${size} bytes) by ${uploadedBy}`,
        changes: [
          { field: 'attachments', before: null, after: { attachmentId, contentType, size } },
        ],
      };
    }
    case 'AttachmentRemoved': {
      const { attachmentId, removedBy } = event.data;
      return {
        summary: `File removed by ${removedBy}`,
        changes: [{ field: 'attachments', before: { attachmentId }, after: null }],
      };
    }
    case 'CustomerImageChanged': {
      const { image, previous, changedBy } = event.data;
      const after = { contentType: image.contentType, width: image.width, height: image.height };
      return {
        summary: `${previous === null ? 'Image set' : 'Image replaced'} by ${changedBy}`,
        changes: [{ field: 'image', before: previous === null ? null : {}, after }],
      };
    }
    default:
      return assertNever(event, 'attachment event');
  }
}
