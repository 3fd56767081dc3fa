import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail the local server received: the envelope's recipients and the parsed message. */
export interface ReceivedMail {
  envelopeTo: string[];
  mail: ParsedMail;
}

/**
 * A real SMTP server on a free local port (the `smtp-server` package), for tests: it keeps
 * every message it accepts, parsed with `mailparser`. `failNext(n)` refuses the next `n`
 * messages with a 451 (a temporary failure), as a busy server would.
 */
export class LocalSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** Awaited once a message is received, before the server answers the client (a test's hook). */
  onReceived: ((received: ReceivedMail) => Promise<void>) | null = null;
  private refusals = 0;
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<LocalSmtpServer> {
    const holder: { server?: LocalSmtpServer } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const owner = holder.server as LocalSmtpServer;
          if (owner.refusals > 0) {
            owner.refusals -= 1;
            const error = new Error('try again later') as Error & { responseCode: number };
            error.responseCode = 451;
            callback(error);
            return;
          }
          simpleParser(Buffer.concat(chunks))
            .then(async (mail) => {
              const received = {
                envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
                mail,
              };
              owner.received.push(received);
              await owner.onReceived?.(received);
              callback();
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    holder.server = new LocalSmtpServer(server, port);
    return holder.server;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  failNext(count: number): void {
    this.refusals = count;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((received) => received.envelopeTo.includes(address));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
