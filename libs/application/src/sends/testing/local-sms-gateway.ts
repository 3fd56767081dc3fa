import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedSms {
  to: string;
  text: string;
  idempotencyKey: string;
}

/** A local HTTP SMS gateway for tests: keeps each JSON body posted; `failNext(n)` answers 503. */
export class LocalSmsGateway {
  readonly received: ReceivedSms[] = [];
  private refusals = 0;
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<LocalSmsGateway> {
    const holder: { gateway?: LocalSmsGateway } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const owner = holder.gateway as LocalSmsGateway;
        if (owner.refusals > 0) {
          owner.refusals -= 1;
          response.writeHead(503).end('busy');
          return;
        }
        owner.received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedSms);
        response.writeHead(202, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ id: `sms-${owner.received.length}` }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.gateway = new LocalSmsGateway(server, (server.address() as AddressInfo).port);
    return holder.gateway;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/sms`;
  }

  failNext(count: number): void {
    this.refusals = count;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
