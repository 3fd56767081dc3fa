export * from './remittance.commands';
export * from './remittance.process';
export * from './issuer-creditor';
export * from './remittance-file';

import { CreateRemittanceProcess } from './remittance.process';
import { RecordReturnsProcess } from '../returns/returns.process';

/** The collections' handlers (remittances, returns), for the module that serves them. */
export const remittanceApplicationProviders = [CreateRemittanceProcess, RecordReturnsProcess];
