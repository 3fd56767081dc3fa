/** `name` quoted for SQL, after checking it is a plain identifier (never user input in SQL). */
export function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`Invalid SQL identifier: ${name}`);
  return `"${name}"`;
}
