import { CustomerFact } from '../customer/customer.state';
import { CustomerRefusal } from '../customer/customer.errors';
import { assertNever, Decider } from '../shared/decider';
import { DomainError, RefusalReason, refuseIfAny } from '../shared/domain-error';
import { AddAttachment, AttachmentCommand, ChangeCustomerImage } from './attachment.commands';
import { AttachmentRefusal, attachmentNotFound } from './attachment.errors';
import { AttachmentEvent, StoredImage } from './attachment.events';
import { CustomerFilesState, INITIAL_CUSTOMER_FILES_STATE } from './attachment.state';
import {
  ATTACHMENT_CONTENT_TYPES,
  IMAGE_CONTENT_TYPES,
  isSha256,
  MAX_ATTACHMENT_DESCRIPTION_LENGTH,
  MAX_ATTACHMENT_FILE_NAME_LENGTH,
} from './attachment.values';

function evolve(state: CustomerFilesState, event: AttachmentEvent): CustomerFilesState {
  switch (event.type) {
    case 'AttachmentAdded':
      return {
        ...state,
        attachments: {
          ...state.attachments,
          [event.data.attachmentId]: { sha256: event.data.sha256 },
        },
      };
    case 'AttachmentRemoved': {
      const attachments = { ...state.attachments };
      delete attachments[event.data.attachmentId];
      return { ...state, attachments };
    }
    case 'CustomerImageChanged':
      return {
        ...state,
        image: { sha256: event.data.image.sha256, thumbnailSha256: event.data.thumbnail.sha256 },
      };
    default:
      return assertNever(event, 'attachment event');
  }
}

const invalid = (field: string, message: string): RefusalReason => ({
  code: AttachmentRefusal.invalidInput,
  field,
  message,
});

/** The customer must be on file: not unknown, deleted or erased (its files would be personal data). */
function refuseUnlessCustomerTakesFiles(customerId: string, customer: CustomerFact): void {
  if (customer.status === 'unregistered')
    throw new DomainError(CustomerRefusal.notFound, `No customer ${customerId}`);
  if (customer.status === 'deleted')
    throw new DomainError(CustomerRefusal.deleted, 'A deleted customer takes no files.');
  if (customer.status === 'erased')
    throw new DomainError(
      CustomerRefusal.erased,
      "The customer's personal data was erased: its file takes no new files.",
    );
}

function checkBlob(
  blob: { sha256: string; size: number; contentType: string },
  field: string,
  allowed: readonly string[],
  problems: RefusalReason[],
): void {
  if (!isSha256(blob.sha256)) problems.push(invalid(field, `${field}.sha256 must be a SHA-256.`));
  if (!Number.isInteger(blob.size) || blob.size <= 0)
    problems.push(invalid(field, `${field} is empty.`));
  if (!allowed.includes(blob.contentType))
    problems.push(invalid(field, `${field} of type ${blob.contentType} is not accepted.`));
}

function addAttachment({ data, metadata }: AddAttachment, state: CustomerFilesState) {
  refuseUnlessCustomerTakesFiles(data.customerId, data.customer);
  if (state.attachments[data.attachmentId] !== undefined)
    throw new DomainError(
      AttachmentRefusal.alreadyAdded,
      `Attachment ${data.attachmentId} is already on the customer's file.`,
    );
  const problems: RefusalReason[] = [];
  const fileName = data.fileName.trim();
  if (fileName === '') problems.push(invalid('file', 'The file needs a name.'));
  if (fileName.length > MAX_ATTACHMENT_FILE_NAME_LENGTH)
    problems.push(
      invalid('file', `The file name takes at most ${MAX_ATTACHMENT_FILE_NAME_LENGTH} characters.`),
    );
  const description = data.description?.trim() || null;
  if (description !== null && description.length > MAX_ATTACHMENT_DESCRIPTION_LENGTH)
    problems.push(
      invalid(
        'description',
        `The description takes at most ${MAX_ATTACHMENT_DESCRIPTION_LENGTH} characters.`,
      ),
    );
  checkBlob(data, 'file', ATTACHMENT_CONTENT_TYPES, problems);
  refuseIfAny(problems);
  return [
    {
      type: 'AttachmentAdded' as const,
      data: {
        attachmentId: data.attachmentId,
        customerId: data.customerId,
        fileName,
        contentType: data.contentType,
        size: data.size,
        sha256: data.sha256,
        description,
        email: data.email ?? null,
        uploadedBy: data.uploadedBy,
        uploadedAt: metadata.at,
      },
    },
  ];
}

function changeImage({ data, metadata }: ChangeCustomerImage, state: CustomerFilesState) {
  refuseUnlessCustomerTakesFiles(data.customerId, data.customer);
  const problems: RefusalReason[] = [];
  const pictures: [StoredImage, string][] = [
    [data.image, 'file'],
    [data.thumbnail, 'thumbnail'],
  ];
  for (const [picture, field] of pictures) {
    checkBlob(picture, field, IMAGE_CONTENT_TYPES, problems);
    if (!(picture.width > 0 && picture.height > 0))
      problems.push(invalid(field, `The ${field} has no pixels.`));
  }
  refuseIfAny(problems);
  return [
    {
      type: 'CustomerImageChanged' as const,
      data: {
        customerId: data.customerId,
        image: data.image,
        thumbnail: data.thumbnail,
        previous: state.image,
        changedBy: data.changedBy,
        changedAt: metadata.at,
      },
    },
  ];
}

function decide(command: AttachmentCommand, state: CustomerFilesState): AttachmentEvent[] {
  switch (command.type) {
    case 'AddAttachment':
      return addAttachment(command, state);
    case 'RemoveAttachment': {
      const { attachmentId, customerId, removedBy } = command.data;
      const attachment = state.attachments[attachmentId];
      if (attachment === undefined) throw attachmentNotFound(attachmentId);
      return [
        {
          type: 'AttachmentRemoved',
          data: {
            attachmentId,
            customerId,
            sha256: attachment.sha256,
            removedBy,
            removedAt: command.metadata.at,
          },
        },
      ];
    }
    case 'ChangeCustomerImage':
      return changeImage(command, state);
    default:
      return assertNever(command, 'attachment command');
  }
}

/** A customer's files and image (seeds 003 and 004) on `customer-files-<customerId>`. */
export const customerFilesDecider: Decider<AttachmentCommand, AttachmentEvent, CustomerFilesState> =
  {
    initialState: INITIAL_CUSTOMER_FILES_STATE,
    evolve,
    decide,
  };
