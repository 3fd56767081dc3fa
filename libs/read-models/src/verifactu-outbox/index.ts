import { Projection } from '../projection';
import { VerifactuOutboxRow } from './verifactu-outbox.entity';
import { verifactuOutboxProjection } from './verifactu-outbox.projection';

export * from './verifactu-outbox.entity';
export * from './verifactu-outbox.projection';
export * from './verifactu-outbox.queries';

export const verifactuOutboxEntities = [VerifactuOutboxRow];
export const verifactuOutboxProjections = (): Projection[] => [verifactuOutboxProjection()];
