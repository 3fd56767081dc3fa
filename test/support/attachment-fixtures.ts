import { TestingModuleBuilder } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  startS3rver,
  S3rverHandle,
} from '../../libs/application/src/attachments/blob-store/testing/s3rver';
import { startTestApp, TestApp } from './test-app';

/** The blob stores the attachment suites run on: `[title, on S3]`. */
export const BLOB_STORES: [string, boolean][] = [
  ['the folder under DATA_DIR', false],
  ['an S3 bucket (s3rver)', true],
];

/** A small PDF (by its bytes), random inside: two calls never give the same blob. */
export const pdf = (body: Buffer = randomBytes(4000)) =>
  Buffer.concat([
    Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
    body,
    Buffer.from('\n%%EOF\n'),
  ]);

/** The response body as bytes, whatever its type. */
export const binary = (req: request.Test) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

/** The app with its blobs in the folder store or in an s3rver of its own; `close` stops both. */
export async function startFilesTestApp(
  onS3: boolean,
  overrides: Record<string, string>,
  customize?: (builder: TestingModuleBuilder) => TestingModuleBuilder,
): Promise<TestApp> {
  let s3: S3rverHandle | undefined;
  let s3Directory = '';
  const settings = { ...overrides };
  if (onS3) {
    s3Directory = await mkdtemp(join(tmpdir(), 's3rver-e2e-'));
    s3 = await startS3rver(s3Directory, 'billing-files');
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: s3.env.AWS_ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: s3.env.AWS_SECRET_ACCESS_KEY,
    });
    const { AWS_ACCESS_KEY_ID: _id, AWS_SECRET_ACCESS_KEY: _secret, ...s3Settings } = s3.env;
    Object.assign(settings, s3Settings);
  }
  const testApp = await startTestApp(settings, customize);
  return {
    ...testApp,
    async close() {
      await testApp.close();
      await s3?.close();
      if (s3Directory) await rm(s3Directory, { recursive: true, force: true });
    },
  };
}
