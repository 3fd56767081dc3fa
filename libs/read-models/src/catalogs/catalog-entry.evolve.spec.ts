import { CatalogEvent } from '@app/domain';
import { recordedStream } from '../testing/recorded-stream';
import {
  evolveCatalogEntryRow,
  isRecordedCatalogEvent,
  RecordedCatalogEvent,
} from './catalog-entry.evolve';
import { CatalogEntryRow } from './catalog-entry.entity';

const AT = '2026-03-01T09:00:00.000Z';
const LATER = '2026-03-02T09:00:00.000Z';
const events: CatalogEvent[] = [
  {
    type: 'CatalogEntryCreated',
    data: {
      entryId: 't-1',
      kind: 'tariff',
      name: 'Fibra 600',
      monthlyPriceCents: 3500,
      vatRatePercent: 21,
      billingMode: 'advance',
      createdAt: AT,
    },
  },
  {
    type: 'CatalogEntryRenamed',
    data: {
      entryId: 't-1',
      kind: 'tariff',
      before: 'Fibra 600',
      after: 'Fibra Ñandú',
      renamedAt: LATER,
    },
  },
  {
    type: 'CatalogTariffTermsChanged',
    data: {
      entryId: 't-1',
      kind: 'tariff',
      before: { monthlyPriceCents: 3500, vatRatePercent: 21, billingMode: 'advance' },
      after: { monthlyPriceCents: 3900, vatRatePercent: 10, billingMode: 'arrears' },
      changedAt: LATER,
    },
  },
  { type: 'CatalogEntryRetired', data: { entryId: 't-1', kind: 'tariff', retiredAt: LATER } },
];
const log = recordedStream('catalog-t-1', events) as RecordedCatalogEvent[];
const fold = (upTo: number) =>
  log.slice(0, upTo).reduce<CatalogEntryRow | null>(evolveCatalogEntryRow, null);

describe('the catalog_entries row (rule 28)', () => {
  it('is the created entry at version 1, active, its name folded for sorting', () => {
    expect(fold(1)).toEqual({
      id: 't-1',
      kind: 'tariff',
      name: 'Fibra 600',
      nameKey: 'fibra 600',
      monthlyPriceCents: 3500,
      vatRatePercent: 21,
      billingMode: 'advance',
      active: true,
      retiredAt: null,
      version: 1,
      createdAt: AT,
      updatedAt: AT,
    });
  });

  it('follows a rename, new terms and the retirement', () => {
    expect(fold(4)).toMatchObject({
      name: 'Fibra Ñandú',
      nameKey: 'fibra nandu',
      monthlyPriceCents: 3900,
      vatRatePercent: 10,
      billingMode: 'arrears',
      active: false,
      retiredAt: LATER,
      version: 4,
      updatedAt: LATER,
    });
  });

  it('reads only catalog events of catalog streams', () => {
    expect(log.every(isRecordedCatalogEvent)).toBe(true);
    expect(isRecordedCatalogEvent({ ...log[0], stream: 'customer-1' })).toBe(false);
  });
});
