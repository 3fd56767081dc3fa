import { maskIban, PainVersion } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { InvoiceRow } from '../invoices/invoice.entity';
import { PendingEffectRow } from '../invoices/account-statement.entity';
import { RemittanceRow } from './remittance.entity';
import { CustomerSubscriptionRow } from '../contracts/customer-subscription.entity';

type Source = DataSource | EntityManager;
const managerOf = (source: Source): EntityManager =>
  source instanceof DataSource ? source.manager : source;

/** A remittance as the list shows it. */
export interface RemittanceSummaryView {
  id: string;
  issuerId: string;
  collectionDate: string;
  dueUntil: string;
  painVersion: PainVersion;
  messageId: string;
  createdAt: string;
  effects: number;
  totalCents: number;
  excluded: number;
  firstCollections: number;
  recurringCollections: number;
}

export interface RemittanceTransactionView {
  invoiceId: string;
  invoiceNumber: string;
  effectId: string;
  customerId: string;
  contractId: string;
  endToEndId: string;
  amountCents: number;
  dueDate: string;
  mandateReference: string;
  mandateSignedOn: string;
  sequenceType: 'FRST' | 'RCUR';
  debtorName: string;
  maskedIban: string;
}

/** `GET /collections/remittances/:id`: the remittance with its transactions, IBANs masked. */
export interface RemittanceDetailView extends RemittanceSummaryView {
  creditor: { name: string; creditorId: string; maskedIban: string };
  transactions: RemittanceTransactionView[];
  excludedEffects: RemittanceRow['excluded'];
}

const summaryOf = (row: RemittanceRow): RemittanceSummaryView => ({
  id: row.id,
  issuerId: row.issuerId,
  collectionDate: row.collectionDate,
  dueUntil: row.dueUntil,
  painVersion: row.painVersion,
  messageId: row.messageId,
  createdAt: row.createdAt,
  effects: row.effects,
  totalCents: row.totalCents,
  excluded: row.excluded.length,
  firstCollections: row.transactions.filter((t) => t.sequenceType === 'FRST').length,
  recurringCollections: row.transactions.filter((t) => t.sequenceType === 'RCUR').length,
});

/** `GET /collections/remittances`: newest collection date first, paged. */
export async function listRemittances(
  source: Source,
  paging: { page: number; pageSize: number },
): Promise<{ items: RemittanceSummaryView[]; total: number; page: number; pageSize: number }> {
  const [rows, total] = await managerOf(source)
    .getRepository(RemittanceRow)
    .findAndCount({
      order: { collectionDate: 'DESC', createdAt: 'DESC', id: 'ASC' },
      skip: (paging.page - 1) * paging.pageSize,
      take: paging.pageSize,
    });
  return { items: rows.map(summaryOf), total, page: paging.page, pageSize: paging.pageSize };
}

export async function remittanceDetail(
  source: Source,
  remittanceId: string,
): Promise<RemittanceDetailView | null> {
  const row = await managerOf(source).getRepository(RemittanceRow).findOneBy({ id: remittanceId });
  if (row === null) return null;
  return {
    ...summaryOf(row),
    creditor: {
      name: row.creditor.name,
      creditorId: row.creditor.creditorId,
      maskedIban: maskIban(row.creditor.iban),
    },
    transactions: row.transactions.map(({ debtorIban, ...transaction }) => ({
      ...transaction,
      maskedIban: maskIban(debtorIban),
    })),
    excludedEffects: row.excluded,
  };
}

/** The row itself, full IBANs included: only for writing the SEPA file. */
export const remittanceRow = (
  source: Source,
  remittanceId: string,
): Promise<RemittanceRow | null> =>
  managerOf(source).getRepository(RemittanceRow).findOneBy({ id: remittanceId });

/** A pending effect not yet remitted, due by a day, with what the remittance needs to find it. */
export interface RemittableEffect {
  effectId: string;
  invoiceId: string;
  customerId: string;
  contractId: string;
  dueDate: string;
}

