import type { Response } from 'superagent';

/**
 * A supertest parser that keeps the body as text, whatever its type (CSV, NDJSON): pass it to
 * `.buffer(true).parse(textBody)`, and `res.body` is the string.
 */
export function textBody(
  response: Response,
  done: (error: Error | null, body: string) => void,
): void {
  let text = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => (text += chunk));
  response.on('end', () => done(null, text));
}
