import type { NewEvent } from '@app/event-store';

/** The events one command produced for one stream, ready for `appendWithin`. */
export interface StreamAppend {
  stream: string;
  events: NewEvent[];
}

interface DeciderOf<Command, Event, State> {
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}

/**
 * Runs one command through its aggregate's pure decider, as a handler would: the events it
 * decided, stamped for the log, and the state after them.
 */
export function decideOn<Command extends { metadata: { at: string } }, Event, State>(
  decider: DeciderOf<Command, Event, State>,
  state: State,
  command: Command,
): { events: NewEvent[]; state: State } {
  const decided = decider.decide(command, state);
  const next = decided.reduce((current, event) => decider.evolve(current, event), state);
  const occurredAt = command.metadata.at;
  return {
    state: next,
    events: decided.map((event) => ({
      ...(event as unknown as { type: string; data: unknown }),
      metadata: { actor: 'bench-workload', correlationId: 'bench-workload', occurredAt },
    })),
  };
}
