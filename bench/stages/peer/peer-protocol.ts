/** The four ways the peer stage runs its command, each in a worker process of its own. */
export const PEER_SIDES = ['ours-service', 'ours-bare', 'emmett', 'bare-insert'] as const;
export type PeerSideName = (typeof PEER_SIDES)[number];

/** What the stage asks a worker, one JSON line on its stdin each. */
export type PeerRequest =
  /** Seed the side's store from the streams file (if it has one), and learn the customers. */
  | { kind: 'prepare'; streamsFile: string }
  /** `commands` commands, `writers` at a time, command i on customer (first + i) mod n. */
  | { kind: 'run'; writers: number; commands: number; first: number; label: string }
  /** How many events the commands appended, and their size. */
  | { kind: 'appended' }
  | { kind: 'close' };

export interface PreparedReply {
  customers: number;
  seedSeconds: number;
}

export interface RunReply {
  seconds: number;
  /** Statements sent to PostgreSQL during the run (every `pg` client query, BEGIN and COMMIT too). */
  queries: number;
}

/** A worker's answers are the stdout lines that start with this, then JSON. */
export const REPLY_PREFIX = '@peer ';
