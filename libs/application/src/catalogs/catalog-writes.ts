import { Inject, Injectable } from '@nestjs/common';
import {
  CatalogCommand,
  catalogDecider,
  CatalogEvent,
  catalogNamesOf,
  CatalogState,
  catalogStream,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';
import { decideAndAppend, metadataOf } from '../commands/decide-and-append';
import { valueChanges } from '../commands/value-claims';
import { CatalogNames } from './catalog-names';

/**
 * A catalog command through the one write path (load → decide → append on `catalog-<id>`), with
 * rule 28's one name per catalog: the name the new events give the entry is checked free and
 * claimed, the one a rename leaves released, in the same append (one transaction on the SQL
 * stores), as IssuerWrites does for rule 21.
 */
@Injectable()
export class CatalogWrites {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly names: CatalogNames,
  ) {}

  async decide(
    entryId: string,
    command: CatalogCommand | CatalogCommand[],
    context: CommandContext,
    options: { expectedVersion?: number | null } = {},
  ): Promise<CommandOutcome> {
    const metadata = metadataOf(context);
    const changes = (events: CatalogEvent[], state: CatalogState) =>
      valueChanges(
        catalogNamesOf(state),
        catalogNamesOf(events.reduce(catalogDecider.evolve, state)),
      );
    const { id, version, position } = await decideAndAppend(this.store, {
      aggregateId: entryId,
      stream: catalogStream(entryId),
      decider: catalogDecider,
      command,
      context,
      ...(options.expectedVersion === undefined
        ? {}
        : { expectedVersion: options.expectedVersion }),
      alongside: async (events, state) => {
        const { claims, releases } = changes(events, state);
        return {
          before: await this.names.claimsFor(claims, entryId, metadata),
          after: await this.names.releasesFor(releases, entryId, metadata),
        };
      },
      onAppendFailed: (events, state) =>
        this.names.release(changes(events, state).claims, entryId, metadata),
    });
    return { id, version, position };
  }
}
