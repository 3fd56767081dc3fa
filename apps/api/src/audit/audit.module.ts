import { Module } from '@nestjs/common';
import { AggregateStateController } from './aggregate-state.http.controller';
import { AuditController } from './audit.http.controller';

@Module({ controllers: [AuditController, AggregateStateController] })
export class AuditModule {}
