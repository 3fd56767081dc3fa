import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule 28: one row per catalog entry (zones, sellers, collectors, tariffs), and the ids of the
 * entries a customer file is linked to.
 */
export class Catalogs1765002000000 implements MigrationInterface {
  name = 'Catalogs1765002000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE catalog_entries (
        id text PRIMARY KEY,
        kind text NOT NULL,
        name text NOT NULL,
        name_key text NOT NULL,
        monthly_price_cents integer,
        vat_rate_percent integer,
        billing_mode text,
        active boolean NOT NULL,
        retired_at text,
        version integer NOT NULL,
        created_at text NOT NULL,
        updated_at text NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX catalog_entries_by_kind ON catalog_entries (kind, name_key)',
    );
    await queryRunner.query(`
      ALTER TABLE customer_file
        ADD COLUMN zone_id text,
        ADD COLUMN seller_id text,
        ADD COLUMN collector_id text`);
    await queryRunner.query('CREATE INDEX customer_file_by_zone_id ON customer_file (zone_id)');
    await queryRunner.query('CREATE INDEX customer_file_by_seller_id ON customer_file (seller_id)');
    await queryRunner.query(
      'CREATE INDEX customer_file_by_collector_id ON customer_file (collector_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX customer_file_by_collector_id');
    await queryRunner.query('DROP INDEX customer_file_by_seller_id');
    await queryRunner.query('DROP INDEX customer_file_by_zone_id');
    await queryRunner.query(
      'ALTER TABLE customer_file DROP COLUMN zone_id, DROP COLUMN seller_id, DROP COLUMN collector_id',
    );
    await queryRunner.query('DROP TABLE catalog_entries');
  }
}
