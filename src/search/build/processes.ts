/**
 * The machine's processes as Linux's /proc shows them (zombies too, until reaped): for the build,
 * which waits for the services it starts to be gone, and for the benchmark, which measures them.
 * Elsewhere than Linux there is no /proc, and the table is empty.
 */
import fs from 'node:fs';

export interface ProcessInfo {
  ppid: number;
  /** User + system CPU seconds (a zombie still shows its own). */
  cpu: number;
  /** The command's name, as the kernel keeps it (at most 15 characters). */
  comm: string;
  zombie: boolean;
}

const TICK = 100; // clock ticks a second: USER_HZ on Linux

/** One process, or undefined once it is gone. */
export function processInfo(pid: number): ProcessInfo | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command is in parentheses and may itself hold spaces and parentheses: the fields follow the last ')'.
    const close = text.lastIndexOf(')');
    const fields = text.slice(close + 2).split(' '); // fields from the third (state) on
    return {
      ppid: Number(fields[1]),
      cpu: (Number(fields[11]) + Number(fields[12])) / TICK,
      comm: text.slice(text.indexOf('(') + 1, close),
      zombie: fields[0] === 'Z',
    };
  } catch {
    return undefined;
  }
}

/** Every process now in /proc. */
export function processes(): Map<number, ProcessInfo> {
  const all = new Map<number, ProcessInfo>();
  if (!fs.existsSync('/proc/self/stat')) return all;
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const info = processInfo(Number(name));
    if (info) all.set(Number(name), info);
  }
  return all;
}
