import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule 20: a suspended subscription says who suspended it, so the customer list can find those
 * the system suspended for debt ("deshabilitado por sistema"). Before this, only operators
 * suspended: the rows suspended now are theirs, as the upcaster reads their events.
 */
export class SubscriptionsSuspendedBy1764920000000 implements MigrationInterface {
  name = 'SubscriptionsSuspendedBy1764920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE customer_subscriptions ADD COLUMN suspended_by text
        CHECK (suspended_by IN ('operator', 'system'))`);
    await queryRunner.query(
      "UPDATE customer_subscriptions SET suspended_by = 'operator' WHERE status = 'suspended'",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE customer_subscriptions DROP COLUMN suspended_by');
  }
}
