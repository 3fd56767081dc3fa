import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { OutgoingMessage } from '../outgoing-message';
import { LocalSmsGateway } from '../testing/local-sms-gateway';
import { LocalSmtpServer } from '../testing/local-smtp-server';
import { OutboxFileTransport } from './outbox-file-transport';
import { SmsGatewayTransport } from './sms-gateway-transport';
import { SmtpMessageTransport } from './smtp-transport';

const PDF = Buffer.from('%PDF-1.7\n% a test document\n%%EOF\n', 'latin1');

const email: OutgoingMessage = {
  messageId: '6f1c2a3b-4d5e-5f60-8a1b-2c3d4e5f6a7b',
  idempotencyKey: 'invoice-issued:invoice-1:email:abc',
  channel: 'email',
  to: 'ana@example.com',
  subject: 'Factura F2026-000001',
  text: 'Le enviamos adjunta su factura.',
  attachments: [{ filename: 'F2026-000001.pdf', contentType: 'application/pdf', content: PDF }],
};
const sms: OutgoingMessage = {
  ...email,
  channel: 'sms',
  to: '+34600111222',
  subject: 'Recordatorio de pago pendiente',
  text: 'Le recordamos que tiene un importe pendiente.',
  attachments: [],
};

describe('message transports (rule 25)', () => {
  describe('SMTP', () => {
    let server: LocalSmtpServer;
    beforeAll(async () => {
      server = await LocalSmtpServer.start();
    });
    afterAll(() => server.close());

    it('delivers the e-mail to a real SMTP server, the PDF attached, the Message-ID from the message', async () => {
      const transport = new SmtpMessageTransport(server.url, 'Facturación <facturas@example.com>');
      const receipt = await transport.send(email);
      transport.close();
      expect(receipt.providerMessageId).toBe(`<${email.messageId}@sends.billing>`);
      const [received] = server.to('ana@example.com');
      expect(received.mail.subject).toBe('Factura F2026-000001');
      expect(received.mail.messageId).toBe(`<${email.messageId}@sends.billing>`);
      expect(received.mail.from?.text).toContain('facturas@example.com');
      expect(received.mail.headers.get('x-idempotency-key')).toBe(email.idempotencyKey);
      const [attachment] = received.mail.attachments;
      expect(attachment.filename).toBe('F2026-000001.pdf');
      expect(attachment.contentType).toBe('application/pdf');
      expect(attachment.content.subarray(0, 4).toString('latin1')).toBe('%PDF');
    });

    it('throws when the server refuses the message (the attempt failed)', async () => {
      server.failNext(1);
      const transport = new SmtpMessageTransport(server.url, 'facturas@example.com');
      await expect(transport.send(email)).rejects.toThrow(/451/);
      transport.close();
    });

    it('throws when no server answers', async () => {
      const transport = new SmtpMessageTransport('smtp://127.0.0.1:1', 'facturas@example.com');
      await expect(transport.send(email)).rejects.toThrow();
      transport.close();
    });
  });

  describe('the SMS gateway', () => {
    let gateway: LocalSmsGateway;
    beforeAll(async () => {
      gateway = await LocalSmsGateway.start();
    });
    afterAll(() => gateway.close());

    it('posts {to, text, idempotencyKey} and keeps the gateway’s id', async () => {
      const receipt = await new SmsGatewayTransport(gateway.url).send(sms);
      expect(gateway.received).toEqual([
        { to: '+34600111222', text: sms.text, idempotencyKey: sms.idempotencyKey },
      ]);
      expect(receipt.providerMessageId).toBe('sms-1');
    });

    it('throws on an answer other than 2xx', async () => {
      gateway.failNext(1);
      await expect(new SmsGatewayTransport(gateway.url).send(sms)).rejects.toThrow(/503/);
    });
  });

  describe('.eml files under DATA_DIR/outbox (no SMTP server configured)', () => {
    let directory: string;
    beforeEach(async () => {
      directory = await mkdtemp(join(tmpdir(), 'sends-outbox-'));
    });
    afterEach(() => rm(directory, { recursive: true, force: true }));

    it('writes an RFC 822 file named by the message, attachment included; a resend overwrites it', async () => {
      const transport = new OutboxFileTransport(join(directory, 'outbox'), 'facturas@example.com');
      await transport.send(email);
      await transport.send(email);
      expect(await readdir(join(directory, 'outbox'))).toEqual([`${email.messageId}.eml`]);
      const mail = await simpleParser(
        await readFile(join(directory, 'outbox', `${email.messageId}.eml`)),
      );
      expect(mail.subject).toBe('Factura F2026-000001');
      expect(mail.to).toMatchObject({ text: 'ana@example.com' });
      expect(mail.attachments[0].content.subarray(0, 4).toString('latin1')).toBe('%PDF');
    });

    it('writes an SMS as a text file', async () => {
      const transport = new OutboxFileTransport(join(directory, 'outbox'), 'facturas@example.com');
      await transport.send(sms);
      const text = await readFile(join(directory, 'outbox', `${sms.messageId}.sms.txt`), 'utf8');
      expect(text).toContain('To: +34600111222');
      expect(text).toContain(sms.text);
    });
  });
});
