import { IssuerChainVerification, VerifactuChainVerification } from '@app/application';
import { Command, CommandRunner, Option } from 'nest-commander';
import { CliOutput } from '../cli-output';
import { ChainProgressBar } from './chain-progress-bar';

interface VerifyChainOptions {
  issuer?: string;
}

/** The line naming a chain's first broken record. */
export function describeBrokenChain(outcome: IssuerChainVerification): string {
  const broken = outcome.firstBroken;
  if (broken === undefined) return `OK: the chain of issuer ${outcome.issuerId} is valid`;
  return (
    `BROKEN: the chain of issuer ${outcome.issuerId} breaks at record #${broken.index} ` +
    `${broken.recordId} (${broken.numSerie}), ${broken.reason}: expected ${broken.expected}, found ${broken.found}`
  );
}

/**
 * Rule 22: every VERI*FACTU chain (or one issuer's) verified from the log: each fingerprint
 * recomputed and each link checked. One JSON line per issuer on stdout, a progress bar and a
 * verdict per chain on stderr; exit code 1 when a chain is broken.
 */
@Command({
  name: 'verify-chain',
  description:
    "Verify the VERI*FACTU record chains from the log (every issuer's, or --issuer's); exit 1 naming the first broken record",
})
export class VerifyChainCommand extends CommandRunner {
  constructor(
    private readonly verification: VerifactuChainVerification,
    private readonly output: CliOutput,
  ) {
    super();
  }

  @Option({ flags: '--issuer <id>', description: 'only this issuer’s chain' })
  parseIssuer(value: string): string {
    return value;
  }

  async run(_: string[], options: VerifyChainOptions = {}): Promise<void> {
    const issuers =
      options.issuer !== undefined ? [options.issuer] : await this.verification.issuersWithChains();
    if (issuers.length === 0) {
      this.output.message('OK: no VERI*FACTU chain in the log');
      return;
    }
    const sizes = await Promise.all(issuers.map((id) => this.verification.recordsIn(id)));
    const bar = new ChainProgressBar(
      sizes.reduce((sum, size) => sum + size, 0),
      this.output.stderr,
    );
    const outcomes: IssuerChainVerification[] = [];
    let before = 0;
    try {
      for (const [at, issuerId] of issuers.entries()) {
        outcomes.push(
          await this.verification.verify(issuerId, {
            onProgress: ({ done }) => bar.update(before + done, issuerId),
          }),
        );
        before += sizes[at];
      }
    } finally {
      bar.stop();
    }
    for (const outcome of outcomes) {
      await this.output.data(`${JSON.stringify(outcome)}\n`);
      if (outcome.valid)
        this.output.message(`${describeBrokenChain(outcome)} (${outcome.records} records)`);
      else this.output.fail(describeBrokenChain(outcome));
    }
  }
}
