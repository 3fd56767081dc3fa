import { AttachmentAdded } from '@app/domain';
import { EventStore } from '@app/event-store';
import { customerFilesProjection } from '@app/read-models';
import {
  openTestReadModels,
  testDatabaseName,
  TestReadModels,
} from '../../../read-models/src/testing/test-read-models';
import { recordedStream } from '../../../read-models/src/testing/recorded-stream';
import { ProjectionProgress } from '../storage/projection-progress';
import { BlobStore } from './blob-store/blob-store';
import { CustomerFiles } from './customer-files';
import { UnreferencedBlobs } from './unreferenced-blobs';

const CUSTOMER = '0b6f4c1e-2a7d-4c53-9d55-1f0e8a3b7c21';
const ATTACHMENT = '5d1c2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const added: AttachmentAdded = {
  type: 'AttachmentAdded',
  data: {
    attachmentId: ATTACHMENT,
    customerId: CUSTOMER,
    fileName: 'contrato.pdf',
    contentType: 'application/pdf',
    size: 15,
    sha256: 'a'.repeat(64),
    description: null,
    email: null,
    uploadedBy: 'operator',
    uploadedAt: '2026-01-01T09:00:00.000Z',
  },
};

/**
 * On PostgreSQL the log's head (`headPosition`) shows only what every running transaction
 * can see: an event committed just now, while an older transaction is still open, is past
 * it. Finding an attachment uploaded a moment ago must wait for what is committed, or the
 * removal that follows the upload answers 404 (it did, in CI, on PostgreSQL).
 */
describe(`CustomerFiles.findAttachment waits for what is committed (${testDatabaseName})`, () => {
  let readModels: TestReadModels;
  const waitedFor: (bigint | undefined)[] = [];

  beforeAll(async () => {
    readModels = await openTestReadModels('customer_files_find');
  }, 60_000);
  afterAll(() => readModels?.close());

  /** Files on a log whose committed head (9) is past what it shows as safe to read (4). */
  function filesOnALogHidingItsHead(): CustomerFiles {
    const store = {
      headPosition: async () => 4n,
      lastCommittedPosition: async () => 9n,
    } as unknown as EventStore;
    // The projection catches up once asked to wait for the committed head, not before.
    const progress = {
      waitFor: async (position: bigint | undefined) => {
        waitedFor.push(position);
        if (position === undefined || position < 9n) return;
        const recorded = recordedStream(`customer-files-${CUSTOMER}`, [added], {
          firstPosition: 9,
        });
        await readModels.dataSource.transaction((manager) =>
          customerFilesProjection().applyBatch!(recorded, manager),
        );
      },
    } as unknown as ProjectionProgress;
    return new CustomerFiles(
      store,
      {} as BlobStore,
      readModels.dataSource,
      progress,
      {} as UnreferencedBlobs,
    );
  }

  it('an attachment not yet projected is found once the read models reach the committed head', async () => {
    const files = filesOnALogHidingItsHead();
    expect(await files.findAttachment(ATTACHMENT)).toMatchObject({
      id: ATTACHMENT,
      customerId: CUSTOMER,
    });
    expect(waitedFor).toEqual([9n]);
  });

  it('one already projected is answered without waiting; an unknown one is null', async () => {
    waitedFor.length = 0;
    const files = filesOnALogHidingItsHead();
    expect(await files.findAttachment(ATTACHMENT)).not.toBeNull();
    expect(waitedFor).toEqual([]);
    expect(await files.findAttachment('6e2d3f40-5b6c-4d7e-8f90-ab1c2d3e4f50')).toBeNull();
    expect(waitedFor).toEqual([9n]);
  });
});
