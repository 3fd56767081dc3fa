import { given } from '../shared/testing/decider-specification';
import { AddAttachment, ChangeCustomerImage } from './attachment.commands';
import { customerFilesDecider } from './attachment.decider';
import { AttachmentAdded } from './attachment.events';

const files = given(customerFilesDecider);
const CUSTOMER = 'cus-1';
const AT = '2026-03-01T10:00:00.000Z';
const SHA = 'ab'.repeat(32);

const add = (data: Partial<AddAttachment['data']> = {}): AddAttachment => ({
  type: 'AddAttachment',
  data: {
    attachmentId: 'att-1',
    customerId: CUSTOMER,
    customer: { status: 'active' },
    fileName: ' Contrato firmado ñ.pdf ',
    contentType: 'application/pdf',
    size: 2048,
    sha256: SHA,
    description: '  signed contract ',
    uploadedBy: 'marta',
    ...data,
  },
  metadata: { at: AT },
});

const added = (data: Partial<AttachmentAdded['data']> = {}): AttachmentAdded => ({
  type: 'AttachmentAdded',
  data: {
    attachmentId: 'att-1',
    customerId: CUSTOMER,
    fileName: 'Contrato firmado ñ.pdf',
    contentType: 'application/pdf',
    size: 2048,
    sha256: SHA,
    description: 'signed contract',
    email: null,
    uploadedBy: 'marta',
    uploadedAt: AT,
    ...data,
  },
});

const picture = (sha256: string, width: number) => ({
  sha256,
  contentType: 'image/webp',
  size: 100,
  width,
  height: width,
});

const changeImage = (sha256: string): ChangeCustomerImage => ({
  type: 'ChangeCustomerImage',
  data: {
    customerId: CUSTOMER,
    customer: { status: 'active' },
    image: picture(sha256, 1024),
    thumbnail: picture(sha256.replace(/./, 'f'), 256),
    changedBy: 'marta',
  },
  metadata: { at: AT },
});

describe("The customer's files (seed 003) and image (seed 004)", () => {
  describe('attaching a file', () => {
    it('records its name, type, size, hash and description, trimmed', () => {
      files([]).when(add()).then([added()]);
    });

    it('refuses a customer not on file (unknown, deleted, erased)', () => {
      files([])
        .when(add({ customer: { status: 'unregistered' } }))
        .thenRefuses('CUSTOMER.NOT_FOUND');
      files([])
        .when(add({ customer: { status: 'deleted' } }))
        .thenRefuses('CUSTOMER.DELETED');
      files([])
        .when(add({ customer: { status: 'erased' } }))
        .thenRefuses('CUSTOMER.ERASED');
    });

    it('refuses a type not accepted, an empty file, a blank name, a bad hash', () => {
      files([])
        .when(add({ contentType: 'application/x-msdownload', size: 0, fileName: ' ', sha256: 'x' }))
        .thenRefuses('ATTACHMENT.INVALID_INPUT');
    });

    it('refuses the same attachment id twice', () => {
      files([added()]).when(add()).thenRefuses('ATTACHMENT.ALREADY_ADDED');
    });
  });

  describe('removing a file', () => {
    it("records the removal with the blob's hash", () => {
      files([added()])
        .when({
          type: 'RemoveAttachment',
          data: { attachmentId: 'att-1', customerId: CUSTOMER, removedBy: 'marta' },
          metadata: { at: AT },
        })
        .then([
          {
            type: 'AttachmentRemoved',
            data: {
              attachmentId: 'att-1',
              customerId: CUSTOMER,
              sha256: SHA,
              removedBy: 'marta',
              removedAt: AT,
            },
          },
        ]);
    });

    it('refuses one not on file (never added, or removed already)', () => {
      const remove = {
        type: 'RemoveAttachment' as const,
        data: { attachmentId: 'att-1', customerId: CUSTOMER, removedBy: 'marta' },
        metadata: { at: AT },
      };
      files([]).when(remove).thenRefuses('ATTACHMENT.NOT_FOUND');
      files([
        added(),
        { type: 'AttachmentRemoved', data: { ...remove.data, sha256: SHA, removedAt: AT } },
      ])
        .when(remove)
        .thenRefuses('ATTACHMENT.NOT_FOUND');
    });
  });

  describe("changing the customer's image", () => {
    it('names the image it replaces, so its blobs can go', () => {
      const first = customerFilesDecider.decide(changeImage('1'.repeat(64)), {
        attachments: {},
        image: null,
      });
      expect(first[0].type === 'CustomerImageChanged' && first[0].data.previous).toBeNull();
      files(first)
        .when(changeImage('2'.repeat(64)))
        .then([
          {
            type: 'CustomerImageChanged',
            data: {
              ...changeImage('2'.repeat(64)).data,
              customer: undefined,
              previous: { sha256: '1'.repeat(64), thumbnailSha256: 'f' + '1'.repeat(63) },
              changedAt: AT,
            } as never,
          },
        ]);
    });

    it('refuses a picture type not shown by browsers', () => {
      const command = changeImage('3'.repeat(64));
      files([])
        .when({
          ...command,
          data: {
            ...command.data,
            image: { ...command.data.image, contentType: 'application/pdf' },
          },
        })
        .thenRefuses('ATTACHMENT.INVALID_INPUT');
    });
  });
});
