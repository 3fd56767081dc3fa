export * from './remittance.commands';
export * from './remittance.process';
export * from './issuer-creditor';
export * from './remittance-file';

import { CreateRemittanceProcess } from './remittance.process';

export const remittanceApplicationProviders = [CreateRemittanceProcess];
