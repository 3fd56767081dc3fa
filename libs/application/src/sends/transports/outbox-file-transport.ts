import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';
import { MessageTransport, OutgoingMessage, TransportReceipt } from '../outgoing-message';
import { mailOf } from './smtp-transport';

/**
 * With no SMTP server nor SMS gateway configured (the default), messages are written under
 * `DATA_DIR/outbox/`: an e-mail as `<messageId>.eml` (RFC 822, attachments included: any mail
 * client opens it), an SMS as `<messageId>.sms.txt`. Written to a temporary file and renamed, so
 * a file is whole or absent; named by the message, so a resend overwrites it. nodemailer (the
 * RFC 822 writer) is loaded by the first e-mail, not at start-up.
 */
export class OutboxFileTransport implements MessageTransport {
  readonly description: string;
  private builder: Transporter | undefined;

  constructor(
    private readonly directory: string,
    private readonly from: string,
  ) {
    this.description = `files in ${directory}`;
  }

  async send(message: OutgoingMessage): Promise<TransportReceipt> {
    await mkdir(this.directory, { recursive: true });
    const [name, content] =
      message.channel === 'email'
        ? [`${message.messageId}.eml`, await this.rfc822(message)]
        : [
            `${message.messageId}.sms.txt`,
            Buffer.from(`To: ${message.to}\n\n${message.text}\n`, 'utf8'),
          ];
    const path = join(this.directory, name);
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, path);
    return { providerMessageId: name };
  }

  private async rfc822(message: OutgoingMessage): Promise<Buffer> {
    const { createTransport } = await import('nodemailer');
    this.builder ??= createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    const info = (await this.builder.sendMail(mailOf(message, this.from))) as { message: Buffer };
    return info.message;
  }
}
