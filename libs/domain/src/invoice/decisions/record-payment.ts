import { PAYMENT_METHODS } from '../../customer/customer.billing';
import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { describeCents } from '../../values/money';
import { outstandingCents } from '../invoice.balance';
import { RecordPayment } from '../invoice.commands';
import { InvoiceRefusal } from '../invoice.errors';
import { PaymentRecorded } from '../invoice.events';
import { IssuedInvoice } from '../invoice.state';
import { checkInstant, checkPositiveCents, invalid, requireText } from './invoice-inputs';
import { ofInvoice } from './of-invoice';

/** Money received for the invoice, in full or in part, never more than is owed. */
export function recordPayment(command: RecordPayment, invoice: IssuedInvoice): PaymentRecorded[] {
  const { paymentId, amountCents, method } = command.data;
  const recorded = invoice.payments.find((payment) => payment.paymentId === paymentId);
  if (recorded)
    throw new DomainError(
      InvoiceRefusal.paymentAlreadyRecorded,
      `Payment ${paymentId} of ${describeCents(recorded.amountCents)} was already recorded on ${recorded.paidAt}; use a new id for another payment.`,
    );
  const problems: RefusalReason[] = [];
  requireText(paymentId, 'paymentId', 'Give the payment an id.', problems);
  checkPositiveCents(amountCents, 'amountCents', problems);
  if (!PAYMENT_METHODS.includes(method))
    problems.push(
      invalid(
        'method',
        `Unknown payment method "${String(method)}"; use one of ${PAYMENT_METHODS.join(', ')}.`,
      ),
    );
  const paidAt = command.data.paidAt ?? command.metadata.at;
  checkInstant(paidAt, 'paidAt', problems);
  refuseIfAny(problems);
  const outstanding = outstandingCents(invoice);
  if (amountCents > outstanding)
    throw DomainError.fromReasons([
      {
        code: InvoiceRefusal.overpayment,
        field: 'amountCents',
        message: `A payment of ${describeCents(amountCents)} is more than the ${describeCents(outstanding)} still owed on invoice ${invoice.formatted}.`,
      },
    ]);
  return [
    {
      type: 'PaymentRecorded',
      data: { ...ofInvoice(invoice), paymentId, amountCents, method, paidAt },
    },
  ];
}
