import { CustomerFact } from '../customer/customer.state';
import { DomainCommand } from '../shared/decider';
import { AttachedEmail, StoredImage } from './attachment.events';

/** A file already stored as a blob (checked by its magic bytes), to attach to the customer. */
export type AddAttachment = DomainCommand<
  'AddAttachment',
  {
    attachmentId: string;
    customerId: string;
    /** The customer's status, read from its stream. */
    customer: CustomerFact;
    fileName: string;
    contentType: string;
    size: number;
    sha256: string;
    description?: string | null;
    email?: AttachedEmail | null;
    uploadedBy: string;
  }
>;

export type RemoveAttachment = DomainCommand<
  'RemoveAttachment',
  { attachmentId: string; customerId: string; removedBy: string }
>;

export type ChangeCustomerImage = DomainCommand<
  'ChangeCustomerImage',
  {
    customerId: string;
    customer: CustomerFact;
    image: StoredImage;
    thumbnail: StoredImage;
    changedBy: string;
  }
>;

export type AttachmentCommand = AddAttachment | RemoveAttachment | ChangeCustomerImage;
export type AttachmentCommandType = AttachmentCommand['type'];
