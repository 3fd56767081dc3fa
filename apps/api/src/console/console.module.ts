import { Module } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { APP_CONFIG, AppConfig, IssuerDirectory, portalTokenSecret } from '@app/application';
import { ConsoleBillingFormsController } from './console-billing-forms.controller';
import { ConsoleEffectFormsController } from './console-effect-forms.controller';
import { ConsoleCustomerPages } from './console-customer-pages';
import { ConsoleAssetsController } from './console-assets.controller';
import { ConsoleCommandRunner } from './console-command-runner';
import { ConsoleCustomersController } from './console-customers.controller';
import { ConsoleLoginController } from './console-login.controller';
import { ConsoleSessions } from './console-session';
import { ConsoleSessionGuard } from './console-session.guard';
import { ConsoleTimelineController } from './console-timeline.controller';
import { ConsoleViews } from './console-views';
import { ConsoleCalendarController } from './console-calendar.controller';
import { ConsoleDunningController } from './console-dunning.controller';
import { ConsoleRemittancesController } from './console-remittances.controller';
import { ConsoleSimulationController } from './console-simulation.controller';

/**
 * `/console`: the back office's pages, server-rendered (Eta) with htmx, on the same
 * application layer as the API (docs/console.md).
 */
@Module({
  controllers: [
    ConsoleLoginController,
    ConsoleCustomersController,
    ConsoleTimelineController,
    ConsoleBillingFormsController,
    ConsoleEffectFormsController,
    ConsoleSimulationController,
    ConsoleCalendarController,
    ConsoleRemittancesController,
    ConsoleDunningController,
    ConsoleAssetsController,
  ],
  providers: [
    ConsoleViews,
    ConsoleSessionGuard,
    ConsoleCommandRunner,
    ConsoleCustomerPages,
    IssuerDirectory,
    {
      // Keyed from the portal's secret (PORTAL_TOKEN_SECRET, or the one kept in DATA_DIR), a
      // key of its own derived from it: every API process sharing it serves the same sessions.
      provide: ConsoleSessions,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) =>
        new ConsoleSessions(
          createHmac('sha256', await portalTokenSecret(config))
            .update('console-session')
            .digest(),
        ),
    },
  ],
})
export class ConsoleModule {}
