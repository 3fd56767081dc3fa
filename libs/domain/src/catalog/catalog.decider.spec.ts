import { given } from '../shared/testing/decider-specification';
import { CatalogCommand } from './catalog.commands';
import { catalogDecider } from './catalog.decider';
import { CatalogEvent } from './catalog.events';
import { catalogNameKey } from './catalog.name';
import { decideCatalogNameClaim } from './catalog.unique-value';
import { chooseCatalogEntry } from './catalog.choice';

const entry = given(catalogDecider);
const at = '2026-03-01T09:00:00.000Z';
const later = '2026-03-02T09:00:00.000Z';

const command = <T extends CatalogCommand['type']>(
  type: T,
  data: Extract<CatalogCommand, { type: T }>['data'],
  when = at,
) => ({ type, data, metadata: { at: when } }) as Extract<CatalogCommand, { type: T }>;

const zoneCreated: CatalogEvent = {
  type: 'CatalogEntryCreated',
  data: { entryId: 'z1', kind: 'zone', name: 'Zona Norte', createdAt: at },
};
const tariffCreated: CatalogEvent = {
  type: 'CatalogEntryCreated',
  data: {
    entryId: 't1',
    kind: 'tariff',
    name: 'Fibra 600',
    monthlyPriceCents: 3500,
    vatRatePercent: 21,
    billingMode: 'advance',
    createdAt: at,
  },
};
const zoneRetired: CatalogEvent = {
  type: 'CatalogEntryRetired',
  data: { entryId: 'z1', kind: 'zone', retiredAt: later },
};

describe('Catalogs (rule 28)', () => {
  describe('creating', () => {
    it('records a zone by its tidied name', () => {
      entry([])
        .when(
          command('CreateCatalogEntry', { entryId: 'z1', kind: 'zone', name: '  Zona   Norte ' }),
        )
        .then([zoneCreated]);
    });

    it('records a tariff with its price, VAT rate and billing mode', () => {
      entry([])
        .when(
          command('CreateCatalogEntry', {
            entryId: 't1',
            kind: 'tariff',
            name: 'Fibra 600',
            monthlyPriceCents: 3500,
            vatRatePercent: 21,
            billingMode: 'advance',
          }),
        )
        .then([tariffCreated]);
    });

    it('refuses a blank or over-long name (R28.INVALID_INPUT naming the field)', () => {
      entry([])
        .when(command('CreateCatalogEntry', { entryId: 'z1', kind: 'zone', name: '   ' }))
        .thenRefuses('R28.INVALID_INPUT', { details: [{ field: 'name' }] });
      entry([])
        .when(command('CreateCatalogEntry', { entryId: 'z1', kind: 'zone', name: 'x'.repeat(101) }))
        .thenRefuses('R28.INVALID_INPUT', { details: [{ field: 'name' }] });
    });

    it('refuses a tariff without terms, and terms on a zone', () => {
      entry([])
        .when(command('CreateCatalogEntry', { entryId: 't1', kind: 'tariff', name: 'Fibra' }))
        .thenRefuses('R28.INVALID_INPUT', {
          details: [
            { field: 'monthlyPriceCents' },
            { field: 'vatRatePercent' },
            { field: 'billingMode' },
          ],
        });
      entry([])
        .when(
          command('CreateCatalogEntry', {
            entryId: 'z1',
            kind: 'zone',
            name: 'Norte',
            monthlyPriceCents: 100,
          }),
        )
        .thenRefuses('R28.INVALID_INPUT', { details: [{ field: 'monthlyPriceCents' }] });
    });

    it('refuses an id already created', () => {
      entry([zoneCreated])
        .when(command('CreateCatalogEntry', { entryId: 'z1', kind: 'zone', name: 'Sur' }))
        .thenRefuses('R28.ENTRY_ID_TAKEN');
    });
  });

  describe('renaming', () => {
    it('records before and after', () => {
      entry([zoneCreated])
        .when(
          command('RenameCatalogEntry', { entryId: 'z1', kind: 'zone', name: 'Zona N.' }, later),
        )
        .then([
          {
            type: 'CatalogEntryRenamed',
            data: {
              entryId: 'z1',
              kind: 'zone',
              before: 'Zona Norte',
              after: 'Zona N.',
              renamedAt: later,
            },
          },
        ]);
    });

    it('decides nothing for the same name', () => {
      entry([zoneCreated])
        .when(command('RenameCatalogEntry', { entryId: 'z1', kind: 'zone', name: ' Zona Norte' }))
        .thenNothingHappens();
    });

    it('answers 404 for an unknown entry or one of another catalog', () => {
      entry([])
        .when(command('RenameCatalogEntry', { entryId: 'z1', kind: 'zone', name: 'X' }))
        .thenRefuses('R28.ENTRY_NOT_FOUND');
      entry([zoneCreated])
        .when(command('RenameCatalogEntry', { entryId: 'z1', kind: 'seller', name: 'X' }))
        .thenRefuses('R28.ENTRY_NOT_FOUND');
    });

    it('refuses a retired entry (R28.RETIRED)', () => {
      entry([zoneCreated, zoneRetired])
        .when(command('RenameCatalogEntry', { entryId: 'z1', kind: 'zone', name: 'X' }))
        .thenRefuses('R28.RETIRED');
    });
  });

  describe('tariff terms', () => {
    it('records the terms before and after; the ones not given stay', () => {
      entry([tariffCreated])
        .when(
          command(
            'ChangeTariffTerms',
            { entryId: 't1', kind: 'tariff', monthlyPriceCents: 3900 },
            later,
          ),
        )
        .then([
          {
            type: 'CatalogTariffTermsChanged',
            data: {
              entryId: 't1',
              kind: 'tariff',
              before: { monthlyPriceCents: 3500, vatRatePercent: 21, billingMode: 'advance' },
              after: { monthlyPriceCents: 3900, vatRatePercent: 21, billingMode: 'advance' },
              changedAt: later,
            },
          },
        ]);
    });

    it('refuses a VAT rate out of 0–100', () => {
      entry([tariffCreated])
        .when(command('ChangeTariffTerms', { entryId: 't1', kind: 'tariff', vatRatePercent: 121 }))
        .thenRefuses('R28.INVALID_INPUT', { details: [{ field: 'vatRatePercent' }] });
    });
  });

  describe('retiring', () => {
    it('records it once', () => {
      entry([zoneCreated])
        .when(command('RetireCatalogEntry', { entryId: 'z1', kind: 'zone' }, later))
        .then([zoneRetired]);
      entry([zoneCreated, zoneRetired])
        .when(command('RetireCatalogEntry', { entryId: 'z1', kind: 'zone' }, later))
        .thenNothingHappens();
    });
  });

  describe('one name per catalog, without case or accents', () => {
    it('folds "Zona Norte", "zona norte " and "ZONA  nórte" to one key', () => {
      expect(catalogNameKey('zona norte ')).toBe(catalogNameKey('Zona Norte'));
      expect(catalogNameKey('ZONA  nórte')).toBe(catalogNameKey('Zona Norte'));
      expect(catalogNameKey('Zona Sur')).not.toBe(catalogNameKey('Zona Norte'));
    });

    it('claims a free name, keeps one held by the same entry, refuses one another entry holds', () => {
      const value = { kind: 'zone' as const, value: 'zona norte' };
      expect(decideCatalogNameClaim({ value, owner: 'z1', now: at })).toEqual([
        { type: 'CatalogNameClaimed', data: { kind: 'zone', owner: 'z1' } },
      ]);
      const current = { holder: 'z1', claimedAt: at, holderStillHolds: true };
      expect(decideCatalogNameClaim({ value, owner: 'z1', now: later, current })).toEqual([]);
      expect(() => decideCatalogNameClaim({ value, owner: 'z2', now: later, current })).toThrow(
        expect.objectContaining({ code: 'R28.NAME_TAKEN' }),
      );
      // Released by a rename long ago: free again.
      expect(
        decideCatalogNameClaim({
          value,
          owner: 'z2',
          now: later,
          current: { ...current, holderStillHolds: false },
        }),
      ).toHaveLength(1);
    });
  });
});

