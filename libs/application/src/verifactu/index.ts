import { VerifactuChainVerification } from './chain/chain-verification.service';

export * from './chain';

/** Rule 22's chain: what the module serving it provides. */
export const verifactuChainApplicationProviders = [VerifactuChainVerification];
