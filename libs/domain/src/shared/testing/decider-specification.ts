import { Decider, foldEvents } from '../decider';
import { DomainError, RefusalReason } from '../domain-error';

/** What a refusal must look like; reasons are matched in order, each as a subset. */
export interface RefusalExpectation {
  message?: string | RegExp;
  details?: Partial<RefusalReason>[];
}

export interface DeciderWhen<Event> {
  /** The command is accepted and yields exactly these events, in this order. */
  then(expected: Event[]): void;
  /** The command is accepted and changes nothing (an idempotent no-op). */
  thenNothingHappens(): void;
  /** The command is refused with this rule code; returns the error for further checks. */
  thenRefuses(code: string, expectation?: RefusalExpectation): DomainError;
}

export interface DeciderGiven<Command, Event, State> {
  when(command: Command): DeciderWhen<Event>;
  /** The state folded from the given events, for evolve specs. */
  state(): State;
}

/**
 * Given/when/then for deciders, after Emmett's `DeciderSpecification`:
 * `given(decider)(pastEvents).when(command).then(newEvents)` or `.thenRefuses('R1')`.
 */
export function given<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return (events: Event[] = []): DeciderGiven<Command, Event, State> => ({
    state: () => foldEvents(decider, events),
    when: (command) => {
      const decideNow = () => decider.decide(command, foldEvents(decider, events));
      return {
        then: (expected) => expect(decideNow()).toEqual(expected),
        thenNothingHappens: () => expect(decideNow()).toEqual([]),
        thenRefuses: (code, expectation = {}) => expectRefusal(decideNow, code, expectation),
      };
    },
  });
}

function expectRefusal(
  decideNow: () => unknown[],
  code: string,
  expectation: RefusalExpectation,
): DomainError {
  let produced: unknown[];
  try {
    produced = decideNow();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect({ code: error.code, message: error.message }).toEqual({
      code,
      message: messageMatcher(expectation.message),
    });
    if (expectation.details) expect(error.details).toMatchObject(expectation.details);
    return error;
  }
  throw new Error(`Expected refusal ${code}, but the command was accepted with:
${JSON.stringify(produced, null, 2)}`);
}

function messageMatcher(message: string | RegExp | undefined): unknown {
  if (message instanceof RegExp) return expect.stringMatching(message);
  return message ?? expect.stringMatching(/\S/);
}
