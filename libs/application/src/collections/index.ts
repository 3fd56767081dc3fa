import { ApplyAvailableCreditHandler, AvailableCredit } from './credit/available-credit';
import { DunningRunProcess } from './dunning/dunning-run.process';
import { CreateRemittanceProcess } from './remittances/remittance.process';
import { RecordReturnsProcess } from './returns/returns.process';
import { IssuerDirectory } from '../issuers/issuer-directory';

/** The collections' handlers (rules 17–20), for the module that serves them. */
export const collectionsApplicationProviders = [
  AvailableCredit,
  ApplyAvailableCreditHandler,
  CreateRemittanceProcess,
  RecordReturnsProcess,
  DunningRunProcess,
  IssuerDirectory,
];
