import { MigrationInterface, QueryRunner } from 'typeorm';
import { customerSearchText } from '../customers/search-text';
import type { CustomerAddress } from '@app/domain';

const BATCH = 1000;

/**
 * `GET /customers?q=` ignores case and accents (`perez` finds Pérez, `pena` Peña): the customer
 * file keeps its name, streets and cities folded in `search_text`, which the projection fills
 * from now on. The rows already there get it here, folded by the same function, so the list is
 * right as soon as the upgrade is, with no rebuild to run. No index: the search matches inside
 * the text (`LIKE '%…%'`), which a B-tree cannot serve, and trigram indexes need `pg_trgm`,
 * which the embedded PGlite does not load.
 */
export class CustomerSearchText1765001100000 implements MigrationInterface {
  name = 'CustomerSearchText1765001100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "ALTER TABLE customer_file ADD COLUMN search_text text NOT NULL DEFAULT ''",
    );
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: {
        id: string;
        display_name: string;
        street: string | null;
        city: string | null;
        addresses: CustomerAddress[] | string;
      }[] = await queryRunner.query(
        `SELECT id, display_name, street, city, addresses FROM customer_file
          WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      const texts = rows.map((row) => ({
        id: row.id,
        text: customerSearchText({
          displayName: row.display_name,
          street: row.street,
          city: row.city,
          addresses:
            typeof row.addresses === 'string'
              ? (JSON.parse(row.addresses) as CustomerAddress[])
              : row.addresses,
        }),
      }));
      await queryRunner.query(
        `UPDATE customer_file c SET search_text = v.text
           FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, text text) WHERE c.id = v.id`,
        [JSON.stringify(texts)],
      );
      after = rows[rows.length - 1].id;
    }
    await queryRunner.query('ALTER TABLE customer_file ALTER COLUMN search_text DROP DEFAULT');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE customer_file DROP COLUMN search_text');
  }
}