/** Effects with the ids that lead to them: their invoice, customer and contract. */
const effectsWithTheirInvoice = (source: Source) =>
  managerOf(source)
    .getRepository(PendingEffectRow)
    .createQueryBuilder('e')
    .innerJoin(InvoiceRow, 'i', 'i.id = e.invoice_id')
    .select('e.id', 'effectId')
    .addSelect('e.invoice_id', 'invoiceId')
    .addSelect('e.customer_id', 'customerId')
    .addSelect('i.contract_id', 'contractId');

/**
 * The effects a remittance may take: pending, in no remittance, due by `dueUntil`, oldest
 * first. Read from the read model to find them; the remittance reads each invoice's stream
 * before deciding.
 */
export async function remittableEffects(
  source: Source,
  dueUntil: string,
): Promise<RemittableEffect[]> {
  const rows: RemittableEffect[] = await effectsWithTheirInvoice(source)
    .addSelect('e.due_date', 'dueDate')
    .where("e.status = 'pending'")
    .andWhere('e.remittance_id IS NULL')
    .andWhere('e.due_date <= :dueUntil', { dueUntil })
    .orderBy('e.due_date', 'ASC')
    .addOrderBy('e.id', 'ASC')
    .getRawMany();
  return rows;
}

/** Where an effect is: its invoice, customer and contract, and the remittance it went in. */
export interface EffectLocation {
  effectId: string;
  invoiceId: string;
  customerId: string;
  contractId: string;
  remittanceId: string | null;
}

/** The effects of these ids that the read model knows, with where each is. */
export async function effectLocations(
  source: Source,
  effectIds: readonly string[],
): Promise<Map<string, EffectLocation>> {
  if (effectIds.length === 0) return new Map();
  const rows: EffectLocation[] = await effectsWithTheirInvoice(source)
    .addSelect('e.remittance_id', 'remittanceId')
    .where('e.id IN (:...ids)', { ids: [...new Set(effectIds)] })
    .getRawMany();
  return new Map(rows.map((row) => [row.effectId, row]));
}

/** The mandate reference an effect was remitted under, as its remittance recorded it. */
export async function remittedMandateOf(
  source: Source,
  remittanceId: string,
  effectId: string,
): Promise<string | null> {
  const row = await remittanceRow(source, remittanceId);
  return row?.transactions.find((t) => t.effectId === effectId)?.mandateReference ?? null;
}

/** A billable subscription of the contract (oldest first), to charge a fee on its next invoice. */
export async function billableSubscriptionOf(
  source: Source,
  contractId: string,
): Promise<string | null> {
  const row = await managerOf(source)
    .getRepository(CustomerSubscriptionRow)
    .findOne({ where: { contractId, billable: true }, order: { id: 'ASC' } });
  return row?.id ?? null;
}

/** An invoice of the customer with credit available, or with something still owed. */
export interface CreditPosition {
  invoiceId: string;
  customerId: string;
  availableCreditCents: number;
  outstandingCents: number;
  dueDate: string;
}

/**
 * The invoices of these customers that have credit available or something owed: where
 * available credit can come from and go to (rule 17). Oldest due first.
 */
export async function creditPositionsOf(
  source: Source,
  customerIds: readonly string[],
): Promise<CreditPosition[]> {
  if (customerIds.length === 0) return [];
  const rows = await managerOf(source)
    .getRepository(InvoiceRow)
    .createQueryBuilder('i')
    .where('i.customer_id IN (:...ids)', { ids: [...new Set(customerIds)] })
    .andWhere('(i.available_credit_cents > 0 OR i.outstanding_cents > 0)')
    .orderBy('i.due_date', 'ASC')
    .addOrderBy('i.id', 'ASC')
    .getMany();
  return rows.map((row) => ({
    invoiceId: row.id,
    customerId: row.customerId,
    availableCreditCents: row.availableCreditCents,
    outstandingCents: row.outstandingCents,
    dueDate: row.dueDate,
  }));
}
