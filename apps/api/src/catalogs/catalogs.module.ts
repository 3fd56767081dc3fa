import { Module } from '@nestjs/common';
import { catalogApplicationProviders } from '@app/application';
import { CatalogsController } from './catalogs.http.controller';

/** Rule 28: zones, sellers, collectors and tariffs. */
@Module({ controllers: [CatalogsController], providers: catalogApplicationProviders })
export class CatalogsModule {}
