import { Module } from '@nestjs/common';
import { AuditController } from './audit.http.controller';

@Module({ controllers: [AuditController] })
export class AuditModule {}
