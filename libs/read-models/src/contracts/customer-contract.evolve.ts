import { assertNever, ContractDrafted, maskIban, SignatureAccount } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { ibanFingerprint } from '../customers/iban-fingerprint';
import { CustomerContractRow } from './customer-contract.entity';
import { RecordedContractEvent } from './recorded-contract-events';

type Columns = Partial<CustomerContractRow>;

/**
 * The contract's row after one more event of its stream: pure, so the live projection and a
 * rebuild from the log cannot disagree. `null` in and not a draft: nothing to show.
 */
export function evolveCustomerContract(
  row: CustomerContractRow | null,
  event: RecordedContractEvent,
): CustomerContractRow | null {
  if (event.type === 'ContractDrafted') return drafted(event);
  if (row === null) return null;
  return { ...row, ...changedColumns(event), ...stamp(event) };
}

type LaterEvent = Exclude<RecordedContractEvent, { type: 'ContractDrafted' }>;

function stamp(event: RecordedContractEvent) {
  return {
    lastRevision: Number(event.revision),
    updatedAt: new Date(event.metadata.occurredAt),
    lastModifiedBy: event.metadata.actor,
  };
}

function changedColumns(event: LaterEvent): Columns {
  switch (event.type) {
    case 'ContractSigned': {
      const { paymentMethod, signatory, signedAt } = event.data;
      return {
        status: 'signed',
        paymentMethod,
        ...accountColumns(event.data),
        signatory,
        signedAt,
      };
    }
    case 'SignatureIbanChanged':
      return event.data.after.mandateReference === event.data.before.mandateReference
        ? accountColumns(event.data.after)
        : { ...accountColumns(event.data.after), mandateInvalidated: null };
    case 'MandateInvalidated':
      return { mandateInvalidated: event.data.reasonCode };
    case 'ContractDraftDeleted':
      return { status: 'deleted', deletedAt: event.data.deletedAt };
    case 'ContractTerminated':
      return {
        status: 'terminated',
        terminatedAt: event.data.terminatedAt,
        terminationReason: event.data.reason,
      };
    default:
      return assertNever(event, 'contract event');
  }
}

function drafted(event: RecordedEvent<'ContractDrafted', ContractDrafted['data']>) {
  const { contractId, customerId, paymentMethod, draftedAt } = event.data;
  const row: CustomerContractRow = {
    id: contractId,
    customerId,
    status: 'draft',
    paymentMethod,
    ...accountColumns({ iban: null, mandateReference: null }),
    signatory: null,
    draftedAt,
    signedAt: null,
    terminatedAt: null,
    terminationReason: null,
    deletedAt: null,
    mandateInvalidated: null,
    ...stamp(event),
  };
  return row;
}

/** Rule R4: the signature's IBAN masked and fingerprinted, never stored in full. */
function accountColumns({ iban, mandateReference }: SignatureAccount) {
  return {
    maskedIban: iban && maskIban(iban),
    ibanFingerprint: ibanFingerprint(iban),
    mandateReference,
  };
}
