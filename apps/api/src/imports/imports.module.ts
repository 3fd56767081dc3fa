import { Module } from '@nestjs/common';
import { customerImportProviders } from '@app/application';
import { ImportsController } from './imports.http.controller';

/** Issue 21 item 7: importing the customers of the system being replaced. */
@Module({ controllers: [ImportsController], providers: customerImportProviders })
export class ImportsModule {}
