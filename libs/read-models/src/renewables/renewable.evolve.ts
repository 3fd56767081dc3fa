import { RENEWABLE_EVENT_TYPES, RENEWABLE_STREAM_PREFIX, RenewableEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { RenewableRow } from './renewable.entity';

type Recorded<E> = E extends { type: string; data: unknown }
  ? RecordedEvent<E['type'], E['data']>
  : never;
export type RecordedRenewableEvent = Recorded<RenewableEvent>;

export const isRecordedRenewableEvent = (event: RecordedEvent): event is RecordedRenewableEvent =>
  (RENEWABLE_EVENT_TYPES as readonly string[]).includes(event.type) &&
  event.stream.startsWith(RENEWABLE_STREAM_PREFIX);

/** The renewable's row after one event of its stream. Pure. */
export function evolveRenewableRow(
  current: RenewableRow | null,
  event: RecordedRenewableEvent,
): RenewableRow | null {
  const version = Number(event.revision) + 1;
  switch (event.type) {
    case 'RenewableRegistered': {
      const { renewableId, period, registeredAt, ...registered } = event.data;
      return {
        id: renewableId,
        ...registered,
        periodEvery: period.every,
        periodUnit: period.unit,
        periodsRenewed: 0,
        lastRenewedOn: null,
        status: 'active',
        lapsedOn: null,
        version,
        registeredAt,
        updatedAt: registeredAt,
      };
    }
    case 'RenewableRenewed': {
      if (current === null) return null;
      const { nextRenewalOn, periodsRenewed, renewedOn, renewedAt } = event.data;
      return {
        ...current,
        status: 'renewed',
        nextRenewalOn,
        periodsRenewed,
        lastRenewedOn: renewedOn,
        version,
        updatedAt: renewedAt,
      };
    }
    case 'RenewableLapsed':
      if (current === null) return null;
      return {
        ...current,
        status: 'lapsed',
        lapsedOn: event.data.lapsedOn,
        version,
        updatedAt: event.data.lapsedAt,
      };
  }
}
