import type { PostalAddress } from '@app/domain';
import { findCustomerFile } from '../customers/customer-file.queries';
import { ReadModelSource } from '../customers/read-model-source';
import { customerAccount } from '../invoices/invoice.queries';
import { CustomerAccountView } from '../invoices/invoice.view';

/**
 * What the portal shows a customer of itself (`GET /portal/me/account`): its own profile
 * basics and account statement, nothing of the operator's (observations, seller, warnings).
 */
export interface PortalAccountView {
  customerId: string;
  code: string | null;
  displayName: string;
  email: string | null;
  status: string;
  address: PostalAddress;
  account: CustomerAccountView;
}

/** The portal's account page of a customer; null if the file holds none (or a deleted one). */
export async function portalAccount(
  source: ReadModelSource,
  customerId: string,
): Promise<PortalAccountView | null> {
  const file = await findCustomerFile(source, customerId);
  if (file === null || file.status === 'deleted') return null;
  return {
    customerId: file.id,
    code: file.code,
    displayName: file.displayName,
    email: file.email,
    status: file.status,
    address: file.address,
    account: await customerAccount(source, customerId),
  };
}
