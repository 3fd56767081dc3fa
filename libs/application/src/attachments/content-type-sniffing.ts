import { open } from 'node:fs/promises';
import { ATTACHMENT_CONTENT_TYPES, AttachmentContentType } from '@app/domain';

/** How much of a file is read to tell text (and e-mail headers) from binary. */
const TEXT_SAMPLE_BYTES = 64 * 1024;

interface FileTypeModule {
  fromFile(path: string): Promise<{ ext: string; mime: string } | undefined>;
}
// file-type 16 is the last CommonJS release; its own types resolve for ESM only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fileType = require('file-type') as FileTypeModule;

const ACCEPTED = new Set<string>(ATTACHMENT_CONTENT_TYPES);

/** A header line of RFC 5322: `Name: value`, the name printable ASCII without a colon. */
const HEADER_LINE = /^[!-9;-~]+:[ \t]*\S?/;
const FOLDED_LINE = /^[ \t]+\S/;
/** Headers an e-mail file starts with (one of them must be there, besides a well-formed block). */
const MAIL_HEADERS =
  /^(from|subject|date|message-id|received|return-path|mime-version|to|delivered-to|x-[a-z0-9-]+):/i;

/**
 * The type of a file judged by its bytes, never by its name or the client's Content-Type:
 * binary formats by their magic numbers (file-type), office documents by the zip's contents;
 * text by having no control characters, then an e-mail by an RFC 822 header block at its start
 * (`message/rfc822`), CSV by its name (`.csv`, the one hint the bytes cannot give), else
 * `text/plain`. `null`: a type not accepted (an executable, a plain zip, random bytes).
 */
export async function sniffContentType(
  path: string,
  fileName: string,
): Promise<AttachmentContentType | null> {
  const detected = await fileType.fromFile(path);
  if (detected !== undefined)
    return ACCEPTED.has(detected.mime) ? (detected.mime as AttachmentContentType) : null;
  const sample = await head(path, TEXT_SAMPLE_BYTES);
  if (sample.length === 0 || !isText(sample)) return null;
  if (looksLikeEmail(sample.toString('latin1'))) return 'message/rfc822';
  return /\.csv$/i.test(fileName) ? 'text/csv' : 'text/plain';
}

async function head(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Text in any ASCII-compatible encoding: no control bytes but tab, line feed, form feed, CR. */
function isText(sample: Buffer): boolean {
  for (const byte of sample)
    if (
      (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) ||
      byte === 0x7f
    )
      return false;
  return true;
}

/** A header block (well-formed lines up to a blank one) naming at least one mail header. */
export function looksLikeEmail(text: string): boolean {
  const lines = text.split(/\r?\n/);
  let headers = 0;
  let known = false;
  for (const line of lines) {
    if (line === '') return headers >= 2 && known;
    if (FOLDED_LINE.test(line) && headers > 0) continue;
    if (!HEADER_LINE.test(line)) return false;
    headers += 1;
    if (MAIL_HEADERS.test(line)) known = true;
  }
  return false;
}
