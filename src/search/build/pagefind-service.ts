/**
 * Stops Pagefind's service process and waits until it has exited and been reaped by this process.
 * pagefind.close() only sends it a signal: a Node process that exits right after leaves it behind
 * as an orphan, whose CPU time nobody waiting for the build ever sees. Node reaps its children as
 * long as its event loop runs, so the wait is a short poll of /proc (Linux; elsewhere close() alone).
 */
import fs from 'node:fs';
import * as pagefind from 'pagefind';

/** Pids of this process's children whose command starts with `name` (zombies included: not yet reaped). */
function children(name: string): number[] {
  if (!fs.existsSync('/proc/self/stat')) return [];
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && stat.slice(stat.indexOf('(') + 1).startsWith(name)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

export async function closePagefind(timeoutMs = 10_000): Promise<void> {
  await pagefind.close();
  for (let waited = 0; children('pagefind').length > 0 && waited < timeoutMs; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
