/**
 * What a projection tells the rebuild (and only the rebuild) about itself: the live runner never
 * reads it.
 */
export interface RebuildDescriptor {
  /**
   * The secondary indexes (by name) that applying an event of a type reads, by event type. A
   * rebuild that defers secondary indexes keeps these when the log holds such an event: without
   * them, each one would scan its table.
   */
  readonly indexesReadOn?: Readonly<Record<string, readonly string[]>>;
}
