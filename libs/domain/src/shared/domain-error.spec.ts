import { DomainError, isDomainError, refuseIfAny } from './domain-error';
import { changedFields } from './field-changes';

describe('DomainError', () => {
  it('carries a rule code, a message and optional details', () => {
    const error = new DomainError('R6', 'Cannot delete', [{ code: 'R6.X', message: 'why' }]);
    expect(error).toBeInstanceOf(Error);
    expect(isDomainError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'DomainError', code: 'R6', message: 'Cannot delete' });
    expect(isDomainError(new Error('x'))).toBe(false);
  });

  it('is headed by the first reason when built from several', () => {
    const error = DomainError.fromReasons([
      { code: 'R1', message: 'Name missing.' },
      { code: 'R2', message: 'Bad e-mail.', field: 'email' },
    ]);
    expect(error).toMatchObject({ code: 'R1', message: 'Name missing. Bad e-mail.' });
    expect(error.details).toHaveLength(2);
    expect(() => DomainError.fromReasons([])).toThrow();
  });

  it('refuses only when some reason was found', () => {
    expect(() => refuseIfAny([])).not.toThrow();
    expect(() => refuseIfAny([{ code: 'R3', message: 'Bad DNI.' }])).toThrow(DomainError);
  });
});

describe('changedFields', () => {
  it('lists the fields that differ, in the order asked, comparing values not references', () => {
    const before = { a: 1, b: ['x'], c: { d: 1 } as object | null };
    const after = { a: 2, b: ['x'], c: null };
    expect(changedFields(before, after, ['c', 'b', 'a'])).toEqual([
      { field: 'c', before: { d: 1 }, after: null },
      { field: 'a', before: 1, after: 2 },
    ]);
  });
});
