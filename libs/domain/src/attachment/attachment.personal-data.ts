import { ERASED } from '../customer/customer.erasure';
import { NO_PERSONAL_DATA, PersonalDataMap } from '../shared/personal-data';
import { AttachmentEvent } from './attachment.events';

/**
 * A file's name, its description and an attached e-mail's subject and sender may name the
 * customer: sealed under the customer's key, `[erased]`/`null` once erased (the blobs
 * themselves are deleted by the erasure process, docs/attachments.md). Kept in clear: ids,
 * content types, sizes, SHA-256 (so the erasure finds the blobs), operators, dates.
 */
export const ATTACHMENT_PERSONAL_FIELDS = {
  AttachmentAdded: { paths: { fileName: ERASED, description: null, email: null } },
  AttachmentRemoved: NO_PERSONAL_DATA,
  CustomerImageChanged: NO_PERSONAL_DATA,
} satisfies PersonalDataMap<AttachmentEvent>;
