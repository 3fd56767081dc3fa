import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who holds a pending Idempotency-Key, and how to find what its request wrote: a key left
 * pending by a process that died is recovered from the log (the IdempotencyStore of @app/application).
 */
export class IdempotencyKeyOwners1764700500000 implements MigrationInterface {
  name = 'IdempotencyKeyOwners1764700500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE idempotency_keys
        ADD COLUMN owner jsonb,
        ADD COLUMN correlation_id text,
        ADD COLUMN log_head bigint`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE idempotency_keys
        DROP COLUMN owner, DROP COLUMN correlation_id, DROP COLUMN log_head`);
  }
}
