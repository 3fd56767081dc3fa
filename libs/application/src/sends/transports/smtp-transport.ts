import type { Transporter } from 'nodemailer';
import {
  emailMessageIdOf,
  MessageTransport,
  OutgoingMessage,
  TransportReceipt,
} from '../outgoing-message';

/**
 * E-mail through an SMTP server (`SMTP_URL`, e.g. `smtp://user:pass@host:587`), from `SMTP_FROM`.
 * nodemailer is loaded by the first send, not at start-up.
 */
export class SmtpMessageTransport implements MessageTransport {
  readonly description: string;
  private transporter: Transporter | undefined;
  private readonly timeoutMs: number;

  constructor(
    private readonly url: string,
    private readonly from: string,
    options: { timeoutMs?: number } = {},
  ) {
    const parsed = new URL(url);
    this.description = `SMTP ${parsed.hostname}:${parsed.port || '(default port)'}`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  async send(message: OutgoingMessage): Promise<TransportReceipt> {
    if (message.channel !== 'email') throw new Error('SMTP sends e-mail only');
    const transporter = await this.connection();
    const info = (await transporter.sendMail(mailOf(message, this.from))) as {
      messageId?: string;
    };
    return { providerMessageId: info.messageId ?? null };
  }

  close(): void {
    this.transporter?.close();
  }

  private async connection(): Promise<Transporter> {
    const { createTransport } = await import('nodemailer');
    this.transporter ??= createTransport(this.url, {
      connectionTimeout: this.timeoutMs,
      greetingTimeout: this.timeoutMs,
      socketTimeout: this.timeoutMs,
    } as object);
    return this.transporter;
  }
}

/** The nodemailer message of an outgoing e-mail (shared with the `.eml` writer). */
export const mailOf = (message: OutgoingMessage, from: string) => ({
  from,
  to: message.to,
  subject: message.subject,
  text: message.text,
  ...(message.html === undefined ? {} : { html: message.html }),
  messageId: emailMessageIdOf(message.messageId),
  headers: { 'X-Idempotency-Key': message.idempotencyKey },
  attachments: message.attachments.map((attachment) => ({
    filename: attachment.filename,
    contentType: attachment.contentType,
    content: attachment.content,
  })),
});
