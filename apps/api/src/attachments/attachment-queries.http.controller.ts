import {
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { BLOB_STORE, BlobStore, READ_MODELS } from '@app/application';
import {
  attachmentById,
  AttachmentView,
  customerAttachments,
  customerImageOf,
  findCustomerFile,
  Page,
} from '@app/read-models';
import { QueryEndpoint } from '../auth/access.decorator';
import { PagingDto } from '../customers/queries/customer-list.query.dto';
import { AttachmentPageResponse, AttachmentResponse } from './attachment.responses';
import { contentDisposition } from './content-disposition';

/** The customer's files tab, the download of one file, and the customer's image. */
@ApiTags('attachments')
@ApiBearerAuth()
@Controller()
export class AttachmentQueriesController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  @Get('customers/:id/attachments')
  @QueryEndpoint()
  @ApiOperation({
    summary:
      "The customer's attachments, newest first, paged (an e-mail shows its subject and sender)",
  })
  @ApiOkResponse({ type: AttachmentPageResponse })
  async ofCustomer(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() paging: PagingDto,
  ): Promise<Page<AttachmentView>> {
    if (!(await findCustomerFile(this.readModels, id)))
      throw new NotFoundException(`No customer ${id}`);
    return customerAttachments(this.readModels, id, paging);
  }

  @Get('attachments/:id/metadata')
  @QueryEndpoint()
  @ApiOperation({ summary: 'One attachment: name, type, size, hash, description, who and when' })
  @ApiOkResponse({ type: AttachmentResponse })
  async metadata(@Param('id', ParseUUIDPipe) id: string): Promise<AttachmentView> {
    const attachment = await attachmentById(this.readModels, id);
    if (!attachment) throw new NotFoundException(`No attachment ${id}`);
    return attachment;
  }

  @Get('attachments/:id')
  @QueryEndpoint()
  @ApiProduces('application/octet-stream')
  @ApiOperation({
    summary:
      'Download the file, with its type and its name (Content-Disposition, RFC 5987 for accents)',
  })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async download(@Param('id', ParseUUIDPipe) id: string, @Res() response: Response) {
    const attachment = await attachmentById(this.readModels, id);
    if (!attachment) throw new NotFoundException(`No attachment ${id}`);
    const bytes = await this.openBlob(attachment.sha256, `attachment ${id}`);
    response.setHeader('Content-Disposition', contentDisposition(attachment.fileName));
    await send(response, bytes, attachment.contentType, attachment.size, attachment.sha256);
  }

  @Get('customers/:id/image')
  @QueryEndpoint()
  @ApiProduces('image/png', 'image/jpeg', 'image/gif', 'image/webp')
  @ApiOperation({ summary: "The customer's image as uploaded" })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async image(@Param('id', ParseUUIDPipe) id: string, @Res() response: Response) {
    const image = await customerImageOf(this.readModels, id);
    if (!image) throw new NotFoundException(`Customer ${id} has no image`);
    const bytes = await this.openBlob(image.sha256, `the image of customer ${id}`);
    await send(response, bytes, image.contentType, image.size, image.sha256);
  }

  @Get('customers/:id/image/thumbnail')
  @QueryEndpoint()
  @ApiProduces('image/webp')
  @ApiOperation({ summary: "The customer's image, 256 pixels wide (WebP)" })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async thumbnail(@Param('id', ParseUUIDPipe) id: string, @Res() response: Response) {
    const image = await customerImageOf(this.readModels, id);
    if (!image) throw new NotFoundException(`Customer ${id} has no image`);
    const bytes = await this.openBlob(image.thumbnailSha256, `the thumbnail of customer ${id}`);
    await send(
      response,
      bytes,
      image.thumbnailContentType,
      image.thumbnailSize,
      image.thumbnailSha256,
    );
  }

  private async openBlob(sha256: string, what: string): Promise<Readable> {
    const bytes = await this.blobs.get(sha256);
    if (bytes === null) throw new NotFoundException(`The bytes of ${what} are no longer stored`);
    return bytes;
  }
}

async function send(
  response: Response,
  bytes: Readable,
  contentType: string,
  size: number,
  sha256: string,
): Promise<void> {
  response.status(200);
  response.setHeader('Content-Type', contentType);
  response.setHeader('Content-Length', String(size));
  response.setHeader('ETag', `"${sha256}"`);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Cache-Control', 'private, no-cache');
  await pipeline(bytes, response);
}
