import { parse as parseUuid, v5 as uuidv5 } from 'uuid';
import { InvoiceState } from './invoice.state';

/** Names ids this service derives, so the same facts always give the same id. */
const DERIVED_IDS = '5b0f8c52-6a3e-4f0e-9d7c-2a4a1c9e8b13';
/** Its bytes, parsed once: a simulation of every customer derives an id per contract and cycle. */
const DERIVED_IDS_BYTES = parseUuid(DERIVED_IDS);
const UTF8 = new TextEncoder();

/**
 * Rule R7: the one invoice of a contract for a cycle has one id, whoever issues it — a billing
 * run, a second run racing it, or a simulation looking for what was already issued.
 */
export const invoiceIdFor = (contractId: string, cyclePeriod: string): string =>
  uuidv5(UTF8.encode(`invoice/${contractId}/${cyclePeriod}`), DERIVED_IDS_BYTES);

/**
 * Rule R7 after annulments (rule 22): the `reissue`-th invoice of a contract's cycle. The first
 * (0) is `invoiceIdFor`'s; each one annulled hands the cycle to the next, so a run invoices an
 * annulled cycle again under a new id, and two runs racing still meet on the same one.
 */
export const cycleInvoiceIdFor = (
  contractId: string,
  cyclePeriod: string,
  reissue: number,
): string => {
  if (!Number.isInteger(reissue) || reissue < 0)
    throw new RangeError(`A reissue is a whole number ≥ 0, got ${reissue}`);
  return reissue === 0
    ? invoiceIdFor(contractId, cyclePeriod)
    : uuidv5(
        UTF8.encode(`invoice/${contractId}/${cyclePeriod}/reissue/${reissue}`),
        DERIVED_IDS_BYTES,
      );
};

/** An invoice annulled (rule 22) no longer holds its cycle: the cycle may be invoiced again. */
export const isAnnulled = (state: InvoiceState): boolean =>
  state.status === 'issued' && state.cancellation != null;

/**
 * The invoice that holds a contract's cycle: the first of its ids (`cycleInvoiceIdFor`, in
 * order) that is not annulled, given whether each one is.
 */
export function cycleInvoiceOf(
  contractId: string,
  cyclePeriod: string,
  annulled: (invoiceId: string) => boolean,
): string {
  for (let reissue = 0; ; reissue++) {
    const invoiceId = cycleInvoiceIdFor(contractId, cyclePeriod, reissue);
    if (!annulled(invoiceId)) return invoiceId;
  }
}

/** The direct-debit effect a billing run sends for an invoice it issues. */
export const firstEffectIdFor = (invoiceId: string): string =>
  uuidv5(`effect/${invoiceId}/1`, DERIVED_IDS);
