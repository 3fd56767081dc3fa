import { Module } from '@nestjs/common';
import { AggregateStateController } from './aggregate-state.http.controller';
import { AuditController } from './audit.http.controller';
import { ProjectionFailuresController } from './projection-failures.http.controller';

@Module({ controllers: [AuditController, AggregateStateController, ProjectionFailuresController] })
export class AuditModule {}
