export * from './verifactu-chain-record.entity';
export * from './verifactu-chain-record.evolve';
export * from './verifactu-chain.projection';
export * from './verifactu-chain.queries';

import { Projection } from '../projection';
import { VerifactuChainRecordRow } from './verifactu-chain-record.entity';
import { verifactuChainProjection } from './verifactu-chain.projection';

export const verifactuEntities = [VerifactuChainRecordRow];

export const verifactuProjections = (): Projection[] => [verifactuChainProjection()];
