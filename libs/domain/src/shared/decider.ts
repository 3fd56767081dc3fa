/** An event as the domain writes it: a past-tense name and a JSON-serialisable payload. */
export type DomainEvent<Type extends string = string, Data = unknown> = Readonly<{
  type: Type;
  data: Data;
}>;

/**
 * What every command carries besides its data. The domain has no clock and mints no ids:
 * the application layer supplies the instant (`at`, ISO-8601) and any new ids in the data.
 * Actor, correlation and idempotency live in event metadata, added by the handler.
 */
export interface CommandMeta {
  at: string;
}

export type DomainCommand<Type extends string = string, Data = unknown> = Readonly<{
  type: Type;
  data: Data;
  metadata: CommandMeta;
}>;

/**
 * A pure decider (Jérémie Chassaing's pattern, as in Emmett): `decide` turns a command and the
 * current state into new events or throws a `DomainError`; `evolve` folds one event into the
 * state. Neither may do I/O or read a clock.
 */
export interface Decider<Command, Event, State> {
  readonly initialState: State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}

/** Rebuilds a state by folding events from the decider's initial state. */
export function foldEvents<Command, Event, State>(
  decider: Decider<Command, Event, State>,
  events: readonly Event[],
): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState);
}

/** Compile-time guarantee that a switch handled every case. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
