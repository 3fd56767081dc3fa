import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rule 26: each customer's portal password, as its salted hash only. */
export class PortalCredentials1765000900000 implements MigrationInterface {
  name = 'PortalCredentials1765000900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE portal_credentials (
        customer_id uuid PRIMARY KEY,
        password_hash text NOT NULL,
        regeneration_id text NOT NULL,
        regenerated_at text NOT NULL,
        last_revision bigint NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE portal_credentials');
  }
}
