import { VerifactuChainVerification } from './chain-verification.service';

export * from './chain-append';
export * from './chain-verification.service';

/** Rule 22's chain: what the module serving it provides. */
export const verifactuChainApplicationProviders = [VerifactuChainVerification];
