import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';

/** `npm run cli -- <command>`: rebuild, verify, as-of, export, simulate, replay-parked, verify-chain (`--help` lists them). */
async function bootstrap(): Promise<void> {
  // The CLI replays the log itself; a runner following it live would race the rebuilds.
  process.env.PROJECTIONS_IN_PROCESS = 'false';
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    // A failure to start (the data directory in use, say): its message, exit code 1.
    abortOnError: false,
    cliName: 'npm run cli --',
    serviceErrorHandler: (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    },
  });
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
