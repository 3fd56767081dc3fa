import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { currentProcess, processIsGone, ProcessIdentity } from './process-identity';

/** What the lock file holds: who opened the data directory, and when. */
export interface DataDirectoryHolder extends ProcessIdentity {
  startedAt: string;
}

/**
 * Another process has the embedded data directory open. PGlite is one process's database:
 * a second writer on the same files hands out the same log positions and loses writes.
 */
export class DataDirectoryInUseError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: DataDirectoryHolder,
  ) {
    super(
      `The data directory is in use by process ${holder.pid} on ${holder.hostname} ` +
        `(since ${holder.startedAt}; lock file ${lockFile}). Only one process may open an ` +
        `embedded data directory: stop that process first (an API: stop it, then run this ` +
        `again), or use the running API's HTTP endpoints instead; to share one database ` +
        `between processes, set DATABASE_URL to a PostgreSQL server. If process ` +
        `${holder.pid} is certainly not running, delete ${lockFile}.`,
    );
    this.name = 'DataDirectoryInUseError';
  }
}

/** The lock files this process holds: a lock naming this pid but not in here is an earlier life's. */
const heldHere = new Set<string>();

/** A lock file too young to judge: its creator may not have written it yet. */
const UNREADABLE_GRACE_MS = 5_000;

/**
 * One writer per embedded data directory: a lock file created exclusively (O_EXCL) naming its
 * holder, kept for the life of the process and removed on a clean close. A lock left by a
 * process that is gone (killed, or from another boot) is taken over with a log line.
 */
export class DataDirectoryLock {
  private released = false;
  private readonly removeOnExit = () => this.remove();

  private constructor(
    readonly lockFile: string,
    private readonly fd: number,
    private readonly content: string,
  ) {
    heldHere.add(lockFile);
    // A process.exit() without close must not leave a lock behind (a SIGKILL does: stale).
    process.once('exit', this.removeOnExit);
  }

  static acquire(
    lockFile: string,
    log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ): DataDirectoryLock {
    const holder: DataDirectoryHolder = {
      ...currentProcess(),
      startedAt: new Date().toISOString(),
    };
    const content = `${JSON.stringify(holder)}\n`;
    const created = tryCreate(lockFile, content);
    if (created !== undefined) return new DataDirectoryLock(lockFile, created, content);

    const existing = readLock(lockFile);
    if (existing.raw === undefined) return DataDirectoryLock.acquire(lockFile, log); // just removed
    if (!isStale(lockFile, existing.holder)) {
      throw new DataDirectoryInUseError(lockFile, existing.holder ?? unknownHolder());
    }
    // Remove it only if it is still the stale lock just read: another process may be taking
    // it over too, and its fresh lock must survive.
    if (readLock(lockFile).raw === existing.raw) {
      try {
        unlinkSync(lockFile);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    const retaken = tryCreate(lockFile, content);
    if (retaken === undefined) {
      const winner = readLock(lockFile).holder;
      throw new DataDirectoryInUseError(lockFile, winner ?? unknownHolder());
    }
    log(
      `Took over the stale lock ${lockFile}: ${
        existing.holder
          ? `process ${existing.holder.pid} on ${existing.holder.hostname} (since ${existing.holder.startedAt}) is gone`
          : 'it was unreadable'
      }`,
    );
    return new DataDirectoryLock(lockFile, retaken, content);
  }

  release(): void {
    if (this.released) return;
    process.removeListener('exit', this.removeOnExit);
    this.remove();
  }

  private remove(): void {
    if (this.released) return;
    this.released = true;
    heldHere.delete(this.lockFile);
    closeSync(this.fd);
    // Never remove a lock that is no longer ours (deleted by hand, then taken by another).
    if (readLock(this.lockFile).raw === this.content) unlinkSync(this.lockFile);
  }
}

function tryCreate(lockFile: string, content: string): number | undefined {
  let fd: number;
  try {
    fd = openSync(lockFile, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  }
  writeSync(fd, content);
  return fd;
}

function readLock(lockFile: string): { raw?: string; holder?: DataDirectoryHolder } {
  let raw: string;
  try {
    raw = readFileSync(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  try {
    const parsed = JSON.parse(raw) as Partial<DataDirectoryHolder>;
    if (typeof parsed.pid === 'number' && typeof parsed.hostname === 'string') {
      return {
        raw,
        holder: {
          pid: parsed.pid,
          hostname: parsed.hostname,
          bootId: typeof parsed.bootId === 'string' ? parsed.bootId : '',
          startedAt: typeof parsed.startedAt === 'string' ? parsed.startedAt : 'unknown',
        },
      };
    }
  } catch {
    // Unreadable: judged by its age below.
  }
  return { raw };
}

function isStale(lockFile: string, holder: DataDirectoryHolder | undefined): boolean {
  if (holder && isThisPid(holder)) {
    // This pid, not held here: an earlier process under the same pid (a restarted container
    // whose API is pid 1 again) that was killed.
    return !heldHere.has(lockFile);
  }
  if (holder) return processIsGone(holder);
  // A crash between creating the file and writing it leaves it empty: stale once it is old.
  try {
    return Date.now() - statSync(lockFile).mtimeMs > UNREADABLE_GRACE_MS;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

function isThisPid(holder: DataDirectoryHolder): boolean {
  const here = currentProcess();
  return (
    holder.pid === here.pid && holder.hostname === here.hostname && holder.bootId === here.bootId
  );
}

function unknownHolder(): DataDirectoryHolder {
  return { pid: 0, hostname: 'unknown', bootId: '', startedAt: 'unknown' };
}
