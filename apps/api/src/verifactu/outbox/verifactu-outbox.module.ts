import { Module } from '@nestjs/common';
import { VerifactuSubmissionScheduler } from '@app/application';
import { VerifactuOutboxController } from './verifactu-outbox.http.controller';

/**
 * Rule 22: the outbox of VERI*FACTU records (`GET /verifactu/outbox`) and, when AEAT's
 * endpoint and a certificate are configured, the submitter running on an interval in this
 * (the API) process.
 */
@Module({
  controllers: [VerifactuOutboxController],
  providers: [VerifactuSubmissionScheduler],
})
export class VerifactuOutboxModule {}
