import { EventStore, ReadStreamOptions, RecordedEvent } from '@app/event-store';

interface Evolver<Event, State> {
  initialState: State;
  evolve(state: State, event: Event): State;
}

/** Folds recorded events into their aggregate's state. */
export function foldState<Event, State>(
  events: readonly RecordedEvent[],
  decider: Evolver<Event, State>,
): State {
  return events.reduce(
    (state, event) => decider.evolve(state, event as unknown as Event),
    decider.initialState,
  );
}

/** Folds a stream (or part of it: time travel) into its aggregate's state. */
export async function loadState<Event, State>(
  store: EventStore,
  stream: string,
  decider: Evolver<Event, State>,
  options?: ReadStreamOptions,
): Promise<State> {
  return foldState(await store.readStream(stream, options), decider);
}
