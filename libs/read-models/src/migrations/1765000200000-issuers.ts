import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rule 21: one row per issuer, with the invoice series it owns. */
export class Issuers1765000200000 implements MigrationInterface {
  name = 'Issuers1765000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE issuers (
        id text PRIMARY KEY,
        legal_name text NOT NULL,
        nif text NOT NULL,
        address jsonb NOT NULL,
        creditor_id text,
        creditor_iban text,
        creditor_bic text,
        returned_debit_fee_cents integer NOT NULL CHECK (returned_debit_fee_cents >= 0),
        dunning_policy text NOT NULL,
        series jsonb NOT NULL DEFAULT '[]'::jsonb,
        version integer NOT NULL,
        registered_at text NOT NULL,
        updated_at text NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX issuers_by_series ON issuers USING gin (series)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE issuers');
  }
}
