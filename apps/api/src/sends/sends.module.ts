import { Module } from '@nestjs/common';
import { IssuerDirectory, SendsScheduler } from '@app/application';
import { SendsController } from './sends.http.controller';

/**
 * Rule 25: the sends tab (`GET /customers/:id/sends`) and, every `SENDS_INTERVAL_MS`, the
 * rounds that queue and deliver the messages, in this (the API) process.
 */
@Module({
  controllers: [SendsController],
  providers: [IssuerDirectory, SendsScheduler],
  exports: [SendsScheduler],
})
export class SendsModule {}
