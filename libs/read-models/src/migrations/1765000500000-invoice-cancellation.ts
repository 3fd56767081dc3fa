import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule 22: an invoice issued by mistake can be annulled (`InvoiceCancelled`, its VERI*FACTU
 * `RegistroAnulacion`); the account statement takes the line that says so.
 */
export class InvoiceCancellation1765000500000 implements MigrationInterface {
  name = 'InvoiceCancellation1765000500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE invoices ADD COLUMN cancelled_at text');
    await queryRunner.query('ALTER TABLE invoices ADD COLUMN cancellation_reason text');
    await queryRunner.query(
      'ALTER TABLE invoice_transactions DROP CONSTRAINT invoice_transactions_kind_check',
    );
    await queryRunner.query(`
      ALTER TABLE invoice_transactions ADD CONSTRAINT invoice_transactions_kind_check
        CHECK (kind IN ('invoice', 'credit-note', 'payment', 'effect-created', 'effect-collected',
          'effect-returned', 'effect-remitted', 'effect-reduced', 'effect-cancelled',
          'credit-out', 'credit-in', 'invoice-cancelled'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE invoice_transactions DROP CONSTRAINT invoice_transactions_kind_check',
    );
    await queryRunner.query(`
      ALTER TABLE invoice_transactions ADD CONSTRAINT invoice_transactions_kind_check
        CHECK (kind IN ('invoice', 'credit-note', 'payment', 'effect-created', 'effect-collected',
          'effect-returned', 'effect-remitted', 'effect-reduced', 'effect-cancelled',
          'credit-out', 'credit-in'))`);
    await queryRunner.query('ALTER TABLE invoices DROP COLUMN cancellation_reason');
    await queryRunner.query('ALTER TABLE invoices DROP COLUMN cancelled_at');
  }
}
