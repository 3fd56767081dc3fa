/** Who issues a command, in answer to what, and what they believe the aggregate's version is. */
export interface CommandContext {
  /**
   * The person or system acting: `X-Actor` when a delegate key gives it, else the API key's
   * fingerprint.
   */
  actor: string;
  /** The API key the command came through (its fingerprint): who vouches for `actor`. */
  via: string;
  correlationId: string;
  causationId: string | null;
  /** From `If-Match`: the version the client last saw; a different one is a 409. */
  expectedVersion?: number;
  idempotencyKey?: string;
  /** When the command was received: the domain's only clock. */
  at: string;
}
