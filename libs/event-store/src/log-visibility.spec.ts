import { untilTheLogShowsWhatIsCommitted } from './log-visibility';

/** A log whose head shows the committed position after `hiddenFor` looks. */
function logCatchingUpAfter(hiddenFor: number, committed: bigint | undefined = 9n) {
  let looks = 0;
  return {
    looks: () => looks,
    store: {
      lastCommittedPosition: async () => committed,
      headPosition: async () => (looks++ < hiddenFor ? 4n : committed),
    },
  };
}

describe('untilTheLogShowsWhatIsCommitted', () => {
  it('answers at once for an empty log or one that shows everything', async () => {
    expect(await untilTheLogShowsWhatIsCommitted(logCatchingUpAfter(0, undefined).store)).toBe(
      true,
    );
    const log = logCatchingUpAfter(0);
    expect(await untilTheLogShowsWhatIsCommitted(log.store)).toBe(true);
    expect(log.looks()).toBe(1);
  });

  it('waits while an older transaction hides the committed events', async () => {
    const log = logCatchingUpAfter(3);
    expect(await untilTheLogShowsWhatIsCommitted(log.store, { pollMs: 1 })).toBe(true);
    expect(log.looks()).toBe(4);
  });

  it('gives up after the time allowed, answering false', async () => {
    const log = logCatchingUpAfter(Number.MAX_SAFE_INTEGER);
    expect(await untilTheLogShowsWhatIsCommitted(log.store, { timeoutMs: 30, pollMs: 5 })).toBe(
      false,
    );
    expect(log.looks()).toBeGreaterThan(1);
  });
});
