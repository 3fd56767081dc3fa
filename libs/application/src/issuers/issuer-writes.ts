import { Inject, Injectable } from '@nestjs/common';
import { IssuerCommand, issuerDecider, IssuerEvent, IssuerState, issuerStream } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';
import { decideAndAppend, metadataOf } from '../commands/decide-and-append';
import { IssuerUniqueValues, issuerValueChanges } from './issuer-unique-values';

/**
 * An issuer command through the one write path (load → decide → append on `issuer-<id>`),
 * with rule 21 across issuers: the NIF and series the new events give the issuer are checked
 * free and claimed, those they take away released, in the same append (one transaction on the
 * SQL stores), as CustomerWrites does for R2/R3.
 */
@Injectable()
export class IssuerWrites {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly uniqueValues: IssuerUniqueValues,
  ) {}

  async decide(
    issuerId: string,
    command: IssuerCommand,
    context: CommandContext,
  ): Promise<CommandOutcome> {
    const metadata = metadataOf(context);
    const changes = (events: IssuerEvent[], state: IssuerState) =>
      issuerValueChanges(state, events.reduce(issuerDecider.evolve, state));
    const { id, version, position } = await decideAndAppend(this.store, {
      aggregateId: issuerId,
      stream: issuerStream(issuerId),
      decider: issuerDecider,
      command,
      context,
      alongside: async (events, state) => {
        const { claims, releases } = changes(events, state);
        return {
          before: await this.uniqueValues.claimsFor(claims, issuerId, metadata),
          after: await this.uniqueValues.releasesFor(releases, issuerId, metadata),
        };
      },
      onAppendFailed: (events, state) =>
        this.uniqueValues.release(changes(events, state).claims, issuerId, metadata),
    });
    return { id, version, position };
  }
}
