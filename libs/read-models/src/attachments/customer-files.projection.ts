import { ATTACHMENT_EVENT_TYPES, AttachmentEvent, CustomerEventType } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';

const ERASURE: CustomerEventType = 'CustomerPersonalDataErased';

/**
 * The customer's attachments and image, one row each. Idempotent: an attachment is inserted
 * once (a replayed event changes nothing), a removal or an erasure deletes. An erased
 * customer's rows go (its blobs are deleted by `CustomerFilesErasure`).
 */
export const customerFilesProjection = (): Projection => ({
  name: 'customer-files',
  handles: [...ATTACHMENT_EVENT_TYPES, ERASURE],
  tables: ['customer_attachments', 'customer_images'],
  async applyBatch(events, manager) {
    for (const event of events) await apply(event, manager);
  },
});

async function apply(recorded: RecordedEvent, manager: EntityManager): Promise<void> {
  if (recorded.type === ERASURE) {
    const { customerId } = recorded.data as { customerId: string };
    await manager.query('DELETE FROM customer_attachments WHERE customer_id = $1', [customerId]);
    await manager.query('DELETE FROM customer_images WHERE customer_id = $1', [customerId]);
    return;
  }
  const event = { type: recorded.type, data: recorded.data } as AttachmentEvent;
  switch (event.type) {
    case 'AttachmentAdded': {
      const { data } = event;
      await manager.query(
        `INSERT INTO customer_attachments (id, customer_id, file_name, content_type, size, sha256,
           description, email_subject, email_from, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING`,
        [
          data.attachmentId,
          data.customerId,
          data.fileName,
          data.contentType,
          data.size,
          data.sha256,
          data.description,
          data.email?.subject ?? null,
          data.email?.from ?? null,
          data.uploadedBy,
          data.uploadedAt,
        ],
      );
      return;
    }
    case 'AttachmentRemoved':
      await manager.query('DELETE FROM customer_attachments WHERE id = $1', [
        event.data.attachmentId,
      ]);
      return;
    case 'CustomerImageChanged': {
      const { customerId, image, thumbnail, changedAt } = event.data;
      await manager.query(
        `INSERT INTO customer_images (customer_id, sha256, content_type, size, width, height,
           thumbnail_sha256, thumbnail_content_type, thumbnail_size, thumbnail_width,
           thumbnail_height, changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (customer_id) DO UPDATE SET sha256 = EXCLUDED.sha256,
           content_type = EXCLUDED.content_type, size = EXCLUDED.size, width = EXCLUDED.width,
           height = EXCLUDED.height, thumbnail_sha256 = EXCLUDED.thumbnail_sha256,
           thumbnail_content_type = EXCLUDED.thumbnail_content_type,
           thumbnail_size = EXCLUDED.thumbnail_size, thumbnail_width = EXCLUDED.thumbnail_width,
           thumbnail_height = EXCLUDED.thumbnail_height, changed_at = EXCLUDED.changed_at`,
        [
          customerId,
          image.sha256,
          image.contentType,
          image.size,
          image.width,
          image.height,
          thumbnail.sha256,
          thumbnail.contentType,
          thumbnail.size,
          thumbnail.width,
          thumbnail.height,
          changedAt,
        ],
      );
      return;
    }
  }
}
