import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** One line naming the machine a figure was measured on. */
export function machineLine(engine?: string): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown cpu';
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB`;
  return `machine: ${cpu}, ${cpus().length} cores, ${memory}, Node ${process.version}${engine ? `, ${engine}` : ''}`;
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)] ?? Number.NaN;
}

/**
 * CPU seconds (user + system) used so far by the processes whose command name
 * matches, read from /proc; undefined where there is no /proc. Tells how the
 * shared cores were split between server, database and load generator.
 */
export function cpuSecondsOf(match: (pid: number, command: string) => boolean): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!match(pid, command)) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / ticks;
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}
