import { Module } from '@nestjs/common';
import { SimulationsController } from './simulations.http.controller';

@Module({ controllers: [SimulationsController] })
export class BillingModule {}
