import { Module } from '@nestjs/common';
import { issuerApplicationProviders } from '@app/application';
import { IssuersController } from './issuers.http.controller';

/** Rule 21: issuer entities. */
@Module({ controllers: [IssuersController], providers: issuerApplicationProviders })
export class IssuersModule {}
