import { DomainError } from '../shared/domain-error';

/** Refusals of the customer's files. A code ending in NOT_FOUND answers 404, the others 422. */
export const AttachmentRefusal = {
  invalidInput: 'ATTACHMENT.INVALID_INPUT',
  notFound: 'ATTACHMENT.NOT_FOUND',
  alreadyAdded: 'ATTACHMENT.ALREADY_ADDED',
} as const;

export type AttachmentRefusal = (typeof AttachmentRefusal)[keyof typeof AttachmentRefusal];

export const attachmentNotFound = (attachmentId: string) =>
  new DomainError(
    AttachmentRefusal.notFound,
    `Attachment ${attachmentId} is not on this customer's file.`,
  );
