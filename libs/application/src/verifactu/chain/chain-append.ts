import {
  chainEventOf,
  ChainRecord,
  chainRecord,
  ChainRecordContent,
  isVerifactuChainEvent,
  verifactuChainStream,
} from '@app/domain';
import { EventStore, StreamAppend } from '@app/event-store';
import { CommandContext } from '../../commands/command-context';
import { toNewEvent } from '../../commands/decide-and-append';

/**
 * Rule 22: the records `contents` chained after the issuer's last record, in order, as one
 * append expecting the revision the last record was read at. Appended with the documents they
 * record (the numbers that give them their `NumSerieFactura`) in one transaction, a record
 * exists exactly when its number does, and two writers racing on the chain cannot fork it:
 * the loser's whole append is refused and decided again on the fresh chain.
 */
export async function chainAppend(
  store: EventStore,
  issuerId: string,
  contents: readonly ChainRecordContent[],
  context: CommandContext,
): Promise<StreamAppend> {
  const stream = verifactuChainStream(issuerId);
  const [lastEvent] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
  let last: ChainRecord | null =
    lastEvent && isVerifactuChainEvent(lastEvent) ? (lastEvent.data as ChainRecord) : null;
  const events = contents.map((content) => {
    const record = chainRecord(last, content);
    last = record;
    return toNewEvent(chainEventOf(record), context);
  });
  return {
    stream,
    events,
    expectedRevision: lastEvent === undefined ? 'no_stream' : lastEvent.revision,
  };
}
