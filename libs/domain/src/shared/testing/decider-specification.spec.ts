import { Decider } from '../decider';
import { DomainError } from '../domain-error';
import { given } from './decider-specification';

type Command = { type: 'Add'; amount: number };
type Event = { type: 'Added'; amount: number };

/** A counter that refuses to go above ten: enough to exercise every branch of the helper. */
const counter: Decider<Command, Event, number> = {
  initialState: 0,
  evolve: (total, event) => total + event.amount,
  decide: (command, total) => {
    if (command.amount === 0) return [];
    if (total + command.amount > 10)
      throw new DomainError('MAX', `Only ${10 - total} left`, [
        { code: 'MAX', message: 'too much', field: 'amount' },
      ]);
    if (command.amount < 0) throw new RangeError('a bug, not a refusal');
    return [{ type: 'Added', amount: command.amount }];
  },
};
const spec = given(counter);
const add = (amount: number): Command => ({ type: 'Add', amount });

describe('given/when/then', () => {
  it('passes when the events match and folds the given events first', () => {
    spec([{ type: 'Added', amount: 4 }])
      .when(add(6))
      .then([{ type: 'Added', amount: 6 }]);
    expect(spec([{ type: 'Added', amount: 4 }]).state()).toBe(4);
  });

  it('fails when the events differ', () => {
    expect(() =>
      spec()
        .when(add(2))
        .then([{ type: 'Added', amount: 3 }]),
    ).toThrow();
  });

  it('fails `then` on a refusal, showing it', () => {
    expect(() =>
      spec([{ type: 'Added', amount: 10 }])
        .when(add(1))
        .then([]),
    ).toThrow(/Only 0 left/);
  });

  it('checks nothing happened', () => {
    spec().when(add(0)).thenNothingHappens();
    expect(() => spec().when(add(1)).thenNothingHappens()).toThrow();
  });

  it('passes a refusal with the right code, message and details, and returns the error', () => {
    const error = spec([{ type: 'Added', amount: 9 }])
      .when(add(2))
      .thenRefuses('MAX', { message: /1 left/, details: [{ field: 'amount' }] });
    expect(error).toBeInstanceOf(DomainError);
  });

  it('fails a refusal with another code, message or details', () => {
    const refused = () => spec([{ type: 'Added', amount: 9 }]).when(add(2));
    expect(() => refused().thenRefuses('R1')).toThrow();
    expect(() => refused().thenRefuses('MAX', { message: 'other' })).toThrow();
    expect(() => refused().thenRefuses('MAX', { details: [{ field: 'other' }] })).toThrow();
    expect(() => refused().thenRefuses('MAX', { details: [] })).toThrow();
  });

  it('fails a refusal when the command is accepted, showing the events', () => {
    expect(() => spec().when(add(1)).thenRefuses('MAX')).toThrow(/accepted with[\s\S]*Added/);
  });

  it('lets errors that are not refusals through', () => {
    expect(() => spec().when(add(-1)).thenRefuses('MAX')).toThrow(RangeError);
  });
});
