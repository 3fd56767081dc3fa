/**
 * One reason a command was refused. `field` points at the offending input (for forms and the
 * HTTP `details`); `target` names the aggregate it concerns when one command touches many
 * (a bulk update lists every failing customer).
 */
export interface RefusalReason {
  code: string;
  message: string;
  field?: string;
  target?: string;
}

/**
 * A command refused by a domain rule. `code` is the rule from DOMAIN.md (`R1`, `R6`) or a
 * named refusal (`CUSTOMER.NOT_FOUND`); the message tells a person what to do about it.
 * Only the HTTP layer turns this into a status code.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: string,
    message: string,
    readonly details?: RefusalReason[],
  ) {
    super(message);
  }

  /** A refusal for one or more reasons: the first reason's code heads the error. */
  static fromReasons(reasons: readonly RefusalReason[], summary?: string): DomainError {
    if (reasons.length === 0) throw new Error('A refusal needs at least one reason');
    const message = summary ?? reasons.map((reason) => reason.message).join(' ');
    return new DomainError(reasons[0].code, message, [...reasons]);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

/** Throws when any rule was broken, listing every reason at once rather than the first only. */
export function refuseIfAny(reasons: readonly RefusalReason[]): void {
  if (reasons.length > 0) throw DomainError.fromReasons(reasons);
}
