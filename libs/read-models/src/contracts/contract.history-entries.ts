import { assertNever, CONTRACT_EVENT_TYPES, PaymentMethod } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { HistoryChange } from '../customers/customer-history.entity';
import { HistoryEntry, HistorySource } from '../customers/history-entry';
import { isRecordedContractEvent, RecordedContractEvent } from './recorded-contract-events';

const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  direct_debit: 'direct debit',
  transfer: 'transfer',
  card: 'card',
  cash: 'cash',
};

/**
 * A contract event's line on its customer's history tab (rule R13). The line's stream names
 * the contract. IBANs go in full to `historyRowFor`, which masks every IBAN field it stores.
 */
export function contractHistoryEntryFor(event: RecordedEvent): HistoryEntry | null {
  if (!isRecordedContractEvent(event)) return null;
  const { summary, changes } = describe(event);
  return { customerId: event.data.customerId, summary, changes, bulkOperationId: null };
}

export const contractHistorySource: HistorySource = {
  handles: CONTRACT_EVENT_TYPES,
  historyEntryFor: contractHistoryEntryFor,
};

function describe(event: RecordedContractEvent): { summary: string; changes: HistoryChange[] } {
  switch (event.type) {
    case 'ContractDrafted': {
      const { paymentMethod } = event.data;
      return {
        summary: `Contract drafted: ${PAYMENT_METHOD_LABELS[paymentMethod] ?? paymentMethod}`,
        changes: [
          { field: 'status', before: null, after: 'draft' },
          { field: 'paymentMethod', before: null, after: paymentMethod },
        ],
      };
    }
    case 'ContractSigned': {
      const { iban, mandateReference, signatory, signedAt } = event.data;
      const signed = { iban, mandateReference, signatory, signedAt };
      return {
        summary: `Contract signed by ${signatory}`,
        changes: [
          { field: 'status', before: 'draft', after: 'signed' },
          ...Object.entries(signed)
            .filter(([, value]) => value !== null)
            .map(([field, after]) => ({ field, before: null, after })),
        ],
      };
    }
    case 'SignatureIbanChanged': {
      const { before, after } = event.data;
      const changes = (['iban', 'mandateReference'] as const)
        .filter((field) => before[field] !== after[field])
        .map((field) => ({ field, before: before[field], after: after[field] }));
      return { summary: 'Signature IBAN changed', changes };
    }
    case 'ContractDraftDeleted':
      return {
        summary: 'Contract draft deleted',
        changes: [{ field: 'status', before: 'draft', after: 'deleted' }],
      };
    case 'ContractTerminated':
      return {
        summary: `Contract terminated: ${event.data.reason}`,
        changes: [{ field: 'status', before: 'signed', after: 'terminated' }],
      };
    case 'MandateInvalidated': {
      const { mandateReference, reasonCode } = event.data;
      return {
        summary: `Mandate ${mandateReference} invalidated by a bank return (${reasonCode}): a new one must be signed`,
        changes: [{ field: 'mandateInvalidated', before: null, after: reasonCode }],
      };
    }
    default:
      return assertNever(event, 'contract event');
  }
}
