import { Inject, Injectable } from '@nestjs/common';
import { issuerNotFound, RECTIFYING_SERIES_PREFIX, seriesWithoutIssuer } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { issuerById, IssuerRow, issuerOwningSeries, listIssuers } from '@app/read-models';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ProjectionProgress } from '../storage/projection-progress';
import { READ_MODELS } from '../storage/read-models.module';
import { APP_CONFIG } from '../storage/tokens';
import { DEFAULT_ISSUER_ID, defaultIssuerOf } from './default-issuer';
import { IssuerDetails, registeredIssuerDetails } from './issuer-details';

const detailsOfRow = (row: IssuerRow): IssuerDetails =>
  registeredIssuerDetails(row.id, row, row.version);

/**
 * Who issues what (rule 21), for billing, VERI*FACTU and collections: the registered issuers
 * (read from the issuers read model once it has caught up with every event committed, so an
 * issuer just registered or edited is seen) and, while none is registered, the configured
 * default (`defaultIssuerOf`).
 */
@Injectable()
export class IssuerDirectory {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly progress: ProjectionProgress,
  ) {}

  /**
   * The issuer of invoices in `series`: the registered issuer owning it (a rectifying series
   * `R<series>` goes with the issuer of `<series>` unless registered itself); else the only issuer
   * registered; else, with none registered, the configured default. With several registered
   * and none owning it, R21.SERIES_WITHOUT_ISSUER.
   */
  async issuerForSeries(series: string): Promise<IssuerDetails> {
    await this.caughtUp();
    const owner = await this.ownerOf(series);
    if (owner) return detailsOfRow(owner);
    const registered = await listIssuers(this.readModels);
    if (registered.length === 1) return detailsOfRow(registered[0]);
    if (registered.length === 0) return this.defaultIssuer();
    throw seriesWithoutIssuer(series, registered.length);
  }

  /** The id of the registered issuer owning `series`, or `null` when none does. */
  async ownerOfSeries(series: string): Promise<string | null> {
    await this.caughtUp();
    return (await issuerOwningSeries(this.readModels, series))?.id ?? null;
  }

  /** A registered issuer, or the configured one under `default`; `null` for an unknown id. */
  async issuerById(issuerId: string): Promise<IssuerDetails | null> {
    await this.caughtUp();
    const row = await issuerById(this.readModels, issuerId);
    if (row) return detailsOfRow(row);
    return issuerId === DEFAULT_ISSUER_ID ? this.defaultIssuer() : null;
  }

  /** As `issuerById`, refusing an unknown id with R21.ISSUER_NOT_FOUND (404). */
  async requireIssuer(issuerId: string): Promise<IssuerDetails> {
    const issuer = await this.issuerById(issuerId);
    if (issuer === null) throw issuerNotFound(issuerId);
    return issuer;
  }

  /** Every registered issuer (oldest first); none registered: the configured default alone. */
  async issuers(): Promise<IssuerDetails[]> {
    await this.caughtUp();
    const registered = await listIssuers(this.readModels);
    return registered.length > 0 ? registered.map(detailsOfRow) : [this.defaultIssuer()];
  }

  /** The issuer configured in the environment, as the issuer `default`. */
  defaultIssuer(): IssuerDetails {
    return defaultIssuerOf(this.config);
  }

  /** The owner of `series`, or of the invoice series a rectifying one (`RF2026`) is of (R8). */
  private async ownerOf(series: string): Promise<IssuerRow | null> {
    const owner = await issuerOwningSeries(this.readModels, series);
    if (owner || !series.startsWith(RECTIFYING_SERIES_PREFIX)) return owner;
    return issuerOwningSeries(this.readModels, series.slice(RECTIFYING_SERIES_PREFIX.length));
  }

  private async caughtUp(): Promise<void> {
    await this.progress.waitFor(await this.store.lastCommittedPosition());
  }
}
