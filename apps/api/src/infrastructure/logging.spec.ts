import express from 'express';
import { Writable } from 'node:stream';
import pinoHttp from 'pino-http';
import request from 'supertest';
import { pinoHttpOptions } from './logging.module';

describe('logs carry no API keys, IBANs or personal data', () => {
  it('redacts them from request logs and from logged objects', async () => {
    const lines: string[] = [];
    const capture = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = express();
    app.use(pinoHttp(pinoHttpOptions({ LOG_LEVEL: 'info' }), capture));
    app.get('/api/customers', (req, res) => {
      req.log.info(
        {
          customer: {
            iban: 'ES9121000418450200051332',
            email: 'ana@example.com',
            phone: '600000000',
          },
        },
        'looked up',
      );
      res.json({ ok: true });
    });
    await request(app)
      .get('/api/customers?q=ana@example.com')
      .set('Authorization', 'Bearer operator-secret-key-1')
      .set('Idempotency-Key', 'key-123')
      .expect(200);

    const log = lines.join('');
    expect(log).toContain('looked up');
    expect(log).toContain('/api/customers');
    for (const secret of [
      'operator-secret-key-1',
      'ES9121000418450200051332',
      'ana@example.com',
      '600000000',
      'key-123',
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
