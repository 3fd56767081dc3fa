import { MigrationInterface, QueryRunner } from 'typeorm';

/** The first answer to each Idempotency-Key, per API key (the IdempotencyStore of @app/application). */
export class IdempotencyKeys1764000000500 implements MigrationInterface {
  name = 'IdempotencyKeys1764000000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status text NOT NULL,
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (scope, key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_keys');
  }
}
