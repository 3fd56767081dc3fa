import { INestApplication } from '@nestjs/common';
import { urlencoded } from 'body-parser';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppConfig, MAX_BANK_FILE_CHARACTERS } from '@app/application';
import { MAX_IMPORT_FILE_CHARACTERS } from '@app/domain';
import { ErrorResponseFilter } from './http/error-response.filter';
import { requestInputGuard, verifyUtf8Body } from './http/request-input';
import { consoleSecurityHeaders } from './console/console-security-headers';
import { consoleInputGuards } from './console/console-input-guard';
import { ConsoleViews } from './console/console-views';
import { requestValidationPipe } from './http/validation.pipe';
import { APP_CONFIG } from '@app/application';

/** Everything main.ts and the end-to-end tests set up alike on the Nest application. */
export function configureApp(app: NestExpressApplication): INestApplication {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  // The back-office console's pages live beside the API, under /console (docs/console.md).
  app.setGlobalPrefix('api', { exclude: ['console', 'console/{*path}'] });
  // Nest's type leaves `verify` out (it is used for rawBody, which is off) but passes it on.
  const jsonOptions = { limit: config.BODY_LIMIT, verify: verifyUtf8Body };
  app.useBodyParser('json', jsonOptions);
  // Bank files (POST /collections/returns/import): XML up to the parser's own limit.
  app.useBodyParser('text', {
    type: ['application/xml', 'text/xml'],
    limit: MAX_BANK_FILE_CHARACTERS,
    verify: verifyUtf8Body,
  });
  // Customer imports (POST /imports/customers): the CSV file, up to the import's own limit.
  app.useBodyParser('text', {
    type: ['text/csv'],
    limit: MAX_IMPORT_FILE_CHARACTERS,
    verify: verifyUtf8Body,
  });
  // The console's forms (application/x-www-form-urlencoded), under /console only: the API
  // itself takes JSON.
  const consoleInput = consoleInputGuards(app.get(ConsoleViews));
  app.use('/console', consoleSecurityHeaders());
  app.use('/console', consoleInput.checkInput);
  app.use('/console', urlencoded({ extended: false, limit: '256kb', verify: verifyUtf8Body }));
  app.use('/console', consoleInput.bodyRefused);
  app.use(requestInputGuard);
  app.useGlobalPipes(requestValidationPipe());
  app.useGlobalFilters(new ErrorResponseFilter());
  app.enableShutdownHooks();

  // The OpenAPI document is built by the first request for it, not at start-up: scanning every
  // controller and DTO costs a quarter of the API's start (docs/build.md).
  const document = () =>
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('ISP billing core')
        .setDescription(
          'Event-sourced customer file and billing. Commands answer { id, version, position }; ' +
            'queries accept X-Min-Position to read their own writes.',
        )
        .setVersion('1')
        .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key from API_KEYS' })
        .build(),
    );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
