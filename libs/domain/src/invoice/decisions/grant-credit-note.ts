import { assertCreditable } from '../../billing/billing.credit-limit';
import { formatInvoiceNumber, rectifyingSeries } from '../../billing/billing.invoice-numbering';
import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { DraftCreditNote, GrantCreditNote, GrantDraftCreditNote } from '../invoice.commands';
import { InvoiceRefusal } from '../invoice.errors';
import { CreditNoteDrafted, CreditNoteGranted } from '../invoice.events';
import { IssuedInvoice } from '../invoice.state';
import {
  checkInstant,
  checkLines,
  collectRefusal,
  optionalText,
  requireText,
} from './invoice-inputs';
import { ofInvoice } from './of-invoice';

type CreditNoteContent = Omit<CreditNoteGranted['data'], 'number' | 'formatted' | 'rectifies'>;

/**
 * A credit note on the invoice, numbered in its rectifying series (R8). A migration is
 * credited at most once (R10), and the credits never exceed the invoice's total (R9).
 */
export function grantCreditNote(
  command: GrantCreditNote,
  invoice: IssuedInvoice,
): CreditNoteGranted[] {
  const problems: RefusalReason[] = [];
  const content = checkedCreditNote(command, invoice, problems);
  const formatted = collectRefusal(
    () => formatInvoiceNumber(content.series, command.data.number),
    problems,
  );
  refuseIfAny(problems);
  assertWithinInvoice(invoice, content.totals.totalCents);
  const data = {
    ...content,
    number: command.data.number,
    formatted: formatted as string,
    rectifies: invoice.formatted,
  };
  return [{ type: 'CreditNoteGranted', data }];
}

/**
 * A credit note's first step: checked as `grantCreditNote` checks it and counted against
 * what is left to credit (R9), so that granting it under its number cannot be refused.
 */
export function draftCreditNote(
  command: DraftCreditNote,
  invoice: IssuedInvoice,
): CreditNoteDrafted[] {
  const problems: RefusalReason[] = [];
  const content = checkedCreditNote(command, invoice, problems);
  refuseIfAny(problems);
  assertWithinInvoice(invoice, content.totals.totalCents);
  return [{ type: 'CreditNoteDrafted', data: content }];
}

/** Grants the draft under its number; granting it again under the same number does nothing. */
export function grantDraftCreditNote(
  command: GrantDraftCreditNote,
  invoice: IssuedInvoice,
): CreditNoteGranted[] {
  const { creditNoteId, number, issueDate } = command.data;
  const granted = invoice.creditNotes.find((note) => note.creditNoteId === creditNoteId);
  if (granted?.number === number) return [];
  if (granted) throw alreadyGranted(creditNoteId, granted.formatted);
  const draft = invoice.draftCreditNotes.find((note) => note.creditNoteId === creditNoteId);
  if (!draft)
    throw new DomainError(
      InvoiceRefusal.creditNoteNotFound,
      `Invoice ${invoice.formatted} has no drafted credit note ${creditNoteId} to grant.`,
    );
  const formatted = formatInvoiceNumber(draft.series, number);
  const data = {
    ...ofInvoice(invoice),
    ...draft,
    number,
    formatted,
    rectifies: invoice.formatted,
    ...(issueDate === undefined ? {} : { issueDate }),
  };
  return [{ type: 'CreditNoteGranted', data }];
}

function checkedCreditNote(
  command: GrantCreditNote | DraftCreditNote,
  invoice: IssuedInvoice,
  problems: RefusalReason[],
): CreditNoteContent {
  const { creditNoteId, lines, totals } = command.data;
  const migrationId = optionalText(command.data.migrationId);
  refuseRepeats(invoice, creditNoteId, migrationId);
  requireText(creditNoteId, 'creditNoteId', 'Give the credit note an id.', problems);
  const reason = requireText(
    command.data.reason,
    'reason',
    'Say why the invoice is credited; the credit note prints it.',
    problems,
  );
  const series = rectifyingSeries(invoice.series);
  checkLines(lines, totals, problems);
  const grantedAt = command.data.grantedAt ?? command.metadata.at;
  checkInstant(grantedAt, 'grantedAt', problems);
  return {
    ...ofInvoice(invoice),
    creditNoteId,
    series,
    reason,
    lines,
    totals,
    grantedAt,
    migrationId,
  };
}

/** R9: granted and drafted credit notes together never exceed the invoice's total. */
function assertWithinInvoice(invoice: IssuedInvoice, creditCents: number): void {
  assertCreditable(
    invoice.totals.totalCents,
    [...invoice.creditNotes, ...invoice.draftCreditNotes].map((note) => note.totals.totalCents),
    creditCents,
  );
}

const alreadyGranted = (creditNoteId: string, formatted: string) =>
  new DomainError(
    InvoiceRefusal.creditNoteAlreadyGranted,
    `Credit note ${creditNoteId} was already granted as ${formatted}; use a new id for another credit note.`,
  );

function refuseRepeats(invoice: IssuedInvoice, creditNoteId: string, migrationId: string | null) {
  const notes = [...invoice.creditNotes, ...invoice.draftCreditNotes];
  const credited = notes.find((note) => migrationId !== null && note.migrationId === migrationId);
  if (credited)
    throw new DomainError(
      InvoiceRefusal.migrationAlreadyCredited,
      `Migration ${migrationId} was already credited on invoice ${invoice.formatted} by credit note ${'formatted' in credited ? credited.formatted : credited.creditNoteId}; a migration is credited at most once (rule R10).`,
    );
  const granted = invoice.creditNotes.find((note) => note.creditNoteId === creditNoteId);
  if (granted) throw alreadyGranted(creditNoteId, granted.formatted);
  if (invoice.draftCreditNotes.some((note) => note.creditNoteId === creditNoteId))
    throw new DomainError(
      InvoiceRefusal.creditNoteAlreadyGranted,
      `Credit note ${creditNoteId} is already drafted on invoice ${invoice.formatted}; use a new id for another credit note.`,
    );
}
