import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** Which process on which machine, since which boot: enough to tell whether it still runs. */
export interface ProcessIdentity {
  pid: number;
  hostname: string;
  /** The kernel's id of this boot (Linux); '' where the system has none. */
  bootId: string;
}

let cachedBootId: string | undefined;

/** `/proc/sys/kernel/random/boot_id`: a pid from another boot names a process long gone. */
export function currentBootId(): string {
  if (cachedBootId === undefined) {
    try {
      cachedBootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      cachedBootId = '';
    }
  }
  return cachedBootId;
}

export function currentProcess(): ProcessIdentity {
  return { pid: process.pid, hostname: hostname(), bootId: currentBootId() };
}

/**
 * Whether the process `holder` names is certainly gone: on this machine, from another boot or
 * a pid that no longer runs. A process on another machine cannot be checked: it counts as alive.
 */
export function processIsGone(holder: ProcessIdentity): boolean {
  const here = currentProcess();
  if (holder.hostname !== here.hostname) return false;
  if (holder.bootId && here.bootId && holder.bootId !== here.bootId) return true;
  return !pidRuns(holder.pid);
}

function pidRuns(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
