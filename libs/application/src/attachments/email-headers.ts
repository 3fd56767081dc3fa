import { createReadStream } from 'node:fs';
import { AttachedEmail } from '@app/domain';

const MAX_HEADER_TEXT = 500;
const clip = (text: string | undefined) =>
  text === undefined || text.trim() === '' ? null : text.trim().slice(0, MAX_HEADER_TEXT);

/**
 * The subject and sender of an `.eml` file, read from its headers only: the parser stops at
 * the end of the header block, so a large e-mail is never held in memory.
 */
export async function emailHeadersOf(path: string): Promise<AttachedEmail> {
  // Loaded by the first e-mail attached, not at start-up (mailparser takes a fifth of a second).
  const { MailParser } = await import('mailparser');
  return new Promise((resolve, reject) => {
    const source = createReadStream(path);
    const parser = new MailParser();
    let settled = false;
    const finish = (email: AttachedEmail) => {
      if (settled) return;
      settled = true;
      source.destroy();
      parser.removeAllListeners();
      parser.on('error', () => undefined);
      resolve(email);
    };
    parser.on('headers', (headers) => {
      const subject = headers.get('subject');
      const from = headers.get('from') as { text?: string } | undefined;
      finish({
        subject: clip(typeof subject === 'string' ? subject : undefined),
        from: clip(from?.text),
      });
    });
    parser.on('error', (error: Error) => {
      if (!settled) {
        settled = true;
        source.destroy();
        reject(error);
      }
    });
    parser.on('end', () => finish({ subject: null, from: null }));
    source.on('error', (error) => parser.emit('error', error));
    source.pipe(parser);
  });
}
