import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  contractDecider,
  contractStream,
  DomainError,
  invalidatesMandate,
  remittanceDecider,
  remittanceLedgerStream,
  subscriptionDecider,
  subscriptionStream,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import {
  billableSubscriptionOf,
  effectLocations,
  EffectLocation,
  remittedMandateOf,
} from '@app/read-models';
import { DataSource } from 'typeorm';
import { v5 as uuidv5 } from 'uuid';
import { AppConfig } from '../../config/app-config';
import { CommandContext } from '../../commands/command-context';
import { decideAndAppend, toNumber } from '../../commands/decide-and-append';
import { foldState } from '../../commands/load-state';
import { IssuerDirectory } from '../../issuers/issuer-directory';
import { InvoiceDocuments } from '../../invoices/invoice-documents';
import { ProjectionProgress } from '../../storage/projection-progress';
import { READ_MODELS } from '../../storage/read-models.module';
import { APP_CONFIG } from '../../storage/tokens';
import { returnReasonOf } from '../bank-files/return-reasons';
import { DEFAULT_ISSUER_ID } from '../remittances/issuer-creditor';
import {
  RecordReturnsCommand,
  ReturnApplied,
  ReturnRequest,
  ReturnsOutcome,
} from './returns.commands';

/** Namespace of the fee charges' ids: one fee per returned effect, whatever retries. */
const RETURN_FEE_NAMESPACE = '4c1f8a0e-6f5b-4f4e-9d0a-3b2c1d0e9f8a';
const CONTACT_CODES = ['MS02', 'MD06'];

/**
 * Rule 19, the process manager of bank returns: for each, the effect returned on its invoice
 * (owed again), the mandate it was collected under invalidated for AC04/AC06/MD01/MD07, and the
 * issuer's returned-debit fee added to the contract's next invoice as a one-off extra charge.
 * Each step is a decision of its own aggregate through the one write path, each idempotent
 * (a return already recorded, a mandate already invalidated, a fee already charged change
 * nothing), so the same bank file imported twice changes nothing. One return that fails does
 * not stop the others.
 */
