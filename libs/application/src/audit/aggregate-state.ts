import {
  contractDecider,
  contractStream,
  customerDecider,
  customerStream,
  invoiceDecider,
  invoiceIdOfStream,
  invoiceStream,
  subscriptionDecider,
  subscriptionStream,
} from '@app/domain';
import { EventStore, ReadStreamOptions, RecordedEvent } from '@app/event-store';
import { isInstant } from '../shared/calendar-values';
import { foldState } from '../commands/load-state';

/** A decider seen only as a fold over recorded events. */
interface Evolver {
  initialState: unknown;
  evolve(state: unknown, event: unknown): unknown;
}
const asEvolver = (decider: object): Evolver => decider as Evolver;

/** The aggregates an auditor can fold as of any moment: their stream names and deciders. */
export const auditedAggregates = {
  customer: { stream: customerStream, decider: asEvolver(customerDecider) },
  contract: { stream: contractStream, decider: asEvolver(contractDecider) },
  subscription: { stream: subscriptionStream, decider: asEvolver(subscriptionDecider) },
  invoice: { stream: invoiceStream, decider: asEvolver(invoiceDecider) },
} as const;

export type AuditedAggregate = keyof typeof auditedAggregates;

/** Which aggregate a stream holds (`contract-<id>` → contract), or null for other streams. */
export function aggregateOfStream(stream: string): { kind: AuditedAggregate; id: string } | null {
  for (const kind of Object.keys(auditedAggregates) as AuditedAggregate[]) {
    const prefix = auditedAggregates[kind].stream('');
    if (!stream.startsWith(prefix)) continue;
    if (kind === 'invoice' && invoiceIdOfStream(stream) === null) continue;
    return { kind, id: stream.slice(prefix.length) };
  }
  return null;
}

export class InvalidAsOfError extends Error {
  constructor(asOf: string) {
    super(`asOf must be an ISO-8601 instant or a version number, got "${asOf}"`);
  }
}

/** As of a version (a whole number of events) or an instant; nothing given: now. */
export function parseAsOf(asOf: string | undefined): ReadStreamOptions {
  if (asOf === undefined || asOf === '') return {};
  if (/^\d{1,15}$/.test(asOf)) {
    const version = Number(asOf);
    return version === 0 ? { toRevision: -1n } : { toRevision: BigInt(version - 1) };
  }
  if (!isInstant(asOf)) throw new InvalidAsOfError(asOf);
  return { until: new Date(asOf) };
}

export interface AggregateStateAsOf {
  kind: AuditedAggregate;
  id: string;
  asOf: string | null;
  /** Events folded: the aggregate's version at that point. */
  version: number;
  position: number | null;
  occurredAt: string | null;
  state: unknown;
}

/**
 * The aggregate folded from its stream up to `asOf` (ISO instant or version), or null when the
 * stream has no events at all. Throws `InvalidAsOfError` for anything else.
 */
export async function aggregateStateAsOf(
  store: EventStore,
  kind: AuditedAggregate,
  id: string,
  asOf: string | undefined,
): Promise<AggregateStateAsOf | null> {
  const range = parseAsOf(asOf);
  const { stream, decider } = auditedAggregates[kind];
  if ((await store.streamRevision(stream(id))) === undefined) return null;
  const events: RecordedEvent[] =
    range.toRevision === -1n ? [] : await store.readStream(stream(id), range);
  const last = events[events.length - 1];
  return {
    kind,
    id,
    asOf: asOf ?? null,
    version: events.length,
    position: last ? Number(last.position) : null,
    occurredAt: last?.metadata.occurredAt ?? null,
    state: foldState(events, decider),
  };
}
