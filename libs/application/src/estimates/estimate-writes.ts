import { Inject, Injectable } from '@nestjs/common';
import {
  catalogDecider,
  catalogStream,
  EstimateCommand,
  estimateDecider,
  EstimateLineInput,
  EstimateState,
  estimateStream,
  EstimateTariffFacts,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';
import { decideAndAppend } from '../commands/decide-and-append';
import { loadState } from '../commands/load-state';

/** An estimate command through the one write path (load → decide → append on `estimate-<id>`). */
@Injectable()
export class EstimateWrites {
  constructor(@Inject(EVENT_STORE) readonly store: EventStore) {}

  async decide(
    estimateId: string,
    command: EstimateCommand | ((state: EstimateState) => Promise<EstimateCommand>),
    context: CommandContext,
  ): Promise<CommandOutcome> {
    const { id, version, position } = await decideAndAppend(this.store, {
      aggregateId: estimateId,
      stream: estimateStream(estimateId),
      decider: estimateDecider,
      command,
      context,
    });
    return { id, version, position };
  }

  load(estimateId: string): Promise<EstimateState> {
    return loadState(this.store, estimateStream(estimateId), estimateDecider);
  }

  /** The catalog entries `tariffIds` name, each read from its own stream (rule 28, no lag). */
  async tariffs(tariffIds: readonly (string | null | undefined)[]): Promise<EstimateTariffFacts> {
    const facts: EstimateTariffFacts = {};
    for (const id of new Set(tariffIds))
      if (typeof id === 'string' && id.trim() !== '')
        facts[id] = await loadState(this.store, catalogStream(id), catalogDecider);
    return facts;
  }

  /** The tariff ids an estimate's line inputs name. */
  static tariffIdsOf(
    lines: readonly EstimateLineInput[] | undefined,
  ): (string | null | undefined)[] {
    return Array.isArray(lines) ? lines.map((line) => line?.tariffId) : [];
  }
}
