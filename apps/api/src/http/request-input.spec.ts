import { findJsonProblem, isValidUtf8, MAX_JSON_DEPTH, textProblem } from './request-input';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level++) value = [value];
  return value;
};

describe('request input', () => {
  it('finds NUL and lone surrogates, and lets well-formed text through', () => {
    expect(textProblem('Ab\u0000cd')).toMatch(/NUL/);
    expect(textProblem('Ab\ud800cd')).toMatch(/lone surrogate/);
    expect(textProblem('Ab\udc00')).toMatch(/lone surrogate/);
    expect(textProblem('\ud83d')).toMatch(/lone surrogate/);
    expect(textProblem('Fibra 😀 Ñandú 名前')).toBeUndefined();
  });

  it('tells UTF-8 bytes from bytes that are not', () => {
    expect(isValidUtf8(Buffer.from('Ñandú 😀'))).toBe(true);
    expect(isValidUtf8(Buffer.from([0x41, 0xff]))).toBe(false);
    expect(isValidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(false);
  });

  it('names the field of the first problem, at any depth, in document order', () => {
    expect(
      findJsonProblem({ reason: 'ok', lines: [{ description: 'ok' }, { description: 'a\u0000' }] }),
    ).toEqual({ field: 'lines[1].description', problem: expect.stringMatching(/NUL/) });
    expect(findJsonProblem({ a: 'x\ud800', b: '\u0000' })?.field).toBe('a');
    expect(findJsonProblem({ 'odd key': { 'k\u0000': 1 } })).toEqual({
      field: '["odd key"]["k\\u0000"]',
      problem: expect.stringMatching(/^key .*NUL/),
    });
    expect(findJsonProblem('\u0000')?.field).toBe('body');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s', (key) => {
    const body = JSON.parse(`{"address":{"${key}":{"polluted":true}}}`) as unknown;
    expect(findJsonProblem(body)).toEqual({
      field: `address.${key}`,
      problem: `"${key}" is not an accepted key`,
    });
  });

  it(`takes ${MAX_JSON_DEPTH} levels, refuses one more, and survives 1,000,000 iteratively`, () => {
    expect(findJsonProblem(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(findJsonProblem(nested(MAX_JSON_DEPTH + 1))?.problem).toMatch(/deeper than 32/);
    expect(findJsonProblem(nested(1_000_000))?.problem).toMatch(/deeper than 32/);
  });

  it('finds nothing in ordinary bodies', () => {
    expect(
      findJsonProblem({ n: 1, b: true, z: null, list: [1, 'two', { three: 3 }] }),
    ).toBeUndefined();
    expect(findJsonProblem(undefined)).toBeUndefined();
  });
});
