import { EventEmitter } from 'node:events';
import { installProcessGuards } from './process-guards';

describe('installProcessGuards', () => {
  function guarded() {
    const emitter = new EventEmitter();
    const exits: number[] = [];
    const logged: { level: string; message: string }[] = [];
    installProcessGuards(
      { on: (event, listener) => emitter.on(event, listener), exit: (code) => exits.push(code) },
      {
        warn: (message) => logged.push({ level: 'warn', message }),
        error: (message) => logged.push({ level: 'error', message }),
      },
    );
    return { emitter, exits, logged };
  }
  const terminated = Object.assign(
    new Error('terminating connection due to administrator command'),
    { code: '57P01' },
  );

  it.each(['uncaughtException', 'unhandledRejection'])(
    'a lost database connection (%s) is logged and the process goes on',
    (event) => {
      const { emitter, exits, logged } = guarded();
      emitter.emit(event, terminated);
      emitter.emit(event, new Error('Connection terminated unexpectedly'));
      expect(exits).toEqual([]);
      expect(logged.map((entry) => entry.level)).toEqual(['warn', 'warn']);
      expect(logged[0].message).toContain('terminating connection due to administrator command');
    },
  );

  it.each(['uncaughtException', 'unhandledRejection'])(
    'anything else (%s) is a bug: logged, and the process exits with 1',
    (event) => {
      const { emitter, exits, logged } = guarded();
      emitter.emit(event, new TypeError("Cannot read properties of undefined (reading 'id')"));
      expect(exits).toEqual([1]);
      expect(logged).toEqual([
        expect.objectContaining({ level: 'error', message: expect.stringContaining('reading') }),
      ]);
    },
  );
});
