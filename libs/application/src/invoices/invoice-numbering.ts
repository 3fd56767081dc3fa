import {
  InvoiceNumber,
  invoiceSeriesDecider,
  InvoiceSeriesEvent,
  invoiceSeriesStream,
  numbersOf,
} from '@app/domain';
import { EventStore, NewEvent, WrongExpectedRevisionError } from '@app/event-store';
import { CommandContext } from '../commands/command-context';
import { toNewEvent } from '../commands/decide-and-append';
import { foldState } from '../commands/load-state';

/** Racing allocations on one series retry on the fresh state; each retry is one more writer won. */
const MAX_ATTEMPTS = 50;

/**
 * Rule R8: the numbers of `documentIds` in `series`, taking new ones, consecutive after the
 * last, for those without. The series stream is appended with the revision it was read at, so
 * two runs can never take the same number; the loser reads again and finds its documents
 * already numbered (ids keep their number), which is what makes a retried run safe.
 *
 * With `contextOf`, each document's number is taken in its own event, recorded under the
 * request the document belongs to (a credit note finished by another request's call).
 */
export async function numbersFor(
  store: EventStore,
  series: string,
  documentIds: readonly string[],
  context: CommandContext,
  contextOf?: (documentId: string) => CommandContext,
): Promise<Map<string, InvoiceNumber>> {
  const stream = invoiceSeriesStream(series);
  for (let attempt = 1; ; attempt++) {
    const recorded = await store.readStream(stream);
    const state = foldState(recorded, invoiceSeriesDecider);
    const numbers = numbersOf(state, documentIds);
    const unnumbered = documentIds.filter((id) => !numbers.has(id));
    if (unnumbered.length > 0) {
      const groups = contextOf
        ? unnumbered.map((id) => ({ ids: [id], context: contextOf(id) }))
        : [{ ids: unnumbered, context }];
      let after = state;
      const events: NewEvent[] = [];
      for (const group of groups) {
        const decided: InvoiceSeriesEvent[] = invoiceSeriesDecider.decide(
          {
            type: 'AllocateInvoiceNumbers',
            data: { series, count: group.ids.length, forInvoices: group.ids },
            metadata: { at: context.at },
          },
          after,
        );
        after = decided.reduce(invoiceSeriesDecider.evolve, after);
        events.push(...decided.map((event) => toNewEvent(event, group.context)));
      }
      const last = recorded[recorded.length - 1];
      try {
        await store.append(stream, events, {
          expectedRevision: last ? last.revision : 'no_stream',
        });
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
      for (const [id, number] of numbersOf(after, unnumbered)) numbers.set(id, number);
    }
    return numbers;
  }
}
