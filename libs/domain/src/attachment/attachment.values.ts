/** Longest file name and description kept (a file system's name limit, a paragraph). */
export const MAX_ATTACHMENT_FILE_NAME_LENGTH = 255;
export const MAX_ATTACHMENT_DESCRIPTION_LENGTH = 1000;

/** What can be attached: documents, pictures, spreadsheets, text and e-mails (seed 003). */
export const ATTACHMENT_CONTENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'text/plain',
  'text/csv',
  'message/rfc822',
] as const;
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

/** What the customer's image may be (seed 004): pictures a browser shows. */
export const IMAGE_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

export const isSha256 = (value: string): boolean => /^[0-9a-f]{64}$/.test(value);
