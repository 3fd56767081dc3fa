/**
 * The customer-file query's baseline: a bare `node:http` server over a `pg` pool of the API's
 * size, answering `GET /api/customers/:id` with the customer's `customer_file` row as JSON — no
 * framework, no ORM, no guard, no log. Run in its own process like the API, by
 * `bare-customer-file.ts`; prints `listening <port>` once it accepts connections.
 */
import { createServer } from 'node:http';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const PATH = /^\/api\/customers\/([0-9a-f-]{36})$/;

const server = createServer((request, response) => {
  const match = PATH.exec(request.url ?? '');
  if (request.method !== 'GET' || !match) {
    response.writeHead(404).end();
    return;
  }
  pool
    .query('SELECT * FROM customer_file WHERE id = $1', [match[1]])
    .then(({ rows: [row] }) => {
      if (!row) return void response.writeHead(404).end();
      const body = JSON.stringify(row);
      response
        .writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        })
        .end(body);
    })
    .catch((error: Error) => response.writeHead(500).end(error.message));
});

server.listen(Number(process.env.PORT), '127.0.0.1', () =>
  console.log(`listening ${process.env.PORT}`),
);
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
