import type { Readable } from 'node:stream';
import { BlobStore } from '@app/application';

/**
 * A point where the app under test waits for the test: `reached` resolves once a call gets
 * there, and the call goes on when the test calls `open()`.
 */
export class Gate {
  private arrive!: () => void;
  private release!: () => void;
  readonly reached = new Promise<void>((resolve) => (this.arrive = resolve));
  private readonly opened = new Promise<void>((resolve) => (this.release = resolve));
  /** Whether a call has come (a gate holds one call). */
  taken = false;

  async pass(): Promise<void> {
    this.taken = true;
    this.arrive();
    await this.opened;
  }

  open(): void {
    this.release();
  }
}

/** Where a gate can hold a call: after a put answered, before or after a blob is set aside. */
export type GatedStep = 'afterPut' | 'beforeSetAside' | 'afterSetAside';

/**
 * The store the configuration names, with gates a test sets on one hash at one step (each holds
 * one call, the next one at that step), to force an interleaving of an upload and a deletion
 * of the same bytes. Counts the puts that stored a blob anew.
 */
export class InterleavingBlobStore implements BlobStore {
  readonly description: string;
  private readonly gates = new Map<string, Gate>();
  private readonly stored = new Map<string, number>();

  constructor(readonly inner: BlobStore) {
    this.description = `${inner.description}, with gates`;
  }

  gate(step: GatedStep, sha256: string): Gate {
    const gate = new Gate();
    this.gates.set(`${step} ${sha256}`, gate);
    return gate;
  }

  /** Lets every call a gate holds or would hold go on (after a test, whatever it asserted). */
  openAll(): void {
    for (const gate of this.gates.values()) gate.open();
    this.gates.clear();
  }

  /** How many puts stored `sha256` anew (not finding it in place). */
  timesStored(sha256: string): number {
    return this.stored.get(sha256) ?? 0;
  }

  private async at(step: GatedStep, sha256: string): Promise<void> {
    const gate = this.gates.get(`${step} ${sha256}`);
    if (gate === undefined || gate.taken) return;
    await gate.pass();
  }

  async put(sha256: string, sourcePath: string, size: number): Promise<{ created: boolean }> {
    const answer = await this.inner.put(sha256, sourcePath, size);
    if (answer.created) this.stored.set(sha256, this.timesStored(sha256) + 1);
    await this.at('afterPut', sha256);
    return answer;
  }

  async setAside(sha256: string): Promise<string | null> {
    await this.at('beforeSetAside', sha256);
    const token = await this.inner.setAside(sha256);
    await this.at('afterSetAside', sha256);
    return token;
  }

  get(sha256: string): Promise<Readable | null> {
    return this.inner.get(sha256);
  }
  has(sha256: string): Promise<boolean> {
    return this.inner.has(sha256);
  }
  list(): Promise<string[]> {
    return this.inner.list();
  }
  restore(token: string): Promise<void> {
    return this.inner.restore(token);
  }
  purge(token: string): Promise<void> {
    return this.inner.purge(token);
  }
  listSetAside(): Promise<string[]> {
    return this.inner.listSetAside();
  }
  close(): void {
    this.inner.close?.();
  }
}
