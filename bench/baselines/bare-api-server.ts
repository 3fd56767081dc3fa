/**
 * The HTTP stage's baselines: a bare `node:http` server over a `pg` pool of the API's size —
 * no framework, no ORM, no guard, no log. Run in its own process like the API, by
 * `bare-api.ts`; prints `listening <port>` once it accepts connections.
 *
 * - `GET /api/customers/:id`: the customer's `customer_file` row as JSON.
 * - `POST /api/customers`: what registering a customer appends, done bare in one statement:
 *   two streams opened (the customer's and its e-mail's reservation, each refused if it
 *   exists, as `no_stream` is), their two events, and the customer's personal-data key —
 *   into tables of its own (`bench_bare_*`, made afresh at start, dropped at exit). No
 *   validation, no decision, no sealing: the floor for the same writes.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const CUSTOMER_FILE = /^\/api\/customers\/([0-9a-f-]{36})$/;

const SCHEMA = `
DROP TABLE IF EXISTS bench_bare_streams, bench_bare_events, bench_bare_keys;
CREATE TABLE bench_bare_streams (stream_id text PRIMARY KEY, revision bigint NOT NULL);
CREATE TABLE bench_bare_events (position bigserial PRIMARY KEY, stream_id text NOT NULL,
  revision bigint NOT NULL, event_type text NOT NULL, data jsonb NOT NULL);
CREATE TABLE bench_bare_keys (subject text PRIMARY KEY, data_key text NOT NULL);`;

const REGISTER = `WITH streams AS (
    INSERT INTO bench_bare_streams (stream_id, revision) VALUES ($1, 0), ($2, 0) RETURNING 1),
  key AS (INSERT INTO bench_bare_keys (subject, data_key) VALUES ($1, $3) RETURNING 1)
  INSERT INTO bench_bare_events (stream_id, revision, event_type, data)
  VALUES ($1, 0, 'CustomerRegistered', $4), ($2, 0, 'CustomerEmailReserved', $5)`;

function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    })
    .end(text);
}

async function customerFile(id: string, response: ServerResponse): Promise<void> {
  const { rows } = await pool.query('SELECT * FROM customer_file WHERE id = $1', [id]);
  if (rows.length === 0) return void response.writeHead(404).end();
  json(response, 200, rows[0]);
}

async function registerCustomer(request: IncomingMessage, response: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { email: string };
  const id = randomUUID();
  const customer = `customer-${id}`;
  await pool.query(REGISTER, [
    customer,
    `customer-email-${body.email.toLowerCase()}`,
    randomBytes(32).toString('base64'),
    JSON.stringify({ ...body, customerId: id }),
    JSON.stringify({ customerId: id }),
  ]);
  json(response, 201, { id });
}

const server = createServer((request, response) => {
  const match = CUSTOMER_FILE.exec(request.url ?? '');
  const answer =
    request.method === 'GET' && match
      ? customerFile(match[1], response)
      : request.method === 'POST' && request.url === '/api/customers'
        ? registerCustomer(request, response)
        : Promise.resolve(void response.writeHead(404).end());
  answer.catch((error: Error) => response.writeHead(500).end(error.message));
});

void pool
  .query(SCHEMA)
  .then(() =>
    server.listen(Number(process.env.PORT), '127.0.0.1', () =>
      console.log(`listening ${process.env.PORT}`),
    ),
  );
process.on('SIGTERM', () =>
  server.close(
    () =>
      void pool
        .query('DROP TABLE IF EXISTS bench_bare_streams, bench_bare_events, bench_bare_keys')
        .finally(() => pool.end())
        .then(() => process.exit(0)),
  ),
);
