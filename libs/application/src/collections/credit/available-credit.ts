import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  availableCreditCents,
  invoiceDecider,
  InvoiceState,
  invoiceStream,
  outstandingCents,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { creditPositionsOf } from '@app/read-models';
import { DataSource } from 'typeorm';
import { v4 as uuid } from 'uuid';
import { CommandContext } from '../../commands/command-context';
import { decideAndAppend, toNewEvent, toNumber } from '../../commands/decide-and-append';
import { foldState } from '../../commands/load-state';
import { ProjectionProgress } from '../../storage/projection-progress';
import { READ_MODELS } from '../../storage/read-models.module';

export interface CreditMoved {
  fromInvoiceId: string;
  toInvoiceId: string;
  amountCents: number;
}

export interface CreditApplication {
  customerId: string;
  moved: CreditMoved[];
  position: number | null;
}

/** `POST /customers/:id/account/apply-credit`: rule 17's available credit set against what is owed. */
export class ApplyAvailableCreditCommand extends Command<CreditApplication> {
  constructor(
    readonly customerId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Rule 17: credit a customer has available (an invoice paid or collected beyond what it owed)
 * is set against their other invoices still owed, oldest due first, so it never sits idle while
 * the bank is asked for more. Each move is one decision on each of the two invoices — the
 * credit out of one and in as paid on the other (whose pending effects not yet remitted then
 * follow) — appended together with the revisions read (atomic on the SQL stores).
 */
@Injectable()
export class AvailableCredit {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly progress: ProjectionProgress,
  ) {}

  /** Moves every customer's available credit onto their invoices owed; answers what moved. */
  async applyFor(customerIds: readonly string[], context: CommandContext): Promise<CreditMoved[]> {
    await this.progress.waitFor(await this.store.lastCommittedPosition());
    const positions = await creditPositionsOf(this.readModels, customerIds);
    const moved: CreditMoved[] = [];
    for (const customerId of new Set(customerIds)) {
      const mine = positions.filter((position) => position.customerId === customerId);
      const sources = mine.filter((position) => position.availableCreditCents > 0);
      const targets = mine.filter((position) => position.outstandingCents > 0);
      for (const source of sources)
        for (const target of targets) {
          const move = await this.move(source.invoiceId, target.invoiceId, context);
          if (move) moved.push(move);
        }
    }
    return moved;
  }

  private async move(
    fromInvoiceId: string,
    toInvoiceId: string,
    context: CommandContext,
  ): Promise<CreditMoved | null> {
    const transferId = uuid();
    let amountCents = 0;
    // The target as read with this attempt's source: its revision is what the append expects.
    let target: Awaited<ReturnType<AvailableCredit['loaded']>> | null = null;
    const result = await decideAndAppend(this.store, {
      aggregateId: fromInvoiceId,
      stream: invoiceStream(fromInvoiceId),
      decider: invoiceDecider,
      context,
      expectedVersion: null,
      retry: { attempts: 5 },
      command: async (source: InvoiceState) => {
        target = await this.loaded(toInvoiceId);
        amountCents = Math.min(availableCreditCents(source), outstandingCents(target.state));
        if (amountCents <= 0) return [];
        return {
          type: 'TransferCreditOut' as const,
          data: { invoiceId: fromInvoiceId, transferId, toInvoiceId, amountCents },
          metadata: { at: context.at },
        };
      },
      alongside: async (_events, source) => {
        if (target === null) throw new Error(`Invoice ${toInvoiceId} was not read before the move`);
        const events = invoiceDecider.decide(
          {
            type: 'ApplyCreditIn',
            data: {
              invoiceId: toInvoiceId,
              transferId,
              fromInvoiceId,
              fromCustomerId: source.status === 'issued' ? source.customerId : '',
              amountCents,
            },
            metadata: { at: context.at },
          },
          target.state,
        );
        return {
          before: [],
          after: [
            {
              stream: invoiceStream(toInvoiceId),
              events: events.map((event) => toNewEvent(event, context)),
              expectedRevision: target.revision,
            },
          ],
        };
      },
    });
    return result.events.length > 0 ? { fromInvoiceId, toInvoiceId, amountCents } : null;
  }

  private async loaded(invoiceId: string) {
    const recorded = await this.store.readStream(invoiceStream(invoiceId));
    const last = recorded[recorded.length - 1];
    return {
      state: foldState(recorded, invoiceDecider),
      revision: last ? last.revision : ('no_stream' as const),
    };
  }
}

@CommandHandler(ApplyAvailableCreditCommand)
export class ApplyAvailableCreditHandler implements ICommandHandler<ApplyAvailableCreditCommand> {
  constructor(
    private readonly credit: AvailableCredit,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ customerId, context }: ApplyAvailableCreditCommand): Promise<CreditApplication> {
    const moved = await this.credit.applyFor([customerId], context);
    const position = await this.store.lastCommittedPosition();
    return { customerId, moved, position: toNumber(position) };
  }
}
