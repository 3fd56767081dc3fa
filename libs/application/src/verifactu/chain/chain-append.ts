import {
  ChainRecord,
  ChainRecordContent,
  chainEventOf,
  chainRecord,
  isVerifactuChainEvent,
  verifactuChainStream,
} from '@app/domain';
import { EventStore, StreamAppend } from '@app/event-store';
import { CommandContext } from '../../commands/command-context';
import { toNewEvent } from '../../commands/decide-and-append';

/** The records chained on an issuer's chain, and the append that writes them. */
export interface ChainAppend {
  records: ChainRecord[];
  /** For `store.appendMany` beside the invoices' own appends, or `store.append`. */
  append: StreamAppend;
}

/**
 * The next records of the issuer's chain: its last record read from the log, `contents` chained
 * on it in order (each record's `previous` and `huella` filled), and the append expecting the
 * revision that record was read at, so a concurrent writer fails the append
 * (`WrongExpectedRevisionError`) instead of forking the chain: read again and retry.
 */
export async function chainAppendFor(
  store: EventStore,
  issuerId: string,
  contents: readonly ChainRecordContent[],
  /** The request the records are generated for: their events' metadata (actor, correlation). */
  context?: CommandContext,
): Promise<ChainAppend> {
  const stream = verifactuChainStream(issuerId);
  const [lastEvent] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
  let last: ChainRecord | null =
    lastEvent !== undefined && isVerifactuChainEvent(lastEvent) ? lastEvent.data : null;
  const records: ChainRecord[] = [];
  for (const content of contents) {
    last = chainRecord(last, content);
    records.push(last);
  }
  return {
    records,
    append: {
      stream,
      events: records.map((record) =>
        context ? toNewEvent(chainEventOf(record), context) : chainEventOf(record),
      ),
      expectedRevision: lastEvent === undefined ? 'no_stream' : lastEvent.revision,
    },
  };
}
