import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * The guard every request passes before routing, validation or any handler: text must be
 * valid Unicode without NUL (PostgreSQL cannot store either, so one such value in an event
 * would stop the projections that read it), bodies may not carry prototype keys, and JSON
 * may not nest deeper than any DTO does (class-transformer and JSON.stringify recurse, so a
 * 4,000-level body overflowed the stack: a 500 instead of a 400).
 */

/** Deeper than any request the API documents, shallow enough for every recursive reader. */
export const MAX_JSON_DEPTH = 32;

/** Keys that reach an object's prototype when assigned; refused rather than dropped. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Headers whose text is recorded on events or kept as keys (the rest are parsed strictly). */
export const FREE_TEXT_HEADERS = [
  'x-actor',
  'idempotency-key',
  'x-correlation-id',
  'x-causation-id',
  'if-match',
  'x-min-position',
] as const;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface InputProblem {
  field: string;
  problem: string;
}

/** What is wrong with a piece of text, if anything. */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'may not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'is not valid Unicode (a lone surrogate)';
  return undefined;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** `lines[0].description`; keys that are no identifier quoted as JSON (so escaped). */
function childField(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(key)}]`;
}

interface Pending {
  value: unknown;
  field: string;
  depth: number;
}

/**
 * The first problem in a parsed JSON value, in document order: a string value or key with
 * bad text, a prototype key, or nesting deeper than MAX_JSON_DEPTH. Iterative, so no input
 * depth can overflow the stack here.
 */
export function findJsonProblem(root: unknown, rootField = ''): InputProblem | undefined {
  const pending: Pending[] = [{ value: root, field: rootField, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, field, depth } = next;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return { field: field || 'body', problem };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      return { field: field || 'body', problem: `nests deeper than ${MAX_JSON_DEPTH} levels` };
    }
    const children: Pending[] = [];
    if (Array.isArray(value)) {
      value.forEach((item, index) =>
        children.push({ value: item, field: childField(field, index), depth: depth + 1 }),
      );
    } else {
      for (const [key, item] of Object.entries(value)) {
        const keyField = childField(field, key);
        const keyProblem = textProblem(key);
        if (keyProblem) return { field: keyField, problem: `key ${keyProblem}` };
        if (PROTOTYPE_KEYS.has(key)) {
          return { field: keyField, problem: `"${key}" is not an accepted key` };
        }
        children.push({ value: item, field: keyField, depth: depth + 1 });
      }
    }
    pending.push(...children.reverse());
  }
  return undefined;
}

/** Each `name=value` of a raw query string, decoded; a bad escape is a problem. */
function queryProblem(rawQuery: string): InputProblem | undefined {
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const separator = pair.indexOf('=');
    const [rawName, rawValue] =
      separator < 0 ? [pair, ''] : [pair.slice(0, separator), pair.slice(separator + 1)];
    const name = decodeComponent(rawName);
    const field = name === undefined ? 'query' : childField('', name);
    if (name === undefined) {
      return { field, problem: 'a parameter name is not valid percent-encoded UTF-8' };
    }
    const nameProblem = textProblem(name);
    if (nameProblem) return { field, problem: `name ${nameProblem}` };
    const value = decodeComponent(rawValue);
    if (value === undefined) return { field, problem: 'is not valid percent-encoded UTF-8' };
    const valueProblem = textProblem(value);
    if (valueProblem) return { field, problem: valueProblem };
  }
  return undefined;
}

function decodeComponent(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** Each segment of the raw path, decoded as the router will decode the parameters. */
function pathProblem(rawPath: string): InputProblem | undefined {
  for (const segment of rawPath.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { field: 'path', problem: 'is not valid percent-encoded UTF-8' };
    }
    const problem = textProblem(decoded);
    if (problem) return { field: 'path', problem: `segment "${segment}" ${problem}` };
  }
  return undefined;
}

/** Node reads header bytes as Latin-1: the bytes must still be UTF-8 the API can record. */
function headerProblem(request: Request): InputProblem | undefined {
  for (const name of FREE_TEXT_HEADERS) {
    const raw = request.headers[name];
    for (const value of Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) {
      const problem = isValidUtf8(Buffer.from(value, 'latin1'))
        ? textProblem(value)
        : 'is not valid UTF-8';
      if (problem) return { field: name, problem };
    }
  }
  return undefined;
}

/** The 400 of API.md naming the field, in the validation pipe's `details` shape. */
export function invalidInput({ field, problem }: InputProblem): BadRequestException {
  return new BadRequestException({
    message: `Invalid input: ${field} ${problem}`,
    details: [{ field, problems: [`${field} ${problem}`] }],
  });
}

/** The first problem of a request's path, query, free-text headers and parsed JSON body. */
export function requestInputProblem(request: Request): InputProblem | undefined {
  const url = request.originalUrl ?? request.url;
  const queryStart = url.indexOf('?');
  const rawPath = queryStart < 0 ? url : url.slice(0, queryStart);
  const rawQuery = queryStart < 0 ? '' : url.slice(queryStart + 1).split('#')[0];
  return (
    pathProblem(rawPath) ??
    queryProblem(rawQuery) ??
    headerProblem(request) ??
    (request.body === undefined ? undefined : findJsonProblem(request.body as unknown))
  );
}

/** Express middleware, registered after the body parser and before any route. */
export function requestInputGuard(request: Request, _response: Response, next: NextFunction) {
  const problem = requestInputProblem(request);
  next(problem ? invalidInput(problem) : undefined);
}

/**
 * body-parser's `verify` hook: the raw bytes of a UTF-8 body must be UTF-8 (decoding would
 * silently turn bad bytes into U+FFFD). Throwing makes body-parser pass the 400 on.
 */
export function verifyUtf8Body(
  _request: unknown,
  _response: unknown,
  body: Buffer,
  encoding: string | null,
): void {
  const isUtf8 = encoding === null || /^utf-?8$/i.test(encoding);
  if (isUtf8 && !isValidUtf8(body)) {
    throw invalidInput({ field: 'body', problem: 'is not valid UTF-8' });
  }
}