describe('Choosing an entry for a new record (rule 28)', () => {
  const stateOf = (events: CatalogEvent[]) =>
    events.reduce(catalogDecider.evolve, catalogDecider.initialState);

  it('gives an active entry with its current name and terms', () => {
    expect(chooseCatalogEntry(stateOf([tariffCreated]), 'tariff', 't1', 'tariffId')).toEqual({
      entryId: 't1',
      name: 'Fibra 600',
      terms: { monthlyPriceCents: 3500, vatRatePercent: 21, billingMode: 'advance' },
    });
  });

  it('refuses a retired entry (R28.RETIRED) and an unknown or other-kind one (R28.UNKNOWN)', () => {
    expect(() =>
      chooseCatalogEntry(stateOf([zoneCreated, zoneRetired]), 'zone', 'z1', 'zone'),
    ).toThrow(expect.objectContaining({ code: 'R28.RETIRED' }));
    // A record holding it already keeps it.
    expect(
      chooseCatalogEntry(stateOf([zoneCreated, zoneRetired]), 'zone', 'z1', 'zone', 'z1'),
    ).toMatchObject({ entryId: 'z1' });
    expect(() => chooseCatalogEntry(stateOf([]), 'zone', 'z9', 'zoneId')).toThrow(
      expect.objectContaining({ code: 'R28.UNKNOWN' }),
    );
    expect(() => chooseCatalogEntry(stateOf([zoneCreated]), 'seller', 'z1', 'sellerId')).toThrow(
      expect.objectContaining({ code: 'R28.UNKNOWN' }),
    );
  });
});
