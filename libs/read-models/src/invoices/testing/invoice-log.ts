import {
  BillingLine,
  InvoiceCommand,
  InvoiceCommandType,
  invoiceDecider,
  invoiceStream,
  IssueInvoice,
  totalsOf,
  withVat,
} from '@app/domain';
import { RecordedEvent } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { CustomerLog, IBAN, RunOptions } from '../../customers/testing/customer-log';

type InvoiceDataOf<T extends InvoiceCommandType> = Extract<InvoiceCommand, { type: T }>['data'];

/*
 * Invoice commands on a `CustomerLog`: decided by the real invoice decider on the invoice's
 * stream and appended to the same log, so projection specs read production-shaped events.
 */

export function runInvoice<T extends InvoiceCommandType>(
  log: CustomerLog,
  type: T,
  data: InvoiceDataOf<T>,
  options?: RunOptions,
): Promise<RecordedEvent[]> {
  const command = { type, data } as Pick<InvoiceCommand, 'type' | 'data'>;
  return log.decideOn(invoiceDecider, invoiceStream(data.invoiceId), command, options);
}

/** A March line of `amountCents` net with 21 % VAT. */
export const marchLine = (amountCents: number, description = 'Fibra 300'): BillingLine =>
  withVat(
    {
      subscriptionId: 'sub-fibre',
      kind: 'tariff',
      description,
      period: { from: '2025-03-01', to: '2025-04-01' },
      days: 31,
      daysInPeriod: 31,
      amountCents,
    },
    21,
  );

/** Fibre at 30.00 and a router at 5.00, 21 % VAT: 42.35 EUR. */
export const MARCH_LINES = [marchLine(3000), marchLine(500, 'Router rental')];
export const MARCH_TOTAL = 4235;
export const ISSUE_DATE = '2025-03-01';
export const DUE_DATE = '2025-03-15';

let nextNumber = 1;

/**
 * Issues a March invoice to the customer (direct debit on `IBAN`, due `DUE_DATE`) and returns
 * its id. Numbers are consecutive in series F2025 across the spec file.
 */
export async function issueInvoice(
  log: CustomerLog,
  customerId: string,
  input: Partial<IssueInvoice['data']> = {},
  options?: RunOptions,
): Promise<string> {
  const invoiceId = input.invoiceId ?? randomUUID();
  const lines = input.lines ?? MARCH_LINES;
  await runInvoice(
    log,
    'IssueInvoice',
    {
      invoiceId,
      series: 'F2025',
      number: nextNumber++,
      customerId,
      contractId: randomUUID(),
      billingPeriod: { from: '2025-03-01', to: '2025-04-01' },
      cyclePeriod: '2025-03',
      customer: {
        legalName: 'Ana García López',
        taxId: '12345678Z',
        address: {
          street: 'Calle Mayor 1',
          city: 'Madrid',
          neighbourhood: null,
          province: 'Madrid',
          postalCode: '28013',
          country: 'ES',
        },
      },
      iban: IBAN,
      paymentMethod: 'direct_debit',
      lines,
      totals: totalsOf(lines),
      issueDate: ISSUE_DATE,
      dueDate: DUE_DATE,
      ...input,
    },
    options,
  );
  return invoiceId;
}

/** A credit note of `amountCents` net (21 % VAT on top), rectifying number `number`. */
export function grantCreditNote(
  log: CustomerLog,
  invoiceId: string,
  amountCents: number,
  number: number,
  input: Partial<InvoiceDataOf<'GrantCreditNote'>> = {},
) {
  const lines = [marchLine(amountCents, 'Correction')];
  return runInvoice(log, 'GrantCreditNote', {
    invoiceId,
    creditNoteId: randomUUID(),
    number,
    reason: 'Service outage',
    lines,
    totals: totalsOf(lines),
    grantedAt: '2025-03-05T10:00:00.000Z',
    ...input,
  });
}

export const recordPayment = (
  log: CustomerLog,
  invoiceId: string,
  amountCents: number,
  paidAt = '2025-03-10T09:00:00.000Z',
) =>
  runInvoice(log, 'RecordPayment', {
    invoiceId,
    paymentId: randomUUID(),
    amountCents,
    method: 'transfer',
    paidAt,
  });
