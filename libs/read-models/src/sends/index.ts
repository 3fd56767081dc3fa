import { Projection } from '../projection';
import { SendRow } from './send.entity';
import { sendsProjection } from './sends.projection';

export * from './send.entity';
export * from './sends.projection';
export * from './sends.queries';

export const sendEntities = [SendRow];
export const sendProjections = (): Projection[] => [sendsProjection()];
