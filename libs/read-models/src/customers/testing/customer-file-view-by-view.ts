import { DataSource } from 'typeorm';
import { customerImageOf, imageBlockOf } from '../../attachments/customer-files.queries';
import { CustomerAttachmentRow } from '../../attachments/customer-files.entities';
import {
  contactWarningsFrom,
  customerReturns,
  dunningStageOf,
  mandatesOf,
} from '../../collections/collections.queries';
import { contractsTabOf } from '../../contracts/contract.queries';
import { CustomerContractRow } from '../../contracts/customer-contract.entity';
import { ibanWarningsOf } from '../../contracts/customer-iban-warnings';
import { withInvoiceFigures } from '../../invoices/customer-invoice-figures';
import { CustomerFileRow } from '../customer-file.entity';
import { CustomerHistoryRow } from '../customer-history.entity';
import { toCustomerFile } from '../customer-file.view';

/**
 * The customer file as it was read before it became one statement: the row, then each view in
 * turn through the ORM's repositories, one query each. The oracle the statement must equal.
 */
export async function customerFileReadViewByView(dataSource: DataSource, id: string) {
  const manager = dataSource.manager;
  const row = await manager.getRepository(CustomerFileRow).findOneBy({ id });
  if (row === null) return null;
  const [withFigures] = await withInvoiceFigures(manager, [row]);
  const file = toCustomerFile(withFigures);
  const { contracts, subscriptions } = await contractsTabOf(manager, id);
  const ibanWarnings = await ibanWarningsOf(manager, row);
  const allContracts = await manager.getRepository(CustomerContractRow).find({
    where: { customerId: id },
    order: { draftedAt: 'ASC', id: 'ASC' },
  });
  const [lastReturn = null] = await customerReturns(manager, id);
  const [lastDunning] = await manager.getRepository(CustomerHistoryRow).find({
    where: [
      { customerId: id, eventType: 'DunningStepApplied' },
      { customerId: id, eventType: 'DunningCleared' },
    ],
    order: { position: 'DESC' },
    take: 1,
  });
  const interactionsSince = await manager
    .getRepository(CustomerHistoryRow)
    .createQueryBuilder('h')
    .where('h.customer_id = :id', { id })
    .andWhere("h.event_type = 'InteractionRecorded'")
    .andWhere('h.occurred_at >= :returnedAt', {
      returnedAt: lastReturn?.returnedAt ?? '1970-01-01',
    })
    .getCount();
  const image = await customerImageOf(manager, id);
  const attachments = await manager
    .getRepository(CustomerAttachmentRow)
    .countBy({ customerId: id });
  return {
    ...file,
    image: imageBlockOf(id, image),
    attachmentCount: attachments,
    counts: { ...file.counts, contracts: contracts.length, subscriptions: subscriptions.length },
    warnings: [
      ...file.warnings,
      ...ibanWarnings,
      ...contactWarningsFrom(lastReturn, interactionsSince > 0),
    ],
    collections: {
      mandates: mandatesOf(allContracts),
      lastReturn,
      dunningStage: dunningStageOf(lastDunning ?? null),
    },
  };
}
