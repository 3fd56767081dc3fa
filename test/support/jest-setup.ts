// Jest sends failure details between workers as JSON; without this a failed assertion on a
// bigint (revisions, positions) is reported as "Do not know how to serialize a BigInt".
(BigInt.prototype as unknown as { toJSON(): string }).toJSON = function (this: bigint) {
  return `${this.toString()}n`;
};
