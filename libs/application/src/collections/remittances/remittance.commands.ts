import { Command } from '@nestjs/cqrs';
import { ExcludedEffect, PainVersion, PlainDate } from '@app/domain';
import { CommandContext } from '../../commands/command-context';

export interface RemittanceRequest {
  /** The issuer whose effects are remitted; the configured one by default. */
  issuerId?: string;
  collectionDate: PlainDate;
  dueUntil?: PlainDate;
  painVersion?: PainVersion;
}

/** What `POST /collections/remittances` answers (API.md). */
export interface RemittanceOutcome {
  id: string;
  effects: number;
  totalCents: number;
  firstCollections: number;
  recurringCollections: number;
  excluded: ExcludedEffect[];
  position: number | null;
}

/** Rule 18: a remittance of the effects due, handled by `CreateRemittanceProcess`. */
export class CreateRemittanceCommand extends Command<RemittanceOutcome> {
  constructor(
    readonly remittanceId: string,
    readonly request: RemittanceRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
