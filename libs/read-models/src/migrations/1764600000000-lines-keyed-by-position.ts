import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['customer_history', 'invoice_transactions'];

/**
 * The history tab's and the account statement's lines (one per event) keyed by log position
 * instead of event id. Positions grow, so each new line lands at the end of the primary key's
 * B-tree; random UUIDs put it on a random page, and at millions of lines that index outgrows
 * the cache and every insert costs a page read and a full-page image in the WAL.
 */
export class LinesKeyedByPosition1764600000000 implements MigrationInterface {
  name = 'LinesKeyedByPosition1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await queryRunner.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey, ADD PRIMARY KEY (position)`,
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await queryRunner.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey, ADD PRIMARY KEY (event_id)`,
      );
  }
}
