/**
 * Groups an async stream into batches: a batch is yielded when it holds `maxSize` items, or
 * when no further item arrived within `maxWaitMs` (so a live tail is not held back).
 * Whoever breaks out of it must also stop the source.
 */
export async function* batched<T>(
  source: AsyncIterable<T>,
  maxSize: number,
  maxWaitMs: number,
): AsyncGenerator<T[]> {
  const iterator = source[Symbol.asyncIterator]();
  let batch: T[] = [];
  let pending: Promise<IteratorResult<T>> | undefined;
  try {
    while (true) {
      pending ??= iterator.next();
      const next =
        batch.length === 0
          ? await pending
          : await Promise.race([pending, delay(maxWaitMs).then(() => 'timeout' as const)]);
      if (next === 'timeout') {
        yield batch;
        batch = [];
        continue;
      }
      pending = undefined;
      if (next.done) break;
      batch.push(next.value);
      if (batch.length >= maxSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    // Not awaited: a `next()` may still be pending on a live source that has nothing new,
    // and would hold `return()` forever. The owner stops the source (subscription.stop()).
    void iterator.return?.();
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
