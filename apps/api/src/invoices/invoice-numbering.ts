import {
  InvoiceNumber,
  invoiceSeriesDecider,
  InvoiceSeriesEvent,
  invoiceSeriesStream,
  numbersOf,
} from '@app/domain';
import { EventStore, WrongExpectedRevisionError } from '@app/event-store';
import { CommandContext } from '../infrastructure/commands/command-context';
import { toNewEvent } from '../infrastructure/commands/decide-and-append';
import { foldState } from '../infrastructure/commands/load-state';

/** Racing allocations on one series retry on the fresh state; each retry is one more writer won. */
const MAX_ATTEMPTS = 50;

/**
 * Rule R8: the numbers of `documentIds` in `series`, taking new ones, consecutive after the
 * last, for those without. The series stream is appended with the revision it was read at, so
 * two runs can never take the same number; the loser reads again and finds its documents
 * already numbered (ids keep their number), which is what makes a retried run safe.
 */
export async function numbersFor(
  store: EventStore,
  series: string,
  documentIds: readonly string[],
  context: CommandContext,
): Promise<Map<string, InvoiceNumber>> {
  const stream = invoiceSeriesStream(series);
  for (let attempt = 1; ; attempt++) {
    const recorded = await store.readStream(stream);
    const state = foldState(recorded, invoiceSeriesDecider);
    const numbers = numbersOf(state, documentIds);
    const unnumbered = documentIds.filter((id) => !numbers.has(id));
    if (unnumbered.length > 0) {
      const events: InvoiceSeriesEvent[] = invoiceSeriesDecider.decide(
        {
          type: 'AllocateInvoiceNumbers',
          data: { series, count: unnumbered.length, forInvoices: unnumbered },
          metadata: { at: context.at },
        },
        state,
      );
      const last = recorded[recorded.length - 1];
      try {
        await store.append(
          stream,
          events.map((event) => toNewEvent(event, context)),
          { expectedRevision: last ? last.revision : 'no_stream' },
        );
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
      const after = events.reduce(invoiceSeriesDecider.evolve, state);
      for (const [id, number] of numbersOf(after, unnumbered)) numbers.set(id, number);
    }
    return numbers;
  }
}
