import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule 17: effects can be remitted, reduced and cancelled, and available credit moved between
 * a customer's invoices. The account statement takes the five new kinds of line, the effects their remittance and cancellation. Old rows stay valid
 * (no effect was remitted, reduced or cancelled before these events existed).
 */
export class EffectsFollowWhatIsOwed1764800000000 implements MigrationInterface {
  name = 'EffectsFollowWhatIsOwed1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE invoice_transactions DROP CONSTRAINT invoice_transactions_kind_check',
    );
    await queryRunner.query(`
      ALTER TABLE invoice_transactions ADD CONSTRAINT invoice_transactions_kind_check
        CHECK (kind IN ('invoice', 'credit-note', 'payment', 'effect-created', 'effect-collected',
          'effect-returned', 'effect-remitted', 'effect-reduced', 'effect-cancelled',
          'credit-out', 'credit-in'))`);
    await queryRunner.query(
      'ALTER TABLE pending_effects DROP CONSTRAINT pending_effects_status_check',
    );
    await queryRunner.query(`
      ALTER TABLE pending_effects ADD CONSTRAINT pending_effects_status_check
        CHECK (status IN ('pending', 'collected', 'returned', 'cancelled'))`);
    await queryRunner.query('ALTER TABLE pending_effects ADD COLUMN remittance_id text');
    await queryRunner.query('ALTER TABLE pending_effects ADD COLUMN cancelled_at text');
    await queryRunner.query('ALTER TABLE pending_effects ADD COLUMN return_code text');
    await queryRunner.query(
      "CREATE INDEX pending_effects_returned ON pending_effects (customer_id, returned_at DESC) WHERE status = 'returned'",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX pending_effects_returned');
    await queryRunner.query('ALTER TABLE pending_effects DROP COLUMN return_code');
    await queryRunner.query('ALTER TABLE pending_effects DROP COLUMN cancelled_at');
    await queryRunner.query('ALTER TABLE pending_effects DROP COLUMN remittance_id');
    await queryRunner.query(
      'ALTER TABLE pending_effects DROP CONSTRAINT pending_effects_status_check',
    );
    await queryRunner.query(`
      ALTER TABLE pending_effects ADD CONSTRAINT pending_effects_status_check
        CHECK (status IN ('pending', 'collected', 'returned'))`);
    await queryRunner.query(
      'ALTER TABLE invoice_transactions DROP CONSTRAINT invoice_transactions_kind_check',
    );
    await queryRunner.query(`
      ALTER TABLE invoice_transactions ADD CONSTRAINT invoice_transactions_kind_check
        CHECK (kind IN ('invoice', 'credit-note', 'payment', 'effect-created', 'effect-collected',
          'effect-returned'))`);
  }
}
