/**
 * Why a bank file was refused. The import endpoint maps these to one answer for the operator:
 * every reason means "this file cannot be imported as it is", never "try again later".
 */
export type BankFileErrorReason =
  | 'too-large'
  | 'not-xml'
  | 'doctype-not-allowed'
  | 'unsupported-message'
  | 'missing-message-id'
  | 'invalid-content';

export class BankFileError extends Error {
  constructor(
    readonly reason: BankFileErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'BankFileError';
  }
}
