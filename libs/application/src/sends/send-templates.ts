import { QueuedMessage, sendSubjectOf } from '@app/domain';
import { MessageAttachment, OutgoingMessage } from './outgoing-message';
import { SendSecrets } from './send-secrets';

/** What rendering reads besides the message: the invoice's PDF and the secrets held. */
export interface SendRenderingSources {
  /** The invoice as a PDF, or null while the invoices read model has not caught up with it. */
  invoicePdf(invoiceId: string): Promise<MessageAttachment | null>;
  secrets: SendSecrets;
}

/** The message cannot be rendered yet (its invoice is not in the read model): try later. */
export class MessageNotReadyError extends Error {
  override readonly name = 'MessageNotReadyError';
}

const SIGNATURE = '\n\nUn saludo,\nAtención al cliente';

const DUNNING_TEXTS: Record<string, (p: Record<string, string>) => string> = {
  reminder: (p) =>
    `Le recordamos que tiene un importe pendiente de pago de ${p.owed} € (${p.daysOverdue} días de retraso). Si ya lo ha abonado, ignore este mensaje.`,
  warning: (p) =>
    `Su deuda de ${p.owed} € lleva ${p.daysOverdue} días vencida. De no abonarse, el servicio podrá suspenderse.`,
  suspend: (p) =>
    `Su servicio ha sido suspendido por una deuda de ${p.owed} €. Se reanudará en cuanto se reciba el pago.`,
  cancel: (p) => `Su servicio ha sido dado de baja por una deuda de ${p.owed} € no abonada.`,
};

/** The message as the customer receives it (Spanish), read at delivery from its template. */
export async function renderMessage(
  message: QueuedMessage,
  sources: SendRenderingSources,
): Promise<OutgoingMessage> {
  const { params } = message;
  const base = {
    messageId: message.messageId,
    idempotencyKey: message.idempotencyKey,
    channel: message.channel,
    to: message.recipient,
    subject: sendSubjectOf(message.template, params),
  };
  switch (message.template) {
    case 'invoice-issued': {
      const pdf = await sources.invoicePdf(params.invoiceId);
      if (pdf === null)
        throw new MessageNotReadyError(`invoice ${params.invoiceId} is not in the read model yet`);
      return {
        ...base,
        text: `Estimado cliente:\n\nLe enviamos adjunta su factura ${params.number}, por un total de ${params.total} €, con vencimiento el ${params.dueDate}.${SIGNATURE}`,
        attachments: [pdf],
      };
    }
    case 'payment-receipt':
      return {
        ...base,
        text: `Estimado cliente:\n\nHemos recibido su pago de ${params.amount} € el ${params.paidAt}. Gracias.${SIGNATURE}`,
        attachments: [],
      };
    case 'dunning-step': {
      const text = (DUNNING_TEXTS[params.step] ?? DUNNING_TEXTS.reminder)(params);
      return {
        ...base,
        text: message.channel === 'sms' ? text : `Estimado cliente:\n\n${text}${SIGNATURE}`,
        attachments: [],
      };
    }
    case 'portal-password': {
      const secret = await sources.secrets.read(params.secretKey);
      return {
        ...base,
        text: `Estimado cliente:\n\nSu nueva contraseña del portal de clientes es: ${secret.password}\n\nEntre con ella y con esta dirección de correo electrónico; si no la pidió, avísenos.${SIGNATURE}`,
        attachments: [],
      };
    }
  }
}
