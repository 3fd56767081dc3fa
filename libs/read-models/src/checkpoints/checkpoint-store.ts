import { EntityManager } from 'typeorm';

/** Reads and writes projection checkpoints; writes go through the batch's own manager. */
export const checkpointStore = {
  async load(manager: EntityManager, names: readonly string[]): Promise<Map<string, bigint>> {
    const rows: { name: string; position: string }[] = await manager.query(
      'SELECT name, position FROM projection_checkpoints WHERE name = ANY($1::text[])',
      [names],
    );
    const found = new Map(rows.map((row) => [row.name, BigInt(row.position)]));
    return new Map(names.map((name) => [name, found.get(name) ?? 0n]));
  },

  /** Moves every named projection's checkpoint to `position`, in one statement. */
  async save(manager: EntityManager, names: readonly string[], position: bigint): Promise<void> {
    if (names.length === 0) return;
    await manager.query(
      `INSERT INTO projection_checkpoints (name, position, updated_at)
       SELECT name, $2, now() FROM unnest($1::text[]) AS name
       ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
      [names, position.toString()],
    );
  },

  /** The position every named projection has reached (0 if any has not started). */
  async reached(manager: EntityManager, names: readonly string[]): Promise<bigint> {
    const checkpoints = await checkpointStore.load(manager, names);
    let lowest: bigint | undefined;
    for (const position of checkpoints.values()) {
      if (lowest === undefined || position < lowest) lowest = position;
    }
    return lowest ?? 0n;
  },
};
