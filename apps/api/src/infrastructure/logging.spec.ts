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

  it('redacts a portal login: no password, no token, no hash in any line', async () => {
    const lines: string[] = [];
    const capture = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = express();
    app.use(express.json());
    app.use(pinoHttp(pinoHttpOptions({ LOG_LEVEL: 'info' }), capture));
    app.post('/api/portal/sessions', (req, res) => {
      req.log.info({ login: req.body, credentials: { passwordHash: 'scrypt$1$2$3$salt$hash' } });
      res.status(401).json({ message: 'The e-mail or the password is wrong.' });
    });
    await request(app)
      .post('/api/portal/sessions')
      .set('Authorization', 'Bearer portal.token-value')
      .send({ email: 'ana@example.com', password: 'Kx7pQ2mZr9WdAb' })
      .expect(401);

    const log = lines.join('');
    expect(log).toContain('/api/portal/sessions');
    for (const secret of [
      'Kx7pQ2mZr9WdAb',
      'portal.token-value',
      'scrypt$1$2$3',
      'ana@example.com',
    ])
      expect(log).not.toContain(secret);
  });
});