@CommandHandler(RecordReturnsCommand)
export class RecordReturnsProcess implements ICommandHandler<RecordReturnsCommand> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly progress: ProjectionProgress,
    private readonly documents: InvoiceDocuments,
    private readonly issuers: IssuerDirectory,
  ) {}

  async execute({ returns, context, unknown }: RecordReturnsCommand): Promise<ReturnsOutcome> {
    await this.progress.waitFor(await this.store.lastCommittedPosition());
    const locations = await effectLocations(
      this.readModels,
      returns.map((r) => r.effectId),
    );
    const outcome: ReturnsOutcome = {
      applied: [],
      duplicates: [],
      unknown: [...unknown],
      failed: [],
      position: null,
    };
    for (const request of returns) {
      const location = locations.get(request.effectId);
      if (!location) {
        outcome.unknown.push(request.effectId);
        continue;
      }
      try {
        const applied = await this.apply(request, location, context);
        if (applied === null) outcome.duplicates.push(request.effectId);
        else outcome.applied.push(applied);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcome.failed.push({
          effectId: request.effectId,
          code: error.code,
          message: error.message,
        });
      }
    }
    const position = await this.store.lastCommittedPosition();
    outcome.position = toNumber(position);
    return outcome;
  }

  /** The return's steps; `null` when the effect had already been returned. */
  private async apply(
    request: ReturnRequest,
    location: EffectLocation,
    context: CommandContext,
  ): Promise<ReturnApplied | null> {
    const reasonCode = request.reasonCode.trim().toUpperCase();
    const known = returnReasonOf(reasonCode);
    const reason = known
      ? { es: known.es, en: known.en }
      : { es: `Motivo ${reasonCode}`, en: `Reason ${reasonCode}` };
    // Decided on the invoice as the write path loads it: a return already recorded (the same
    // bank file twice) writes nothing and is answered as a duplicate.
    let alreadyReturned = false;
    const { state: invoice } = await this.documents.decide(location.invoiceId, context, (state) => {
      const effect =
        state.status === 'issued'
          ? state.effects.find((e) => e.effectId === request.effectId)
          : undefined;
      alreadyReturned = effect?.status === 'returned';
      if (alreadyReturned) return [];
      return [
        {
          type: 'ReturnEffect',
          data: {
            invoiceId: location.invoiceId,
            effectId: request.effectId,
            reason: `${reasonCode}: ${reason.en}`,
            reasonCode,
            returnedAt: request.returnedAt,
          },
          metadata: { at: context.at },
        },
      ];
    });
    if (alreadyReturned) return null;
    const mandateInvalidated =
      invalidatesMandate(reasonCode) &&
      (await this.invalidateMandate(location, reasonCode, context));
    // The fee goes on the next invoice: the cycle after the returned one, or today's if later.
    const today = context.at.slice(0, 10);
    const after = invoice.status === 'issued' ? invoice.billingPeriod.to : today;
    const feeCents = await this.chargeFee(
      location,
      reasonCode,
      after > today ? after : today,
      context,
    );
    const firstCollectionAgain =
      request.kind === 'reject' &&
      (await this.firstCollectionRejected(location, reasonCode, context));
    return {
      effectId: request.effectId,
      invoiceId: location.invoiceId,
      reasonCode,
      reason,
      mandateInvalidated,
      feeCents,
      contactCustomer: CONTACT_CODES.includes(reasonCode),
      firstCollectionAgain,
    };
  }

  /** A reject of the mandate's first collection, recorded on the remittance's ledger. */
  private async firstCollectionRejected(
    location: EffectLocation,
    reasonCode: string,
    context: CommandContext,
  ): Promise<boolean> {
    if (!location.remittanceId) return false;
    const issuerId = DEFAULT_ISSUER_ID;
    const { events } = await decideAndAppend(this.store, {
      aggregateId: issuerId,
      stream: remittanceLedgerStream(issuerId),
      decider: remittanceDecider,
      context,
      expectedVersion: null,
      command: {
        type: 'RecordRejectedCollection',
        data: {
          issuerId,
          remittanceId: location.remittanceId,
          effectId: location.effectId,
          reasonCode,
        },
        metadata: { at: context.at },
      },
    });
    return events.length > 0;
  }

  /** The mandate the effect was remitted under (else the signature's), invalidated. */
  private async invalidateMandate(
    location: EffectLocation,
    reasonCode: string,
    context: CommandContext,
  ): Promise<boolean> {
    const contract = foldState(
      await this.store.readStream(contractStream(location.contractId)),
      contractDecider,
    );
    const current = 'signature' in contract ? contract.signature.mandateReference : null;
    const mandateReference =
      (location.remittanceId &&
        (await remittedMandateOf(this.readModels, location.remittanceId, location.effectId))) ||
      current;
    if (!mandateReference) return false;
    const { events } = await decideAndAppend(this.store, {
      aggregateId: location.contractId,
      stream: contractStream(location.contractId),
      decider: contractDecider,
      context,
      expectedVersion: null,
      command: {
        type: 'InvalidateMandate',
        data: {
          contractId: location.contractId,
          mandateReference,
          reasonCode,
          effectId: location.effectId,
        },
        metadata: { at: context.at },
      },
    });
    return events.length > 0;
  }

  /**
   * Rule 21: the returned-debit fee of the issuer that issued the invoice (its snapshot, else
   * its series' issuer for invoices from before issuers; the configured one by default).
   */
  private async returnedDebitFeeOf(invoiceId: string): Promise<number> {
    const invoice = await this.documents.state(invoiceId);
    if (invoice.status !== 'issued') return this.config.RETURNED_DEBIT_FEE_CENTS;
    const issuer = invoice.issuer
      ? await this.issuers.issuerById(invoice.issuer.issuerId)
      : await this.issuers.issuerForSeries(invoice.series);
    return issuer?.returnedDebitFeeCents ?? this.config.RETURNED_DEBIT_FEE_CENTS;
  }

  /** The returned-debit fee on the contract's next invoice: a one-off extra charge. */
  private async chargeFee(
    location: EffectLocation,
    reasonCode: string,
    from: string,
    context: CommandContext,
  ): Promise<number> {
    const amountCents = await this.returnedDebitFeeOf(location.invoiceId);
    if (amountCents <= 0) return 0;
    const subscriptionId = await billableSubscriptionOf(this.readModels, location.contractId);
    if (subscriptionId === null) return 0;
    const chargeId = uuidv5(`return-fee:${location.effectId}`, RETURN_FEE_NAMESPACE);
    const stream = subscriptionStream(subscriptionId);
    const subscription = foldState(await this.store.readStream(stream), subscriptionDecider);
    if (
      'extraCharges' in subscription &&
      subscription.extraCharges.some((c) => c.chargeId === chargeId)
    )
      return amountCents;
    await decideAndAppend(this.store, {
      aggregateId: subscriptionId,
      stream,
      decider: subscriptionDecider,
      context,
      expectedVersion: null,
      command: {
        type: 'AddExtraCharge',
        data: {
          subscriptionId,
          chargeId,
          amountCents,
          description: `Gastos de devolución de recibo (${reasonCode})`,
          recurring: false,
          from,
        },
        metadata: { at: context.at },
      },
    });
    return amountCents;
  }
}
