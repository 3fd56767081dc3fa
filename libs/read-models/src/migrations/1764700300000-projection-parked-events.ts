import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projections' dead letters: an event a projection could not apply (bad data, a bug in
 * the projection) is parked here with its error, so the projection's checkpoint moves past it
 * and every other event and projection goes on. Later events of the same stream are parked
 * behind it (`blocked_by`), so no row is built from part of its stream's history.
 */
export class ProjectionParkedEvents1764700300000 implements MigrationInterface {
  name = 'ProjectionParkedEvents1764700300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projection_parked_events (
        projection text NOT NULL,
        position bigint NOT NULL,
        event_id uuid NOT NULL,
        stream_id text NOT NULL,
        revision bigint NOT NULL,
        event_type text NOT NULL,
        error_code text NOT NULL,
        error_message text NOT NULL,
        blocked_by bigint,
        attempts integer NOT NULL DEFAULT 1,
        parked_at timestamptz NOT NULL DEFAULT now(),
        last_attempt_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, position)
      )`);
    await queryRunner.query(
      'CREATE INDEX projection_parked_events_by_stream ON projection_parked_events (projection, stream_id, position)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE projection_parked_events');
  }
}
