import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_CONFIG } from '../storage/tokens';
import { validateAppConfig } from './app-config';

/** `@nestjs/config` reads the environment; `validateAppConfig` checks it at boot. */
@Global()
@Module({
  imports: [
    ConfigModule.forRoot({ validate: validateAppConfig, ignoreEnvFile: true, cache: true }),
  ],
  providers: [{ provide: APP_CONFIG, useFactory: () => validateAppConfig(process.env) }],
  exports: [APP_CONFIG],
})
export class AppConfigModule {}
