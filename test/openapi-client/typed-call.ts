/**
 * A typed command client over the types `openapi-typescript` generates from /api/docs-json
 * (`./api`, written beside this file by test/openapi-contract.e2e-spec.ts; not committed).
 * Unlike openapi-fetch, whose init parameter is inferred and so lets an extra field through,
 * `init` is typed from the path and method alone, so a misspelled field does not compile.
 */
import type { paths } from './api';

type Method = 'post' | 'put' | 'patch' | 'delete';

/** The documented paths that have an operation for `method`. */
export type PathOf<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never;
}[keyof paths];

type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

type PathParameters<O> = O extends { parameters: { path: infer T } } ? { path: T } : unknown;

type Json<C> = C extends { content: { 'application/json': infer B } } ? B : never;

type RequestBody<O> = O extends { requestBody: infer R }
  ? { body: Json<R> }
  : O extends { requestBody?: infer R }
    ? [NonNullable<R>] extends [never]
      ? unknown
      : { body?: Json<NonNullable<R>> }
    : unknown;

/** What a call sends: its path's ids, its body, and the command headers of API.md. */
export type Init<O> = PathParameters<O> &
  RequestBody<O> & { ifMatch?: number; idempotencyKey?: string };

type Success<R> = R extends { 200: infer S } ? S : R extends { 201: infer S } ? S : never;

/** The documented answer of a success. */
export type Answer<O> = O extends { responses: infer R } ? Json<Success<R>> : never;

export type CommandClient = <M extends Method, P extends PathOf<M>>(
  method: M,
  path: P,
  init: Init<Operation<P, M>>,
) => Promise<Answer<Operation<P, M>>>;

interface SentInit {
  path?: Record<string, string>;
  body?: unknown;
  ifMatch?: number;
  idempotencyKey?: string;
}

/** The client over `fetch`, against a running API (`baseUrl` ends before `/api`). */
export function commandClient(baseUrl: string, apiKey: string): CommandClient {
  const send = async (method: Method, path: string, init: SentInit): Promise<unknown> => {
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(init.path?.[name] ?? ''),
    );
    const res = await fetch(`${baseUrl}${url}`, {
      method: method.toUpperCase(),
      headers: {
        Authorization: `Bearer ${apiKey}`,
        'Content-Type': 'application/json',
        ...(init.ifMatch === undefined ? {} : { 'If-Match': String(init.ifMatch) }),
        ...(init.idempotencyKey ? { 'Idempotency-Key': init.idempotencyKey } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const answer: unknown = await res.json();
    if (!res.ok) throw Object.assign(new Error(`${method} ${url}: ${res.status}`), { answer });
    return answer;
  };
  return send as CommandClient;
}
