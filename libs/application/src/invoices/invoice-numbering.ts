import {
  AllocateInvoiceNumbers,
  InvoiceNumber,
  invoiceSeriesDecider,
  invoiceSeriesStream,
  numbersOf,
} from '@app/domain';
import { EventStore } from '@app/event-store';
import { CommandContext } from '../commands/command-context';
import { decideAndAppend, RetryPolicy } from '../commands/decide-and-append';

/** Racing allocations on one series retry on the fresh state; each retry is one more writer won. */
const NUMBERING_RETRY: RetryPolicy = { attempts: 50 };

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
  const allocate = (ids: string[]): AllocateInvoiceNumbers => ({
    type: 'AllocateInvoiceNumbers',
    data: { series, count: ids.length, forInvoices: ids },
    metadata: { at: context.at },
  });
  const { state } = await decideAndAppend(store, {
    aggregateId: series,
    stream: invoiceSeriesStream(series),
    decider: invoiceSeriesDecider,
    command: (current) => {
      const numbered = numbersOf(current, documentIds);
      const unnumbered = documentIds.filter((id) => !numbered.has(id));
      if (unnumbered.length === 0) return [];
      return contextOf ? unnumbered.map((id) => allocate([id])) : [allocate(unnumbered)];
    },
    context,
    expectedVersion: null,
    contextOf: contextOf && ((command) => contextOf(command.data.forInvoices[0])),
    retry: NUMBERING_RETRY,
  });
  return numbersOf(state, documentIds);
}
