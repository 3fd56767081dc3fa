/**
 * Rule codes from DOMAIN.md, "Rules". A refusal carries the code of the rule it enforces so
 * API clients and auditors can look the rule up; names here say what each rule protects.
 */
export const RuleCode = {
  personTypeNames: 'R1',
  email: 'R2',
  document: 'R3',
  iban: 'R4',
  subscriptionStates: 'R5',
  customerDeletion: 'R6',
  billingDay: 'R11',
  bulkUpdate: 'R14',
} as const;

export type RuleCode = (typeof RuleCode)[keyof typeof RuleCode];
