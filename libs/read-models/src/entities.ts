import { billingEntities } from './billing';
import { ProjectionCheckpoint } from './checkpoints/projection-checkpoint.entity';
import { ParkedEventRow } from './containment/parked-event.entity';
import { contractEntities } from './contracts';
import { customerEntities } from './customers';
import { invoiceEntities } from './invoices';
import { remittanceEntities } from './remittances';
import { verifactuEntities } from './verifactu';
import { issuerEntities } from './issuers';
import { verifactuOutboxEntities } from './verifactu-outbox';
import { ticketEntities } from './tickets';
import { estimateEntities } from './estimates';
import { taskEntities } from './tasks';
import { formEntities } from './forms';
import { portalEntities } from './portal';
import { sendEntities } from './sends';
import { catalogEntities } from './catalogs';
import { interestEntities } from './interests';
import { renewableEntities } from './renewables';
import { customerFilesEntities } from './attachments';

/** Every TypeORM entity of the read models. A new view adds its entities here. */
export const readModelEntities = [
  ProjectionCheckpoint,
  ParkedEventRow,
  ...customerEntities,
  ...contractEntities,
  ...invoiceEntities,
  ...billingEntities,
  ...remittanceEntities,
  ...verifactuEntities,
  ...issuerEntities,
  ...verifactuOutboxEntities,
  ...ticketEntities,
  ...estimateEntities,
  ...taskEntities,
  ...formEntities,
  ...portalEntities,
  ...sendEntities,
  ...catalogEntities,
  ...interestEntities,
  ...renewableEntities,
  ...customerFilesEntities,
];
