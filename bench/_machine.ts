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
