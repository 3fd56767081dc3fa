import { VERIFACTU_CHAIN_EVENT_TYPES } from '@app/domain';
import { Projection } from '../projection';
import { keyedRowProjection } from '../rows/keyed-row-projection';
import { VerifactuChainRecordRow } from './verifactu-chain-record.entity';
import { evolveChainRecordRow, isRecordedChainEvent } from './verifactu-chain-record.evolve';

/** Rule 22's chains, one row per record, for `GET /verifactu/issuers/:id/chain`. */
export const verifactuChainProjection = (): Projection =>
  keyedRowProjection({
    name: 'verifactu_chain_records',
    handles: VERIFACTU_CHAIN_EVENT_TYPES,
    table: 'verifactu_chain_records',
    entity: VerifactuChainRecordRow,
    key: 'recordId',
    canHandle: isRecordedChainEvent,
    keyOf: (event) => event.data.recordId,
    evolve: evolveChainRecordRow,
    lastRevisionOf: (row) => row.sequence,
  });
