import {
  BadRequestException,
  Controller,
  Delete,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Req,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { v4 as uuid } from 'uuid';
import {
  AddAttachmentCommand,
  APP_CONFIG,
  AppConfig,
  ChangeCustomerImageCommand,
  CommandContext,
  CommandOutcome,
  FILES_DIRECTORY,
  RemoveAttachmentCommand,
  UnsupportedFileError,
} from '@app/application';
import { CommandEndpoint } from '../auth/access.decorator';
import { Context } from '../infrastructure/commands/command-context';
import { invalidInput, textProblem } from '../http/request-input';
import { ATTACHMENT_UPLOAD_SCHEMA, IMAGE_UPLOAD_SCHEMA } from './attachment.responses';
import { ReceivedUpload, receiveUpload } from './multipart-upload';

/**
 * Seeds 003 ("Archivos") and 004 (the customer's image): files uploaded as multipart, streamed
 * to disk (never whole in memory), typed by their bytes, stored as blobs; the log keeps only
 * their metadata. A refused upload (415 type, 413 size, 400 form, 404/422 customer) writes
 * nothing: no event, no blob, no temporary file.
 */
@ApiTags('attachments')
@ApiBearerAuth()
@Controller()
export class AttachmentsController {
  private readonly uploads: string;

  constructor(
    private readonly bus: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FILES_DIRECTORY) filesDirectory: string,
  ) {
    this.uploads = join(filesDirectory, 'uploads');
  }

  @Post('customers/:id/attachments')
  @CommandEndpoint()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: ATTACHMENT_UPLOAD_SCHEMA })
  @ApiOperation({
    summary:
      'Attach a file (PDF, picture, office document, text/CSV, e-mail .eml) to the customer; answers the attachment id as id. 415 for a type not accepted, 413 over ATTACHMENT_MAX_BYTES',
  })
  @ApiCreatedResponse({ type: CommandOutcome })
  attach(
    @Param('id', ParseUUIDPipe) customerId: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.withUpload(request, response, (upload) => {
      const description = upload.fields.description ?? null;
      checkText('description', description);
      return this.bus.execute(
        new AddAttachmentCommand(uuid(), customerId, upload.file, description, context),
      );
    });
  }

  @Delete('attachments/:id')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({
    summary:
      "Take the attachment off the customer's file; its bytes go once no other attachment has the same",
  })
  @ApiOkResponse({ type: CommandOutcome })
  remove(
    @Param('id', ParseUUIDPipe) id: string,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new RemoveAttachmentCommand(id, context));
  }

  @Put('customers/:id/image')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: IMAGE_UPLOAD_SCHEMA })
  @ApiOperation({
    summary:
      "Set or replace the customer's image (PNG, JPEG, GIF, WebP); a 256 px wide WebP thumbnail is made",
  })
  @ApiOkResponse({ type: CommandOutcome })
  changeImage(
    @Param('id', ParseUUIDPipe) customerId: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.withUpload(request, response, (upload) =>
      this.bus.execute(new ChangeCustomerImageCommand(customerId, upload.file, context)),
    );
  }

  /** Receives the upload, runs `use`, and removes the temporary file whatever happened. */
  private async withUpload<T>(
    request: Request,
    response: Response,
    use: (upload: ReceivedUpload) => Promise<T>,
  ): Promise<T> {
    const upload = await receiveUpload(request, response, {
      directory: this.uploads,
      maxBytes: this.config.ATTACHMENT_MAX_BYTES,
    });
    try {
      checkText('file', upload.file.fileName);
      return await use(upload);
    } catch (error) {
      if (error instanceof UnsupportedFileError)
        throw new UnsupportedMediaTypeException(error.message);
      throw error;
    } finally {
      await rm(upload.file.path, { force: true });
    }
  }
}

function checkText(field: string, value: string | null): void {
  if (value === null) return;
  const problem = textProblem(value);
  if (problem) throw invalidInput({ field, problem });
  if (field === 'file' && value.trim() === '')
    throw new BadRequestException({
      message: 'The file needs a name.',
      details: [{ field, problems: ['file name is required'] }],
    });
}
