import { Module } from '@nestjs/common';
import { attachmentApplicationProviders } from '@app/application';
import { AttachmentQueriesController } from './attachment-queries.http.controller';
import { AttachmentsController } from './attachments.http.controller';

@Module({
  controllers: [AttachmentsController, AttachmentQueriesController],
  providers: attachmentApplicationProviders,
})
export class AttachmentsModule {}
