import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirectoryInUseError, DataDirectoryLock } from './data-directory-lock';
import { openDatabase } from './open-database';
import { currentBootId } from './process-identity';

describe('one writer per embedded data directory (DATA_DIR/pglite.lock)', () => {
  let dataDir: string;
  const lockFile = () => join(dataDir, 'pglite.lock');

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'data-dir-lock-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  /** The pid of a process that has run and exited: certainly not running now. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;
  const writeLock = (holder: Record<string, unknown>) =>
    writeFileSync(lockFile(), JSON.stringify(holder));

  it('refuses a second open naming the holder pid and host; frees the directory on close', async () => {
    const first = await openDatabase({ dataDir });
    try {
      const holder = JSON.parse(readFileSync(lockFile(), 'utf8')) as Record<string, unknown>;
      expect(holder).toEqual({
        pid: process.pid,
        hostname: hostname(),
        bootId: currentBootId(),
        startedAt: expect.any(String),
      });
      const second = openDatabase({ dataDir });
      await expect(second).rejects.toBeInstanceOf(DataDirectoryInUseError);
      await expect(second).rejects.toThrow(
        new RegExp(`in use by process ${process.pid} on ${hostname()}.*HTTP endpoints`),
      );
      // The refused open left the holder's lock alone.
      expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toEqual(holder);
    } finally {
      await first.close();
    }
    expect(existsSync(lockFile())).toBe(false);
    const reopened = await openDatabase({ dataDir });
    await reopened.close();
  }, 60_000);

  it('takes over the lock of a process that is gone, with a log line', () => {
    const pid = deadPid();
    writeLock({ pid, hostname: hostname(), bootId: currentBootId(), startedAt: 'earlier' });
    const lines: string[] = [];
    const lock = DataDirectoryLock.acquire(lockFile(), (line) => lines.push(line));
    try {
      expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
      expect(lines).toEqual([expect.stringContaining(`process ${pid} on ${hostname()}`)]);
    } finally {
      lock.release();
    }
    expect(existsSync(lockFile())).toBe(false);
  });

  it('takes over a lock from another boot even when its pid runs now', () => {
    writeLock({ pid: process.pid, hostname: hostname(), bootId: 'another-boot', startedAt: 'x' });
    const lines: string[] = [];
    DataDirectoryLock.acquire(lockFile(), (line) => lines.push(line)).release();
    expect(lines).toHaveLength(currentBootId() ? 1 : 0);
  });

  it('refuses a lock held by a running process, or by another machine it cannot check', () => {
    writeLock({ pid: process.ppid, hostname: hostname(), bootId: currentBootId(), startedAt: 'x' });
    expect(() => DataDirectoryLock.acquire(lockFile())).toThrow(
      new RegExp(`in use by process ${process.ppid} on`),
    );
    writeLock({ pid: deadPid(), hostname: 'another-host', bootId: 'b', startedAt: 'x' });
    expect(() => DataDirectoryLock.acquire(lockFile())).toThrow(/on another-host/);
  });

  it('takes over a lock naming its own pid that it does not hold (a restarted container)', () => {
    writeLock({ pid: process.pid, hostname: hostname(), bootId: currentBootId(), startedAt: 'x' });
    const lock = DataDirectoryLock.acquire(lockFile(), () => undefined);
    // Held here now: a second acquisition in this process is refused.
    expect(() => DataDirectoryLock.acquire(lockFile())).toThrow(DataDirectoryInUseError);
    lock.release();
  });

  it('takes over an unreadable lock only once it is old (its writer may be mid-write)', () => {
    writeFileSync(lockFile(), '');
    expect(() => DataDirectoryLock.acquire(lockFile())).toThrow(DataDirectoryInUseError);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFile(), old, old);
    DataDirectoryLock.acquire(lockFile(), () => undefined).release();
  });

  it('locks nothing for an in-memory database', async () => {
    const first = await openDatabase({ dataDir: 'memory://' });
    const second = await openDatabase({});
    await Promise.all([first.close(), second.close()]);
  });
});
