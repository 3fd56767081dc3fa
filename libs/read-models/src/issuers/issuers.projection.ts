import { ISSUER_EVENT_TYPES } from '@app/domain';
import { Projection } from '../projection';
import { keyedRowProjection } from '../rows/keyed-row-projection';
import { IssuerRow } from './issuer.entity';
import { evolveIssuerRow, isRecordedIssuerEvent } from './issuer.evolve';

/** Rule 21's issuers, one row each. */
export const issuersProjection = (): Projection =>
  keyedRowProjection({
    name: 'issuers',
    handles: ISSUER_EVENT_TYPES,
    table: 'issuers',
    entity: IssuerRow,
    key: 'id',
    canHandle: isRecordedIssuerEvent,
    keyOf: (event) => event.data.issuerId,
    evolve: evolveIssuerRow,
    lastRevisionOf: (row) => row.version - 1,
  });
