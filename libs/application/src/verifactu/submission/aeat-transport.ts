import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { AppConfig } from '../../config/app-config';

/** The client certificate AEAT identifies the sender by: PKCS#12, or PEM certificate and key. */
export type ClientCertificate =
  { pfx: Buffer; passphrase?: string } | { cert: Buffer; key: Buffer; passphrase?: string };

export interface AeatTransportSettings {
  endpoint: string;
  certificate: ClientCertificate;
  /** The authorities (PEM) the endpoint's certificate must chain to instead of the system's: tests. */
  ca?: Buffer;
  timeoutMs: number;
}

/**
 * What posting a request came to. `answered`: AEAT's server answered with a body (a 200 with
 * RespuestaSuministro, or a 500 with a SOAP Fault); `failed`: no usable answer (a timeout, a
 * refused or broken connection, another 5xx): AEAT may or may not hold the records, so the
 * same request is sent again later (a record it already holds answers 3000, duplicate).
 */
export type TransportOutcome =
  { kind: 'answered'; status: number; body: string } | { kind: 'failed'; error: string };

/** Sends one SuministroLR request: the port the submitter posts through (a fake in tests). */
export interface AeatTransport {
  post(xml: string): Promise<TransportOutcome>;
}

/** Largest answer read: AEAT's answer to 1000 records is far smaller. */
const MAX_ANSWER_BYTES = 20 * 1024 * 1024;

/**
 * The AEAT SuministroLR web service over HTTPS with the client certificate (mutual TLS): one
 * POST of the SOAP request per submission, with a timeout. Never throws: every failure is a
 * `failed` outcome the caller records and retries.
 */
export class HttpsAeatTransport implements AeatTransport {
  private readonly agent: Agent;

  constructor(private readonly settings: AeatTransportSettings) {
    this.agent = new Agent({
      ...settings.certificate,
      ...(settings.ca === undefined ? {} : { ca: settings.ca }),
      keepAlive: true,
      maxSockets: 1,
    });
  }

  post(xml: string): Promise<TransportOutcome> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (outcome: TransportOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve(outcome);
      };
      const body = Buffer.from(xml, 'utf8');
      const outgoing = request(
        this.settings.endpoint,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'Content-Type': 'text/xml; charset=utf-8',
            'Content-Length': body.length,
            SOAPAction: '""',
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_ANSWER_BYTES) {
              outgoing.destroy(new Error(`answer larger than ${MAX_ANSWER_BYTES} bytes`));
              return;
            }
            chunks.push(chunk);
          });
          response.on('error', (error) => settle({ kind: 'failed', error: error.message }));
          response.on('close', () =>
            settle({ kind: 'failed', error: 'the connection closed before the answer ended' }),
          );
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString('utf8');
            if (status === 200 || (status === 500 && /Fault/.test(text)))
              settle({ kind: 'answered', status, body: text });
            else settle({ kind: 'failed', error: `HTTP ${status}` });
          });
        },
      );
      // The whole exchange, not just a quiet socket: an answer trickling in counts as none.
      const deadline = setTimeout(
        () => outgoing.destroy(new Error(`no answer within ${this.settings.timeoutMs} ms`)),
        this.settings.timeoutMs,
      );
      outgoing.on('error', (error) => settle({ kind: 'failed', error: error.message }));
      outgoing.end(body);
    });
  }

  /** Closes the kept-alive connection (on shutdown). */
  close(): void {
    this.agent.destroy();
  }
}

/**
 * The transport's settings from the configuration, reading the certificate files; `null` when
 * the endpoint or the certificate is not configured (then nothing is sent: records stay
 * pending). A configured file that cannot be read stops the boot, naming it.
 */
export function aeatTransportSettingsFrom(config: AppConfig): AeatTransportSettings | null {
  if (config.VERIFACTU_ENDPOINT === undefined) return null;
  const read = (key: keyof AppConfig, path: string): Buffer => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new Error(`Invalid configuration:\n - ${key}: ${(error as Error).message}`);
    }
  };
  const passphrase = config.VERIFACTU_CERT_PASSWORD;
  let certificate: ClientCertificate;
  if (config.VERIFACTU_CERT_PATH !== undefined)
    certificate = { pfx: read('VERIFACTU_CERT_PATH', config.VERIFACTU_CERT_PATH), passphrase };
  else if (
    config.VERIFACTU_CERT_PEM_PATH !== undefined &&
    config.VERIFACTU_KEY_PEM_PATH !== undefined
  )
    certificate = {
      cert: read('VERIFACTU_CERT_PEM_PATH', config.VERIFACTU_CERT_PEM_PATH),
      key: read('VERIFACTU_KEY_PEM_PATH', config.VERIFACTU_KEY_PEM_PATH),
      ...(passphrase === undefined ? {} : { passphrase }),
    };
  else return null;
  return {
    endpoint: config.VERIFACTU_ENDPOINT,
    certificate,
    ...(config.VERIFACTU_CA_PATH === undefined
      ? {}
      : { ca: read('VERIFACTU_CA_PATH', config.VERIFACTU_CA_PATH) }),
    timeoutMs: config.VERIFACTU_TIMEOUT_MS,
  };
}
