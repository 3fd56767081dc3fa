export * from './remittance.commands';
export * from './remittance.process';
export * from './issuer-creditor';
export * from './remittance-file';

import { CreateRemittanceProcess } from './remittance.process';
import { RecordReturnsProcess } from '../returns/returns.process';
import { ApplyAvailableCreditHandler, AvailableCredit } from '../credit/available-credit';

/** The collections' handlers (remittances, returns, available credit), for the module that serves them. */
export const remittanceApplicationProviders = [
  CreateRemittanceProcess,
  RecordReturnsProcess,
  AvailableCredit,
  ApplyAvailableCreditHandler,
];
