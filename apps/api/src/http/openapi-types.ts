/**
 * A `string | null` property reflects as `Object` (TypeScript's metadata of a union), which
 * the OpenAPI document would call `type: object`: state the type, so generated clients see a
 * string that may be null.
 */
export const nullableText = { type: String, nullable: true } as const;

/** One field's value in a change (zone, billing day, a flag): a string, number or boolean. */
export const fieldValue = {
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
  nullable: true,
};
