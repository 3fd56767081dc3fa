import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { AppConfig } from '@app/application';
import { APP_CONFIG } from '@app/application';

/**
 * Structured JSON logs (pino). Keys, IBANs and personal fields never reach a log line:
 * they are redacted wherever they appear in a logged object.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["idempotency-key"]',
  '*.iban',
  '*.*.iban',
  '*.email',
  '*.document',
  '*.phone',
  '*.mobile',
  // Rule 26: a portal password or its hash, should any logged object ever carry one.
  '*.password',
  '*.passwordHash',
];

/** The pino-http options: level, redaction, and request serialization without personal data. */
export function pinoHttpOptions(config: Pick<AppConfig, 'LOG_LEVEL'>): Options {
  return {
    level: config.LOG_LEVEL,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/health') },
    serializers: {
      // No headers, no body, no query string (a search may carry a name or an e-mail).
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.split('?')[0],
      }),
    },
  };
}

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ pinoHttp: pinoHttpOptions(config) }),
    }),
  ],
})
export class LoggingModule {}
