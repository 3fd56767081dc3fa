import { EventStore } from '@app/event-store';

interface Evolver<Event, State> {
  initialState: State;
  evolve(state: State, event: Event): State;
}

/** Folds a stream into its aggregate's current state (for checks across aggregates). */
export async function loadState<Event, State>(
  store: EventStore,
  stream: string,
  decider: Evolver<Event, State>,
): Promise<State> {
  const events = await store.readStream(stream);
  return events.reduce(
    (state, event) => decider.evolve(state, event as unknown as Event),
    decider.initialState,
  );
}
