import { IBAN_MISMATCH, IbanMismatchWarning } from '@app/domain';
import { EntityManager } from 'typeorm';
import { CustomerFileRow } from '../customers/customer-file.entity';
import { isUuid, managerOf, ReadModelSource } from '../customers/read-model-source';
import { CustomerContractRow } from './customer-contract.entity';

/**
 * Rule R4: one warning per signed contract whose signature charges another account than the
 * customer file's IBAN, since changing the file does not change any signature. Compared by
 * fingerprint, shown masked; none when either side has no IBAN. A terminated contract is no
 * longer charged going forward, so it does not warn.
 */
export async function customerIbanWarnings(
  source: ReadModelSource,
  customerId: string,
): Promise<IbanMismatchWarning[]> {
  if (!isUuid(customerId)) return [];
  const manager = managerOf(source);
  const file = await manager.getRepository(CustomerFileRow).findOneBy({ id: customerId });
  return file === null ? [] : ibanWarningsOf(manager, file);
}

/** `customerIbanWarnings` for a file already read. */
export async function ibanWarningsOf(
  manager: EntityManager,
  file: CustomerFileRow,
): Promise<IbanMismatchWarning[]> {
  if (file.ibanFingerprint === null) return [];
  const signed = await manager.getRepository(CustomerContractRow).find({
    where: { customerId: file.id, status: 'signed' },
    order: { draftedAt: 'ASC', id: 'ASC' },
  });
  return ibanWarningsFrom(file, signed);
}

/** Rule R4's warnings of a file, from its signed contracts (oldest first). */
export function ibanWarningsFrom(
  file: Pick<CustomerFileRow, 'ibanFingerprint' | 'maskedIban'>,
  signed: readonly Pick<CustomerContractRow, 'id' | 'ibanFingerprint' | 'maskedIban'>[],
): IbanMismatchWarning[] {
  if (file.ibanFingerprint === null) return [];
  return signed
    .filter(
      ({ ibanFingerprint }) => ibanFingerprint !== null && ibanFingerprint !== file.ibanFingerprint,
    )
    .map((contract) => ({
      code: IBAN_MISMATCH,
      contractId: contract.id,
      message: `The customer file's IBAN (${file.maskedIban}) differs from the one signed on contract ${contract.id} (${contract.maskedIban}). Billing charges the signed one; change the contract's signature to charge the new account.`,
    }));
}
