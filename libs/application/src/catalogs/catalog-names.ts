import { Inject, Injectable } from '@nestjs/common';
import {
  catalogDecider,
  CatalogKind,
  CatalogName,
  CatalogNameEvent,
  catalogNameOf,
  catalogNamesOf,
  catalogStream,
  decideCatalogNameClaim,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { loadState } from '../commands/load-state';
import { holdsValue, ownerInData, ValueClaims, valueStream } from '../commands/value-claims';

/** The reservation stream of a name: `unique-catalog-<kind>-<sha256 of the folded name>`. */
export const catalogNameStream = (name: CatalogName): string => valueStream('catalog-', name);

/**
 * Rule 28's one name per catalog, on any event store, by the mechanism of the customers'
 * e-mails (`ValueClaims`): each folded name has a reservation stream whose last event says which
 * entry holds it, claimed and released in the same append as the entry's own events. The same
 * stream answers which entry a name chosen for a customer or a subscription is (`holderOf`).
 */
@Injectable()
export class CatalogNames extends ValueClaims<CatalogName> {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {
    super(events, {
      streamOf: catalogNameStream,
      claimedType: 'CatalogNameClaimed',
      ownerOf: ownerInData,
      decide: decideCatalogNameClaim,
      released: (value, owner): CatalogNameEvent => ({
        type: 'CatalogNameReleased',
        data: { kind: value.kind, owner },
      }),
      stillHolds: async (entryId, value) =>
        holdsValue(
          catalogNamesOf(await loadState(events, catalogStream(entryId), catalogDecider)),
          value,
        ),
    });
  }

  /** The entry whose claim on `name` is the last word of its reservation, or `null`. */
  async holderOf(kind: CatalogKind, name: string): Promise<string | null> {
    const stream = catalogNameStream(catalogNameOf(kind, name));
    const [last] = await this.events.readStream(stream, { direction: 'backwards', maxCount: 1 });
    return last?.type === 'CatalogNameClaimed' ? ownerInData(last.data) : null;
  }
}
