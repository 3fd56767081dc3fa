import { MigrationInterface, QueryRunner } from 'typeorm';
import { foldedOrNull, foldForSearch } from '../customers/search-text';

const BATCH = 1000;
const NO_ID = '00000000-0000-0000-0000-000000000000';

/** The customer file's columns folded for the advanced search, from the column of each. */
const FOLDED_COLUMNS = [
  ['zone_folded', 'zone'],
  ['seller_folded', 'seller'],
  ['collector_folded', 'collector'],
  ['city_folded', 'city'],
  ['neighbourhood_folded', 'neighbourhood'],
] as const;

/**
 * The customer list's advanced search (seed 002, "Búsqueda avanzada"): the customer file keeps
 * its zone, seller, collector, city and neighbourhood folded (lower case, no accents:
 * `foldForSearch`) and each subscription its tariff, so those filters are B-tree equalities;
 * the rows already there get them here, folded by the same function as the projections', so
 * the list is right as soon as the upgrade is, with no rebuild to run. The indexes serve the
 * filters on the file's own columns and the `EXISTS` probes into the subscriptions, contracts
 * and invoices views (`selectCustomers`). B-tree only: trigram indexes need `pg_trgm`, which the
 * embedded PGlite does not load.
 */
export class CustomerAdvancedSearch1765003000000 implements MigrationInterface {
  name = 'CustomerAdvancedSearch1765003000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [folded] of FOLDED_COLUMNS)
      await queryRunner.query(`ALTER TABLE customer_file ADD COLUMN ${folded} text`);
    await queryRunner.query(
      "ALTER TABLE customer_subscriptions ADD COLUMN tariff_folded text NOT NULL DEFAULT ''",
    );
    await backfillCustomerFile(queryRunner);
    await backfillSubscriptions(queryRunner);
    await queryRunner.query(
      'ALTER TABLE customer_subscriptions ALTER COLUMN tariff_folded DROP DEFAULT',
    );
    for (const [folded] of FOLDED_COLUMNS)
      await queryRunner.query(`CREATE INDEX customer_file_${folded} ON customer_file (${folded})`);
    await queryRunner.query('CREATE INDEX customer_file_created_at ON customer_file (created_at)');
    await queryRunner.query(
      'CREATE INDEX customer_file_billing_day ON customer_file (billing_day)',
    );
    await queryRunner.query(
      'CREATE INDEX customer_file_invoice_series ON customer_file (invoice_series)',
    );
    await queryRunner.query('CREATE INDEX customer_file_issuer ON customer_file (issuer_id)');
    await queryRunner.query(
      'CREATE INDEX customer_subscriptions_by_status ON customer_subscriptions (status, customer_id)',
    );
    await queryRunner.query(
      'CREATE INDEX customer_subscriptions_by_tariff ON customer_subscriptions (tariff_folded, customer_id)',
    );
    await queryRunner.query(
      'CREATE INDEX customer_contracts_by_status ON customer_contracts (status, customer_id)',
    );
    await queryRunner.query(
      'CREATE INDEX invoices_owing_by_customer ON invoices (customer_id, due_date) WHERE outstanding_cents > 0',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'customer_file_created_at',
      'customer_file_billing_day',
      'customer_file_invoice_series',
      'customer_file_issuer',
      'customer_subscriptions_by_status',
      'customer_subscriptions_by_tariff',
      'customer_contracts_by_status',
      'invoices_owing_by_customer',
    ])
      await queryRunner.query(`DROP INDEX IF EXISTS ${index}`);
    await queryRunner.query('ALTER TABLE customer_subscriptions DROP COLUMN tariff_folded');
    for (const [folded] of FOLDED_COLUMNS)
      await queryRunner.query(`ALTER TABLE customer_file DROP COLUMN ${folded}`);
  }
}

async function backfillCustomerFile(queryRunner: QueryRunner): Promise<void> {
  const sources = FOLDED_COLUMNS.map(([, column]) => column);
  for (let after = NO_ID; ;) {
    const rows: (Record<(typeof sources)[number], string | null> & { id: string })[] =
      await queryRunner.query(
        `SELECT id, ${sources.join(', ')} FROM customer_file
          WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
    if (rows.length === 0) return;
    const folded = rows.map((row) => ({
      id: row.id,
      ...Object.fromEntries(
        FOLDED_COLUMNS.map(([target, column]) => [target, foldedOrNull(row[column])]),
      ),
    }));
    await queryRunner.query(
      `UPDATE customer_file c
          SET ${FOLDED_COLUMNS.map(([target]) => `${target} = v.${target}`).join(', ')}
         FROM jsonb_to_recordset($1::jsonb)
           AS v(id uuid, ${FOLDED_COLUMNS.map(([target]) => `${target} text`).join(', ')})
        WHERE c.id = v.id`,
      [JSON.stringify(folded)],
    );
    after = rows[rows.length - 1].id;
  }
}

async function backfillSubscriptions(queryRunner: QueryRunner): Promise<void> {
  for (let after = NO_ID; ;) {
    const rows: { id: string; tariff: string }[] = await queryRunner.query(
      `SELECT id, tariff FROM customer_subscriptions WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
      [after],
    );
    if (rows.length === 0) return;
    const folded = rows.map((row) => ({ id: row.id, tariff: foldForSearch(row.tariff) }));
    await queryRunner.query(
      `UPDATE customer_subscriptions s SET tariff_folded = v.tariff
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, tariff text) WHERE s.id = v.id`,
      [JSON.stringify(folded)],
    );
    after = rows[rows.length - 1].id;
  }
}
