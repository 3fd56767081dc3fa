import { EventStore } from './event-store.port';

export interface LogVisibilityWait {
  /** How long to wait at most (default 5 s); after it, answers false. */
  timeoutMs?: number;
  /** How often to look (default 10 ms). */
  pollMs?: number;
}

/**
 * Reading the whole log shows an event only once every older transaction has ended
 * (PostgreSQL: no reader skips one), so an event committed a moment ago, behind another
 * writer's open transaction, may not show yet. Waits until the log shows every event committed
 * before the call; answers whether it did within the time allowed.
 */
export async function untilTheLogShowsWhatIsCommitted(
  store: Pick<EventStore, 'headPosition' | 'lastCommittedPosition'>,
  { timeoutMs = 5_000, pollMs = 10 }: LogVisibilityWait = {},
): Promise<boolean> {
  const committed = await store.lastCommittedPosition();
  if (committed === undefined) return true;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (((await store.headPosition()) ?? -1n) >= committed) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
