import { MessageTransport, OutgoingMessage, TransportReceipt } from '../outgoing-message';

/**
 * SMS through an HTTP gateway (`SMS_GATEWAY_URL`): `POST` of JSON `{ to, text,
 * idempotencyKey }`; any 2xx is accepted (its JSON `id`, if any, is the provider's message id),
 * anything else, or no answer within the timeout, is a failed attempt.
 */
export class SmsGatewayTransport implements MessageTransport {
  readonly description: string;

  constructor(
    private readonly url: string,
    private readonly options: { timeoutMs?: number } = {},
  ) {
    this.description = `SMS gateway ${new URL(url).host}`;
  }

  async send(message: OutgoingMessage): Promise<TransportReceipt> {
    if (message.channel !== 'sms') throw new Error('the SMS gateway sends SMS only');
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': message.idempotencyKey },
      body: JSON.stringify({
        to: message.to,
        text: message.text,
        idempotencyKey: message.idempotencyKey,
      }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
    });
    const body = await response.text();
    if (!response.ok)
      throw new Error(`SMS gateway answered ${response.status}: ${body.slice(0, 200)}`);
    return { providerMessageId: providerIdOf(body) };
  }
}

function providerIdOf(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { id?: unknown };
    return typeof parsed.id === 'string' || typeof parsed.id === 'number'
      ? String(parsed.id)
      : null;
  } catch {
    return null;
  }
}
