import { preparedStatement, quoteIdentifier } from '@app/database';
import { EntityManager } from 'typeorm';
import type { CustomerContractRow } from '../contracts/customer-contract.entity';
import type { CustomerHistoryRow } from './customer-history.entity';
import type { CustomerImageRow } from '../attachments/customer-files.entities';
import { CONTACT_RETURN_CODES, CustomerReturn } from '../collections/collections.queries';
import { CustomerFileRow } from './customer-file.entity';

/** What the customer file reads of the other views, beside its own row, in the same statement. */
export interface CustomerFileParts {
  invoices: { invoices: number; unpaid: number; unpaidCents: number; creditCents: number };
  pendingEffects: number;
  /** Every contract of the customer, deleted drafts too, oldest first. */
  contracts: Pick<
    CustomerContractRow,
    'id' | 'status' | 'maskedIban' | 'ibanFingerprint' | 'mandateReference' | 'mandateInvalidated'
  >[];
  /** The subscriptions not on a deleted draft. */
  subscriptions: number;
  lastReturn: CustomerReturn | null;
  lastDunning: Pick<CustomerHistoryRow, 'eventType' | 'changes'> | null;
  /** Whether an interaction was recorded since the last return (rule 19). */
  interactionSinceLastReturn: boolean;
  image: Pick<CustomerImageRow, 'contentType' | 'width' | 'height' | 'changedAt'> | null;
  attachments: number;
}

/**
 * The last returned effect of customer `c` (newest first, as `customerReturns` orders), joined
 * once as `r`: the last return's column and rule 19's check both read it.
 */
const LAST_RETURN = `LEFT JOIN LATERAL (SELECT * FROM pending_effects e
    WHERE e.customer_id = c.id::text AND e.status = 'returned'
    ORDER BY e.returned_at DESC, e.id ASC LIMIT 1) r ON true`;

/** Each part as a column of the customer's row: one expression each, all on indexed keys. */
const PART_COLUMNS: Record<string, string> = {
  invoice_figures: `SELECT json_build_object('invoices', count(*),
      'unpaid', count(*) FILTER (WHERE i.outstanding_cents > 0),
      'unpaidCents', coalesce(sum(i.outstanding_cents), 0),
      'creditCents', coalesce(sum(i.available_credit_cents), 0))
    FROM invoices i WHERE i.customer_id = c.id::text`,
  pending_effects: `SELECT count(*) FROM pending_effects e
    WHERE e.customer_id = c.id::text AND e.status = 'pending'`,
  contracts: `SELECT coalesce(json_agg(json_build_object('id', x.id, 'status', x.status,
      'maskedIban', x.masked_iban, 'ibanFingerprint', x.iban_fingerprint,
      'mandateReference', x.mandate_reference, 'mandateInvalidated', x.mandate_invalidated)
      ORDER BY x.drafted_at, x.id), '[]'::json)
    FROM customer_contracts x WHERE x.customer_id = c.id`,
  subscriptions: `SELECT count(*) FROM customer_subscriptions s
    WHERE s.customer_id = c.id AND NOT EXISTS (SELECT 1 FROM customer_contracts d
      WHERE d.id = s.contract_id AND d.customer_id = c.id AND d.status = 'deleted')`,
  last_return: `CASE WHEN r.id IS NOT NULL THEN json_build_object('effectId', r.id,
      'invoiceId', r.invoice_id, 'amountCents', r.amount_cents, 'reasonCode', r.return_code,
      'reason', r.return_reason, 'returnedAt', r.returned_at) END`,
  last_dunning: `SELECT json_build_object('eventType', h.event_type, 'changes', h.changes)
    FROM customer_history h WHERE h.customer_id = c.id
      AND h.event_type IN ('DunningStepApplied', 'DunningCleared')
    ORDER BY h.position DESC LIMIT 1`,
  interaction_since_return: `SELECT EXISTS (SELECT 1 FROM customer_history h
    WHERE h.customer_id = c.id AND h.event_type = 'InteractionRecorded'
      AND h.occurred_at >= coalesce(r.returned_at, '1970-01-01')::timestamptz)
    WHERE r.return_code IN (${CONTACT_RETURN_CODES.map((code) => `'${code}'`).join(', ')})`,
  image: `SELECT json_build_object('contentType', m.content_type, 'width', m.width,
      'height', m.height, 'changedAt', m.changed_at)
    FROM customer_images m WHERE m.customer_id = c.id::text`,
  attachments: `SELECT count(*) FROM customer_attachments a WHERE a.customer_id = c.id::text`,
};

type PartsRow = Record<keyof typeof PART_COLUMNS, unknown>;

/** A JSON column as the driver gave it: parsed already (pg, PGlite) or as text. */
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/**
 * The statement: the customer's row (its entity's columns, named: a prepared statement's
 * columns are fixed), then each part as a column. Built once, on the first call, from the
 * entity's metadata; a named prepared statement on PostgreSQL, as its planning (about 1 ms,
 * twenty subqueries) cost more than running it.
 */
let statement: string | undefined;
function statementOf(manager: EntityManager): string {
  if (statement !== undefined) return statement;
  const own = manager.connection
    .getMetadata(CustomerFileRow)
    .columns.map((column) => `c.${quoteIdentifier(column.databaseName)}`);
  const parts = Object.entries(PART_COLUMNS).map(([name, sql]) => `(${sql}) AS ${name}`);
  statement = preparedStatement(
    'customer_file',
    `SELECT ${[...own, ...parts].join(',\n')} FROM customer_file c ${LAST_RETURN} WHERE c.id = $1`,
  );
  return statement;
}

/** The row's columns as TypeORM hydrates them (transformers, types), from its metadata. */
function hydrate(manager: EntityManager, raw: Record<string, unknown>): CustomerFileRow {
  const { driver } = manager.connection;
  const row = manager.create(CustomerFileRow);
  const target = row as unknown as Record<string, unknown>;
  for (const column of manager.connection.getMetadata(CustomerFileRow).columns)
    target[column.propertyName] = driver.prepareHydratedValue(raw[column.databaseName], column);
  return row;
}

/**
 * The customer's row and what the file shows of the other views, read by one statement: one
 * round trip where reading each view in turn took ten (the queries' cost under load was the
 * round trips, not the plans), its text built once rather than by a query builder per call.
 * `null` when no customer has the id.
 */
export async function readCustomerFileRow(
  manager: EntityManager,
  id: string,
): Promise<{ row: CustomerFileRow; parts: CustomerFileParts } | null> {
  const [columns] = (await manager.query(statementOf(manager), [id])) as (PartsRow &
    Record<string, unknown>)[];
  if (columns === undefined) return null;
  const invoices = json<CustomerFileParts['invoices']>(columns.invoice_figures);
  return {
    row: hydrate(manager, columns),
    parts: {
      invoices: {
        invoices: Number(invoices.invoices),
        unpaid: Number(invoices.unpaid),
        unpaidCents: Number(invoices.unpaidCents),
        creditCents: Number(invoices.creditCents),
      },
      pendingEffects: Number(columns.pending_effects),
      contracts: json(columns.contracts),
      subscriptions: Number(columns.subscriptions),
      lastReturn: lastReturnOf(json(columns.last_return)),
      lastDunning: json(columns.last_dunning) ?? null,
      interactionSinceLastReturn: columns.interaction_since_return === true,
      image: json(columns.image) ?? null,
      attachments: Number(columns.attachments),
    },
  };
}

const lastReturnOf = (found: CustomerReturn | null): CustomerReturn | null =>
  found === null ? null : { ...found, amountCents: Number(found.amountCents) };
