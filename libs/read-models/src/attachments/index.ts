export * from './customer-files.entities';
export * from './customer-files.projection';
export * from './customer-files.queries';
export * from './customer-files.history-entries';

import { Projection } from '../projection';
import { CustomerAttachmentRow, CustomerImageRow } from './customer-files.entities';
import { customerFilesProjection } from './customer-files.projection';

export const customerFilesEntities = [CustomerAttachmentRow, CustomerImageRow];

export const customerFilesProjections = (): Projection[] => [customerFilesProjection()];
