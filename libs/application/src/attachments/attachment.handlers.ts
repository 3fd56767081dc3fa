import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { rm } from 'node:fs/promises';
import { attachmentNotFound } from '@app/domain';
import { CommandOutcome } from '../commands/command-outcome';
import { customerFact } from '../commands/facts';
import {
  AddAttachmentCommand,
  ChangeCustomerImageCommand,
  RemoveAttachmentCommand,
} from './attachment.commands';
import { sniffContentType } from './content-type-sniffing';
import { CustomerFiles } from './customer-files';
import { emailHeadersOf } from './email-headers';
import { describeImage, makeThumbnail } from './thumbnails';
import { UnsupportedFileError } from './uploaded-file';

const outcome = ({ id, version, position }: CommandOutcome): CommandOutcome => ({
  id,
  version,
  position,
});

/**
 * Seed 003: the type is judged by the file's bytes; an e-mail's subject and sender are read
 * from its headers; the blob is stored, then the event appended (a refusal takes the blob back).
 */
@CommandHandler(AddAttachmentCommand)
export class AddAttachmentHandler implements ICommandHandler<AddAttachmentCommand> {
  constructor(private readonly files: CustomerFiles) {}

  async execute(c: AddAttachmentCommand): Promise<CommandOutcome> {
    const contentType = await sniffContentType(c.file.path, c.file.fileName);
    if (contentType === null)
      throw new UnsupportedFileError(
        'This type of file is not accepted: attach a PDF, a picture (PNG, JPEG, GIF, WebP), an office document (docx, xlsx, pptx, odt, ods, odp), plain text or CSV, or an e-mail (.eml).',
      );
    const email = contentType === 'message/rfc822' ? await emailHeadersOf(c.file.path) : null;
    const customer = await customerFact(this.files.store, c.customerId);
    const result = await this.files.storeAndDecide(
      c.customerId,
      [c.file],
      {
        type: 'AddAttachment',
        data: {
          attachmentId: c.attachmentId,
          customerId: c.customerId,
          customer,
          fileName: c.file.fileName,
          contentType,
          size: c.file.size,
          sha256: c.file.sha256,
          description: c.description,
          email,
          uploadedBy: c.context.actor,
        },
        metadata: { at: c.context.at },
      },
      c.context,
    );
    return { ...outcome(result), id: c.attachmentId };
  }
}

/** The attachment goes from the file; its blob too once no other attachment names it. */
@CommandHandler(RemoveAttachmentCommand)
export class RemoveAttachmentHandler implements ICommandHandler<RemoveAttachmentCommand> {
  constructor(private readonly files: CustomerFiles) {}

  async execute(c: RemoveAttachmentCommand): Promise<CommandOutcome> {
    const attachment = await this.files.findAttachment(c.attachmentId);
    if (attachment === null) throw attachmentNotFound(c.attachmentId);
    const result = await this.files.decide(
      attachment.customerId,
      {
        type: 'RemoveAttachment',
        data: {
          attachmentId: c.attachmentId,
          customerId: attachment.customerId,
          removedBy: c.context.actor,
        },
        metadata: { at: c.context.at },
      },
      c.context,
    );
    await this.files.deleteUnreferencedQuietly([attachment.sha256], result.position);
    return { ...outcome(result), id: c.attachmentId };
  }
}

/** Seed 004: the original and a thumbnail stored; the image replaced goes once unnamed. */
@CommandHandler(ChangeCustomerImageCommand)
export class ChangeCustomerImageHandler implements ICommandHandler<ChangeCustomerImageCommand> {
  constructor(private readonly files: CustomerFiles) {}

  async execute(c: ChangeCustomerImageCommand): Promise<CommandOutcome> {
    const image = await describeImage(c.file.path, c.file.size, c.file.sha256);
    const thumbnailPath = `${c.file.path}.thumbnail.webp`;
    try {
      const thumbnail = await makeThumbnail(c.file.path, thumbnailPath);
      const customer = await customerFact(this.files.store, c.customerId);
      const result = await this.files.storeAndDecide(
        c.customerId,
        [c.file, { sha256: thumbnail.sha256, path: thumbnailPath, size: thumbnail.size }],
        {
          type: 'ChangeCustomerImage',
          data: {
            customerId: c.customerId,
            customer,
            image,
            thumbnail,
            changedBy: c.context.actor,
          },
          metadata: { at: c.context.at },
        },
        c.context,
      );
      const [event] = result.events;
      if (event?.type === 'CustomerImageChanged' && event.data.previous !== null) {
        const { sha256, thumbnailSha256 } = event.data.previous;
        await this.files.deleteUnreferencedQuietly([sha256, thumbnailSha256], result.position);
      }
      return outcome(result);
    } finally {
      await rm(thumbnailPath, { force: true });
    }
  }
}
