import { DomainEvent } from '../shared/decider';

/*
 * A customer's files (seed 003, "Archivos") and image (seed 004) on the customer's own files
 * stream. The bytes are never in the log: each event names its blob by SHA-256 (kept in clear,
 * so the erasure can find the customer's blobs once the key is destroyed). File names,
 * descriptions and an e-mail's subject and sender are the customer's personal data.
 */

/** What an attached e-mail (`message/rfc822`) shows in the list. */
export interface AttachedEmail {
  subject: string | null;
  from: string | null;
}

/** A file attached to the customer file. */
export type AttachmentAdded = DomainEvent<
  'AttachmentAdded',
  {
    attachmentId: string;
    customerId: string;
    fileName: string;
    contentType: string;
    size: number;
    sha256: string;
    description: string | null;
    /** Subject and sender of an attached e-mail (`.eml`); `null` for any other file. */
    email: AttachedEmail | null;
    uploadedBy: string;
    uploadedAt: string;
  }
>;

/** An attachment taken off the customer file (its blob goes once no attachment names it). */
export type AttachmentRemoved = DomainEvent<
  'AttachmentRemoved',
  {
    attachmentId: string;
    customerId: string;
    sha256: string;
    removedBy: string;
    removedAt: string;
  }
>;

/** One stored picture: its blob, type, size and pixel dimensions. */
export interface StoredImage {
  sha256: string;
  contentType: string;
  size: number;
  width: number;
  height: number;
}

/** The customer's image (seed 004) set or replaced: the original and its thumbnail. */
export type CustomerImageChanged = DomainEvent<
  'CustomerImageChanged',
  {
    customerId: string;
    image: StoredImage;
    thumbnail: StoredImage;
    /** The image replaced, if any (its blobs go once nothing else names them). */
    previous: { sha256: string; thumbnailSha256: string } | null;
    changedBy: string;
    changedAt: string;
  }
>;

export type AttachmentEvent = AttachmentAdded | AttachmentRemoved | CustomerImageChanged;
export type AttachmentEventType = AttachmentEvent['type'];

export const ATTACHMENT_EVENT_TYPE_SET: Record<AttachmentEventType, true> = {
  AttachmentAdded: true,
  AttachmentRemoved: true,
  CustomerImageChanged: true,
};
export const ATTACHMENT_EVENT_TYPES = Object.keys(
  ATTACHMENT_EVENT_TYPE_SET,
) as AttachmentEventType[];
