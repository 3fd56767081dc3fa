import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rule 18: one row per remittance, with what its SEPA file is written from. */
export class Remittances1764800100000 implements MigrationInterface {
  name = 'Remittances1764800100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE remittances (
        id text PRIMARY KEY,
        issuer_id text NOT NULL,
        collection_date text NOT NULL,
        due_until text NOT NULL,
        pain_version text NOT NULL CHECK (pain_version IN ('001.08', '001.02')),
        message_id text NOT NULL,
        created_at text NOT NULL,
        effects integer NOT NULL CHECK (effects > 0),
        total_cents bigint NOT NULL CHECK (total_cents > 0),
        creditor jsonb NOT NULL,
        transactions jsonb NOT NULL,
        excluded jsonb NOT NULL,
        last_revision bigint NOT NULL,
        position bigint NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX remittances_by_collection_date ON remittances (collection_date DESC, created_at DESC)',
    );
    await queryRunner.query(
      "CREATE INDEX pending_effects_remittable ON pending_effects (due_date) WHERE status = 'pending' AND remittance_id IS NULL",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX pending_effects_remittable');
    await queryRunner.query('DROP TABLE remittances');
  }
}
