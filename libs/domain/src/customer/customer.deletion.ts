import { RuleCode } from '../shared/rule-codes';

/** One reason a customer cannot be deleted (rule R6), computed from other aggregates. */
export interface DeletionBlocker {
  code: string;
  message: string;
}

/** Sub-codes of rule R6, one per condition, so clients can tell the reasons apart. */
export const DeletionBlockerCode = {
  invoicesIssued: `${RuleCode.customerDeletion}.INVOICES_ISSUED`,
  signedContracts: `${RuleCode.customerDeletion}.SIGNED_CONTRACTS`,
  liveSubscriptions: `${RuleCode.customerDeletion}.LIVE_SUBSCRIPTIONS`,
  discountsOrExtraCharges: `${RuleCode.customerDeletion}.DISCOUNTS_OR_EXTRA_CHARGES`,
} as const;

/**
 * What the application layer counts in the customer's other streams; the customer stream
 * alone cannot know it.
 */
export interface CustomerDeletionFacts {
  /** Invoices ever issued to the customer (paid or not, credited or not). */
  invoicesIssued: number;
  signedContracts: number;
  /** Subscriptions in any state other than rejected or pending-activation. */
  liveSubscriptions: number;
  /** Subscriptions with a discount ("bonificación") or an extra charge ("importe adicional"). */
  subscriptionsWithDiscountsOrExtraCharges: number;
}

/** Rule R6's conditions, each turned into a reason the operator can act on. */
export function customerDeletionBlockers(facts: CustomerDeletionFacts): DeletionBlocker[] {
  const blockers: DeletionBlocker[] = [];
  if (facts.invoicesIssued > 0)
    blockers.push({
      code: DeletionBlockerCode.invoicesIssued,
      message: `${facts.invoicesIssued} invoice(s) were issued to this customer; invoices are kept for good, so deactivate the customer instead.`,
    });
  if (facts.signedContracts > 0)
    blockers.push({
      code: DeletionBlockerCode.signedContracts,
      message: `${facts.signedContracts} contract(s) are signed; only unsigned drafts can go with the customer.`,
    });
  if (facts.liveSubscriptions > 0)
    blockers.push({
      code: DeletionBlockerCode.liveSubscriptions,
      message: `${facts.liveSubscriptions} subscription(s) are neither rejected nor pending activation; cancel or reject them first.`,
    });
  if (facts.subscriptionsWithDiscountsOrExtraCharges > 0)
    blockers.push({
      code: DeletionBlockerCode.discountsOrExtraCharges,
      message: `${facts.subscriptionsWithDiscountsOrExtraCharges} subscription(s) carry discounts or extra charges.`,
    });
  return blockers;
}
