import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rule 22: one row per VERI*FACTU chain record, in chain order per issuer. */
export class VerifactuChain1765000000000 implements MigrationInterface {
  name = 'VerifactuChain1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE verifactu_chain_records (
        record_id text PRIMARY KEY,
        issuer_id text NOT NULL,
        sequence bigint NOT NULL CHECK (sequence >= 0),
        kind text NOT NULL CHECK (kind IN ('registration', 'cancellation')),
        invoice_id text NOT NULL,
        document_id text,
        num_serie text NOT NULL,
        issue_date text NOT NULL,
        tipo_factura text,
        importe_total_cents bigint,
        huella text NOT NULL,
        generated_at text NOT NULL,
        record jsonb NOT NULL,
        position bigint NOT NULL
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX verifactu_chain_records_in_order ON verifactu_chain_records (issuer_id, sequence)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE verifactu_chain_records');
  }
}
