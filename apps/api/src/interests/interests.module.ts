import { Module } from '@nestjs/common';
import { InterestsController } from './interests.http.controller';

/** The handlers are the customer's (`customerApplicationProviders`): same stream, same write path. */
@Module({ controllers: [InterestsController] })
export class InterestsModule {}
