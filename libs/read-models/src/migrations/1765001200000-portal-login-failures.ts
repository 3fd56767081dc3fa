import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule 26: the portal's failed logins of the last window, shared by every API process on the
 * database (a limit each process counted alone would multiply with the processes). Keys are
 * SHA-256 digests of the e-mail or client address: no personal data in clear.
 */
export class PortalLoginFailures1765001200000 implements MigrationInterface {
  name = 'PortalLoginFailures1765001200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE portal_login_failures (
        limit_key text NOT NULL,
        failed_at_ms bigint NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX portal_login_failures_by_key ON portal_login_failures (limit_key, failed_at_ms)',
    );
    await queryRunner.query(
      'CREATE INDEX portal_login_failures_by_time ON portal_login_failures (failed_at_ms)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE portal_login_failures');
  }
}
