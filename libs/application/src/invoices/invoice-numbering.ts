import {
  AllocateInvoiceNumbers,
  ChainRecordContent,
  dateInZone,
  generatedAtOf,
  InvoiceNumber,
  InvoiceNumberAssignment,
  invoiceSeriesDecider,
  invoiceSeriesStream,
  numbersOf,
  PlainDate,
} from '@app/domain';
import { EventStore } from '@app/event-store';
import { CommandContext } from '../commands/command-context';
import { Alongside, decideAndAppend, RetryPolicy } from '../commands/decide-and-append';
import { chainAppendFor } from '../verifactu/chain/chain-append';

/** Racing allocations on one series retry on the fresh state; each retry is one more writer won. */
const NUMBERING_RETRY: RetryPolicy = { attempts: 50 };

/** A number just given, with the date its series gave it. */
export type DatedAssignment = InvoiceNumberAssignment & { issueDate: PlainDate };

/**
 * Rule 22: the VERI*FACTU record each document numbered here adds to its issuer's chain,
 * appended in the numbers' own transaction (see `chainAppend`).
 */
export interface ChainRegistration {
  issuerId: string;
  contentOf(assignment: DatedAssignment, generatedAt: string): ChainRecordContent;
}

export interface NumberingOptions {
  /** Each document's number taken in its own event, recorded under its own request. */
  contextOf?: (documentId: string) => CommandContext;
  /**
   * Dates follow numbers: the date each document asks for (in `documentIds`' order) and the
   * tenant's today; the series dates each number (see `AllocateInvoiceNumbers`).
   */
  dating?: { askedDates: PlainDate[]; today: PlainDate };
  registration?: ChainRegistration;
}

/**
 * Rule R8: the numbers of `documentIds` in `series`, taking new ones, consecutive after the
 * last, for those without. The series stream is appended with the revision it was read at, so
 * two runs can never take the same number; the loser reads again and finds its documents
 * already numbered (ids keep their number), which is what makes a retried run safe.
 *
 * With `registration`, each new number's VERI*FACTU record is chained in the same append; with
 * `dating`, each number carries the date its document bears.
 */
export async function numbersFor(
  store: EventStore,
  series: string,
  documentIds: readonly string[],
  context: CommandContext,
  options: NumberingOptions = {},
): Promise<Map<string, InvoiceNumber>> {
  const { contextOf, dating, registration } = options;
  const askedDateOf = new Map(documentIds.map((id, index) => [id, dating?.askedDates[index]]));
  const allocate = (ids: string[]): AllocateInvoiceNumbers => ({
    type: 'AllocateInvoiceNumbers',
    data: {
      series,
      count: ids.length,
      forInvoices: ids,
      ...(dating && {
        dating: { askedDates: ids.map((id) => askedDateOf.get(id)!), today: dating.today },
      }),
    },
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
    alongside:
      registration &&
      (async (events): Promise<Alongside> => {
        const generatedAt = generatedAtOf(context.at);
        const contents = events.flatMap((event) =>
          event.data.assignments.map((assignment) =>
            registration.contentOf(datedAssignment(assignment, context), generatedAt),
          ),
        );
        if (contents.length === 0) return { before: [], after: [] };
        return {
          before: [],
          after: [(await chainAppendFor(store, registration.issuerId, contents, context)).append],
        };
      }),
  });
  return numbersOf(state, documentIds);
}

/** Numbers given before dates followed them bear the day they were given. */
function datedAssignment(
  assignment: InvoiceNumberAssignment,
  context: CommandContext,
): DatedAssignment {
  return { ...assignment, issueDate: assignment.issueDate ?? dateInZone(context.at) };
}
