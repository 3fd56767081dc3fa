import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { ParkedProjectionsHealth } from './parked-projections';

@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
  providers: [ParkedProjectionsHealth],
})
export class HealthModule {}
