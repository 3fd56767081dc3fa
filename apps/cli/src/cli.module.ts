import { Module } from '@nestjs/common';
import {
  AppConfigModule,
  catalogChoiceProviders,
  CatalogMigration,
  CustomerUniqueValues,
  CustomerWrites,
  DunningRunProcess,
  IssuerDirectory,
  VerifactuChainVerification,
} from '@app/application';
import { ReadModelsModule } from '@app/application';
import { StorageModule } from '@app/application';
import { AsOfCommand } from './as-of/as-of.command';
import { CliOutput } from './cli-output';
import { DunningRunCommand } from './dunning-run/dunning-run.command';
import { ExportCommand } from './export/export.command';
import { RebuildCommand } from './rebuild/rebuild.command';
import { ReplayParkedCommand } from './replay-parked/replay-parked.command';
import { SimulateCommand } from './simulate/simulate.command';
import { RemittanceFileCommand } from './remittance-file/remittance-file.command';
import { VerifyCommand } from './verify/verify.command';
import { VerifyChainCommand } from './verify-chain/verify-chain.command';
import { CatalogsMigrateCommand } from './catalogs-migrate/catalogs-migrate.command';

export const cliCommands = [
  RebuildCommand,
  VerifyCommand,
  AsOfCommand,
  ExportCommand,
  SimulateCommand,
  ReplayParkedCommand,
  RemittanceFileCommand,
  DunningRunCommand,
  VerifyChainCommand,
  CatalogsMigrateCommand,
];

/**
 * The auditors' command line on the API's own configuration and storage wiring (DATA_DIR,
 * DATABASE_URL, DATABASE_SCHEMA, EVENTSTORE_CONNECTION_STRING). The read models are opened
 * and migrated, but no projection runner follows the log: each command replays what it needs.
 */
@Module({
  imports: [AppConfigModule, StorageModule, ReadModelsModule],
  providers: [
    CliOutput,
    DunningRunProcess,
    IssuerDirectory,
    VerifactuChainVerification,
    ...catalogChoiceProviders,
    CustomerUniqueValues,
    CustomerWrites,
    CatalogMigration,
    ...cliCommands,
  ],
})
export class CliModule {}
