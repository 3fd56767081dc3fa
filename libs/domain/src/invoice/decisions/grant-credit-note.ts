import { assertCreditable } from '../../billing/billing.credit-limit';
import { formatInvoiceNumber, rectifyingSeries } from '../../billing/billing.invoice-numbering';
import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { GrantCreditNote } from '../invoice.commands';
import { InvoiceRefusal } from '../invoice.errors';
import { CreditNoteGranted } from '../invoice.events';
import { IssuedInvoice } from '../invoice.state';
import {
  checkInstant,
  checkLines,
  collectRefusal,
  optionalText,
  requireText,
} from './invoice-inputs';
import { ofInvoice } from './of-invoice';

/**
 * A credit note on the invoice, numbered in its rectifying series (R8). A migration is
 * credited at most once (R10), and the credits never exceed the invoice's total (R9).
 */
export function grantCreditNote(
  command: GrantCreditNote,
  invoice: IssuedInvoice,
): CreditNoteGranted[] {
  const { creditNoteId, number, lines, totals } = command.data;
  const migrationId = optionalText(command.data.migrationId);
  refuseRepeats(invoice, creditNoteId, migrationId);
  const problems: RefusalReason[] = [];
  requireText(creditNoteId, 'creditNoteId', 'Give the credit note an id.', problems);
  const reason = requireText(
    command.data.reason,
    'reason',
    'Say why the invoice is credited; the credit note prints it.',
    problems,
  );
  const series = rectifyingSeries(invoice.series);
  const formatted = collectRefusal(() => formatInvoiceNumber(series, number), problems);
  checkLines(lines, totals, problems);
  const grantedAt = command.data.grantedAt ?? command.metadata.at;
  checkInstant(grantedAt, 'grantedAt', problems);
  refuseIfAny(problems);
  assertCreditable(
    invoice.totals.totalCents,
    invoice.creditNotes.map((note) => note.totals.totalCents),
    totals.totalCents,
  );
  const data = {
    ...ofInvoice(invoice),
    creditNoteId,
    series,
    number,
    formatted: formatted as string,
    rectifies: invoice.formatted,
    reason,
    lines,
    totals,
    grantedAt,
    migrationId,
  };
  return [{ type: 'CreditNoteGranted', data }];
}

function refuseRepeats(invoice: IssuedInvoice, creditNoteId: string, migrationId: string | null) {
  const credited = invoice.creditNotes.find(
    (note) => migrationId !== null && note.migrationId === migrationId,
  );
  if (credited)
    throw new DomainError(
      InvoiceRefusal.migrationAlreadyCredited,
      `Migration ${migrationId} was already credited on invoice ${invoice.formatted} by credit note ${credited.formatted}; a migration is credited at most once (rule R10).`,
    );
  const granted = invoice.creditNotes.find((note) => note.creditNoteId === creditNoteId);
  if (granted)
    throw new DomainError(
      InvoiceRefusal.creditNoteAlreadyGranted,
      `Credit note ${creditNoteId} was already granted as ${granted.formatted}; use a new id for another credit note.`,
    );
}
