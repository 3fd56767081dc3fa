import { EXAMPLE_AT } from '../../customer/testing/customer.personal-data.examples';
import { PersonalDataExamples } from '../../shared/personal-data';
import { SendEvent } from '../send.events';
import { SEND_PERSONAL_FIELDS } from '../send.personal-data';

const MESSAGE_ID = '00000000-0000-4000-8000-0000000000aa';

/** One example of every send event type that seals something (see the customer's examples). */
export const SEND_PERSONAL_DATA_EXAMPLES: PersonalDataExamples<
  SendEvent,
  typeof SEND_PERSONAL_FIELDS
> = {
  MessageQueued: (customerId) => ({
    messageId: MESSAGE_ID,
    customerId,
    channel: 'email',
    recipient: 'destinataria.envio@example.com',
    template: 'invoice-issued',
    params: { invoiceId: 'clear-invoice', number: 'clear-F-1' },
    idempotencyKey: 'clear-invoice-issued',
    source: { eventId: 'clear-event', type: 'clear-InvoiceIssued', stream: 'clear-stream' },
    queuedAt: EXAMPLE_AT,
  }),
  MessageDeliveryAttemptFailed: (customerId) => ({
    messageId: MESSAGE_ID,
    customerId,
    attempt: 1,
    error: '550 <rechazada.envio@example.com>: mailbox unavailable',
    failedAt: EXAMPLE_AT,
    nextAttemptAt: EXAMPLE_AT,
  }),
  MessageFailed: (customerId) => ({
    messageId: MESSAGE_ID,
    customerId,
    attempts: 5,
    error: '550 <abandonada.envio@example.com>: mailbox unavailable',
    failedAt: EXAMPLE_AT,
  }),
};
