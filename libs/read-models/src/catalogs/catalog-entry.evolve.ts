import {
  CATALOG_EVENT_TYPES,
  CATALOG_STREAM_PREFIX,
  CatalogEvent,
  catalogNameKey,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { CatalogEntryRow } from './catalog-entry.entity';

type Recorded<E> = E extends { type: string; data: unknown }
  ? RecordedEvent<E['type'], E['data']>
  : never;
export type RecordedCatalogEvent = Recorded<CatalogEvent>;

export const isRecordedCatalogEvent = (event: RecordedEvent): event is RecordedCatalogEvent =>
  (CATALOG_EVENT_TYPES as readonly string[]).includes(event.type) &&
  event.stream.startsWith(CATALOG_STREAM_PREFIX);

/** The entry's row after one event of its stream. Pure. */
export function evolveCatalogEntryRow(
  current: CatalogEntryRow | null,
  event: RecordedCatalogEvent,
): CatalogEntryRow | null {
  const version = Number(event.revision) + 1;
  switch (event.type) {
    case 'CatalogEntryCreated': {
      const { entryId, kind, name, createdAt } = event.data;
      return {
        id: entryId,
        kind,
        name,
        nameKey: catalogNameKey(name),
        monthlyPriceCents: event.data.monthlyPriceCents ?? null,
        vatRatePercent: event.data.vatRatePercent ?? null,
        billingMode: event.data.billingMode ?? null,
        active: true,
        retiredAt: null,
        version,
        createdAt,
        updatedAt: createdAt,
      };
    }
    case 'CatalogEntryRenamed': {
      if (current === null) return null;
      const { after, renamedAt } = event.data;
      return {
        ...current,
        name: after,
        nameKey: catalogNameKey(after),
        version,
        updatedAt: renamedAt,
      };
    }
    case 'CatalogTariffTermsChanged': {
      if (current === null) return null;
      const { after, changedAt } = event.data;
      return { ...current, ...after, version, updatedAt: changedAt };
    }
    case 'CatalogEntryRetired': {
      if (current === null) return null;
      const { retiredAt } = event.data;
      return { ...current, active: false, retiredAt, version, updatedAt: retiredAt };
    }
  }
}
