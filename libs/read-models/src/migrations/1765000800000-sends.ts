import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule 25: the sends tab (`sends`, a projection of the message streams) and the secrets held
 * for messages until they are sent (`send_secrets`, not a projection: sealed, deleted once used).
 */
export class Sends1765000800000 implements MigrationInterface {
  name = 'Sends1765000800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sends (
        message_id uuid PRIMARY KEY,
        customer_id uuid NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'sms')),
        recipient text NOT NULL,
        template text NOT NULL,
        subject text NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        source_type text NOT NULL,
        queued_at text NOT NULL,
        sent_at text,
        failed_at text,
        next_attempt_at text,
        lease_until text,
        queued_position bigint NOT NULL,
        last_position bigint NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX sends_by_customer ON sends (customer_id, queued_position)',
    );
    await queryRunner.query(
      "CREATE INDEX sends_due ON sends (next_attempt_at) WHERE status = 'queued'",
    );
    await queryRunner.query(`
      CREATE TABLE send_secrets (
        secret_key text PRIMARY KEY,
        customer_id uuid NOT NULL,
        sealed text NOT NULL,
        held_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE send_secrets');
    await queryRunner.query('DROP TABLE sends');
  }
}
