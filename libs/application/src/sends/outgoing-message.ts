import { SendChannel } from '@app/domain';

export interface MessageAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A message rendered and ready for a transport: what the customer receives. */
export interface OutgoingMessage {
  messageId: string;
  /** Sent along (e-mail `Message-ID`, the SMS gateway's key): receivers can drop a resend. */
  idempotencyKey: string;
  channel: SendChannel;
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments: MessageAttachment[];
}

/** What a transport answers once it accepted the message. */
export interface TransportReceipt {
  providerMessageId: string | null;
}

/**
 * The port every delivery goes through: SMTP, an SMS gateway, or `.eml` files. It resolves
 * once the message is accepted, and throws (any error) when it was not: the attempt failed.
 */
export interface MessageTransport {
  readonly description: string;
  send(message: OutgoingMessage): Promise<TransportReceipt>;
  close?(): void;
}

/** The e-mail `Message-ID` of a message: the same on every resend, so receivers can dedupe. */
export const emailMessageIdOf = (messageId: string): string => `<${messageId}@sends.billing>`;
