import { EXAMPLE_AT } from '../../customer/testing/customer.personal-data.examples';
import { PersonalDataExamples } from '../../shared/personal-data';
import { AttachmentEvent } from '../attachment.events';
import { ATTACHMENT_PERSONAL_FIELDS } from '../attachment.personal-data';

/** An attachment whose name, description and e-mail quote the customer. */
export const ATTACHMENT_PERSONAL_DATA_EXAMPLES: PersonalDataExamples<
  AttachmentEvent,
  typeof ATTACHMENT_PERSONAL_FIELDS
> = {
  AttachmentAdded: (customerId) => ({
    attachmentId: '0b9d7a3e-5c1f-4e2a-8d6b-2f3e4a5b6c7d',
    customerId,
    fileName: 'Contrato firmado Ana Pérez.pdf',
    contentType: 'application/pdf',
    size: 1234,
    sha256: 'a'.repeat(64),
    description: 'DNI de Ana Pérez escaneado',
    email: { subject: 'Baja de Ana Pérez', from: 'ana.perez@example.com' },
    uploadedBy: 'clear-operator-marta',
    uploadedAt: EXAMPLE_AT,
  }),
};
