import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import multer, { MulterError, StorageEngine } from 'multer';
import { UploadedFile } from '@app/application';

/** What a multipart upload carried: the file (on local disk, hashed) and the text fields. */
export interface ReceivedUpload {
  file: UploadedFile;
  fields: Record<string, string>;
}

type StoredInfo = Partial<Express.Multer.File> & { sha256?: string };

/**
 * A multer storage engine that streams the file to `<directory>/<uuid>` while hashing it:
 * never more than a chunk in memory. A file over the limit is removed as soon as busboy cuts
 * it off, so a refused upload leaves nothing on disk.
 */
class HashingDiskStorage implements StorageEngine {
  constructor(private readonly directory: string) {}

  _handleFile(
    _request: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: StoredInfo) => void,
  ): void {
    const path = join(this.directory, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    let cutOff = false;
    file.stream.on('limit', () => {
      cutOff = true;
    });
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, next) {
        hash.update(chunk);
        size += chunk.length;
        next(null, chunk);
      },
    });
    mkdir(this.directory, { recursive: true })
      .then(() => pipeline(file.stream, tap, createWriteStream(path, { flags: 'wx' })))
      .then(async () => {
        if (!cutOff) return callback(null, { path, size, sha256: hash.digest('hex') });
        await rm(path, { force: true });
        callback(new MulterError('LIMIT_FILE_SIZE', file.fieldname));
      })
      .catch(async (error: unknown) => {
        await rm(path, { force: true });
        callback(error);
      });
  }

  _removeFile(
    _request: Request,
    file: Express.Multer.File,
    callback: (error: Error | null) => void,
  ): void {
    if (!file.path) return callback(null);
    rm(file.path, { force: true }).then(
      () => callback(null),
      (error: Error) => callback(error),
    );
  }
}

/**
 * Receives one file (field `file`) and a few short text fields from a `multipart/form-data`
 * request, streamed to `directory`, at most `maxBytes`: over it, 413 with nothing kept.
 */
export async function receiveUpload(
  request: Request,
  response: Response,
  options: { directory: string; maxBytes: number },
): Promise<ReceivedUpload> {
  if (!request.is('multipart/form-data'))
    throw new BadRequestException({
      message: 'Send the file as multipart/form-data, in the field "file".',
      details: [{ field: 'file', problems: ['file must be sent as multipart/form-data'] }],
    });
  const upload = multer({
    storage: new HashingDiskStorage(options.directory),
    defParamCharset: 'utf8',
    limits: { fileSize: options.maxBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 12 },
  }).single('file');
  await new Promise<void>((resolve, reject) =>
    upload(request, response, (error: unknown) => (error ? reject(error) : resolve())),
  ).catch((error: unknown) => {
    throw uploadError(error, options.maxBytes);
  });
  const stored = request.file as (Express.Multer.File & { sha256?: string }) | undefined;
  if (!stored?.path || !stored.sha256)
    throw new BadRequestException({
      message: 'No file was sent: give it in the multipart field "file".',
      details: [{ field: 'file', problems: ['file is required'] }],
    });
  const fields = Object.fromEntries(
    Object.entries((request.body ?? {}) as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
  return {
    file: {
      path: stored.path,
      fileName: stored.originalname,
      size: stored.size,
      sha256: stored.sha256,
    },
    fields,
  };
}

function uploadError(error: unknown, maxBytes: number): Error {
  if (!(error instanceof MulterError)) return error as Error;
  if (error.code === 'LIMIT_FILE_SIZE')
    return new PayloadTooLargeException(
      `The file is larger than the ${maxBytes} bytes accepted (ATTACHMENT_MAX_BYTES).`,
    );
  return new BadRequestException({
    message: `Malformed upload: ${error.message} (${error.field ?? 'request'}). Send one file in the field "file" and an optional "description".`,
    details: [{ field: error.field ?? 'file', problems: [error.message] }],
  });
}
