import { INestApplication } from '@nestjs/common';
import request from 'supertest';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The part of an OpenAPI schema object the suites read. */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, SchemaObject>;
  items?: SchemaObject;
}

interface OperationObject {
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

export interface OpenApiOperation {
  method: HttpMethod;
  /** As documented, with `{param}` placeholders. */
  path: string;
  /** The JSON request body's schema, when the operation takes one. */
  bodySchema?: SchemaObject;
}

/** Commands are everything but GET: what changes state, or could. */
export const isCommand = (operation: OpenApiOperation) => operation.method !== 'get';

/** The document the running app serves at /api/docs-json: new endpoints appear by themselves. */
export async function fetchOpenApiDocument(app: INestApplication): Promise<OpenApiDocument> {
  const res = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
  return res.body as OpenApiDocument;
}

export function operationsOf(document: OpenApiDocument): OpenApiOperation[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method as HttpMethod,
      path,
      bodySchema: operation.requestBody?.content?.['application/json']?.schema,
    })),
  );
}

/** A schema with its `$ref` followed (to `#/components/schemas/<name>`). */
export function resolveSchema(document: OpenApiDocument, schema: SchemaObject): SchemaObject {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return document.components?.schemas?.[name] ?? {};
}
