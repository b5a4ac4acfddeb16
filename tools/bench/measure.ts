/**
 * Runs one command and measures everything it starts: wall time, CPU time and peak resident memory
 * of the whole process tree, including processes that leave the tree (a service whose parent exits
 * without waiting for it is re-parented and escapes GNU time's accounting). Linux only: it reads /proc.
 *
 * - CPU: user + system time of the command and every descendant it waited for (GNU time), plus the
 *   last-sampled CPU time of each descendant that was orphaned, i.e. that no process of the tree
 *   waited for. `orphans` names those: a build should leave none.
 * - Peak: the largest sum of resident memory over every process seen, sampled every 100 ms.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processInfo, processes, type ProcessInfo } from '../../src/search/build/processes.ts';

export interface Measure {
  wall: number;
  cpu: number;
  peak: number;
  /** Commands of processes still alive, or re-parented, when the command ended. */
  orphans: string[];
}

const PAGE = 4096;

function rss(pid: number): number {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
  } catch {
    return 0;
  }
}

export function measure(
  command: string,
  args: string[],
  { env = {}, cwd = process.cwd(), log }: { env?: Record<string, string | undefined>; cwd?: string; log: string },
): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const timeFile = `${log}.time`;
    fs.mkdirSync(path.dirname(log), { recursive: true });
    const out = fs.openSync(log, 'w');
    const child = spawn('/usr/bin/time', ['-f', '%e %U %S', '-o', timeFile, command, ...args], {
      cwd,
      env: { ...process.env, FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', out, out],
    });
    const root = child.pid;
    // Every descendant ever seen, with its last sample: a process stays ours after re-parenting.
    const seen = new Map<number, ProcessInfo>();
    /** Descendants seen with a parent outside the tree: nobody of ours will wait for them. */
    const orphaned = new Set<number>();
    let peak = 0;
    const sample = (): void => {
      if (!root) return;
      const all = processes();
      const tree = new Set<number>([root]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const [pid, s] of all) if (!tree.has(pid) && tree.has(s.ppid)) (tree.add(pid), (grew = true));
      }
      let bytes = 0;
      for (const pid of new Set([...tree, ...seen.keys()])) {
        const s = all.get(pid);
        if (!s) continue;
        if (pid !== root) seen.set(pid, s);
        if (!tree.has(pid)) orphaned.add(pid);
        if (!s.zombie) bytes += rss(pid);
      }
      peak = Math.max(peak, bytes);
    };
    const timer = setInterval(sample, 100);
    child.on('error', (error) => (clearInterval(timer), reject(error)));
    child.on('exit', async (code) => {
      clearInterval(timer);
      fs.closeSync(out);
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} failed (${code}); see ${log}`));
      const [wall = NaN, user = NaN, sys = NaN] = (fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
      sample(); // the command is gone: whatever of its tree is left has nobody of ours to wait for it
      // Follow each orphan to its end and add the CPU it used, which GNU time never saw.
      let orphanCpu = 0;
      for (const pid of orphaned) {
        for (let waited = 0; waited < 30_000; waited += 100) {
          const now = processInfo(pid);
          if (!now || now.zombie) break;
          seen.set(pid, now);
          await new Promise((r) => setTimeout(r, 100));
        }
        orphanCpu += seen.get(pid)?.cpu ?? 0;
      }
      const orphans = [...orphaned].map((pid) => `${seen.get(pid)?.comm ?? '?'} (${pid})`);
      resolve({ wall, cpu: user + sys + orphanCpu, peak, orphans });
    });
  });
}

/** The 1-minute load average, as printed beside each round. */
export const loadAverage = (): number => os.loadavg()[0]!; // loadavg() is always three numbers
