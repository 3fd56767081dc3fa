import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { describeCents } from '../../values/money';
import { availableCreditCents, outstandingCents } from '../invoice.balance';
import { ApplyCreditIn, TransferCreditOut } from '../invoice.commands';
import { InvoiceRefusal } from '../invoice.errors';
import { CreditAppliedIn, CreditTransferredOut } from '../invoice.events';
import { IssuedInvoice } from '../invoice.state';
import { checkPositiveCents, requireText } from './invoice-inputs';
import { ofInvoice } from './of-invoice';

const alreadyMoved = (invoice: IssuedInvoice, transferId: string) =>
  invoice.creditTransfers.some((transfer) => transfer.transferId === transferId);

/** Rule 17: credit the invoice has available set against another invoice; never more. */
export function transferCreditOut(
  command: TransferCreditOut,
  invoice: IssuedInvoice,
): CreditTransferredOut[] {
  const { transferId, toInvoiceId, amountCents } = command.data;
  if (alreadyMoved(invoice, transferId)) return [];
  const problems: RefusalReason[] = [];
  requireText(transferId, 'transferId', 'Give the transfer an id.', problems);
  requireText(toInvoiceId, 'toInvoiceId', 'Name the invoice the credit goes to.', problems);
  checkPositiveCents(amountCents, 'amountCents', problems);
  refuseIfAny(problems);
  const available = availableCreditCents(invoice);
  if (amountCents > available)
    throw DomainError.fromReasons([
      {
        code: InvoiceRefusal.creditNotAvailable,
        field: 'amountCents',
        message: `Invoice ${invoice.formatted} has ${describeCents(available)} of credit available; ${describeCents(amountCents)} cannot be moved.`,
      },
    ]);
  const data = {
    ...ofInvoice(invoice),
    transferId,
    toInvoiceId,
    amountCents,
    transferredAt: command.metadata.at,
  };
  return [{ type: 'CreditTransferredOut', data }];
}

/** Rule 17: another invoice's credit pays part of this one, up to what it owes, same customer only. */
export function applyCreditIn(command: ApplyCreditIn, invoice: IssuedInvoice): CreditAppliedIn[] {
  const { transferId, fromInvoiceId, fromCustomerId, amountCents } = command.data;
  if (alreadyMoved(invoice, transferId)) return [];
  const problems: RefusalReason[] = [];
  requireText(transferId, 'transferId', 'Give the transfer an id.', problems);
  checkPositiveCents(amountCents, 'amountCents', problems);
  refuseIfAny(problems);
  if (fromCustomerId !== invoice.customerId)
    throw new DomainError(
      InvoiceRefusal.creditOfAnotherCustomer,
      `Invoice ${fromInvoiceId} belongs to another customer; credit moves only between one customer's invoices.`,
    );
  const owed = outstandingCents(invoice);
  if (amountCents > owed)
    throw DomainError.fromReasons([
      {
        code: InvoiceRefusal.overpayment,
        field: 'amountCents',
        message: `Only ${describeCents(owed)} is owed on invoice ${invoice.formatted}; ${describeCents(amountCents)} of credit would pay more.`,
      },
    ]);
  const data = {
    ...ofInvoice(invoice),
    transferId,
    fromInvoiceId,
    amountCents,
    appliedAt: command.metadata.at,
  };
  return [{ type: 'CreditAppliedIn', data }];
}
