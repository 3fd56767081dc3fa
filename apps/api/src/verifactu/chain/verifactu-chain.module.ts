import { Module } from '@nestjs/common';
import { verifactuChainApplicationProviders } from '@app/application';
import { VerifactuChainController } from './verifactu-chain.http.controller';

/** Rule 22: the VERI*FACTU record chains, read and verified. */
@Module({
  controllers: [VerifactuChainController],
  providers: verifactuChainApplicationProviders,
})
export class VerifactuChainModule {}
