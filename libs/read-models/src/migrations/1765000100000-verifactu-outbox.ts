import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rule 22: one row per chain record, where its submission to AEAT stands. */
export class VerifactuOutbox1765000100000 implements MigrationInterface {
  name = 'VerifactuOutbox1765000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE verifactu_outbox (
        record_id text PRIMARY KEY,
        issuer_id text NOT NULL,
        issuer_nif text NOT NULL,
        num_serie text NOT NULL,
        issue_date text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('registration', 'cancellation')),
        tipo_factura text,
        generated_at text NOT NULL,
        chain_position bigint NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'accepted', 'rejected', 'error')),
        error_code integer,
        error_description text,
        submission_id text,
        attempts integer NOT NULL DEFAULT 0,
        updated_at text NOT NULL,
        last_position bigint NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX verifactu_outbox_by_status ON verifactu_outbox (status, issuer_id, chain_position)',
    );
    await queryRunner.query(
      'CREATE INDEX verifactu_outbox_by_issuer ON verifactu_outbox (issuer_id, chain_position)',
    );
    await queryRunner.query(
      'CREATE INDEX verifactu_outbox_by_submission ON verifactu_outbox (submission_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE verifactu_outbox');
  }
}
