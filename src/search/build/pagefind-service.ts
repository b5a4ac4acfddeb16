/**
 * Stops Pagefind's service process and waits until it has exited and been reaped by this process
 * (and the same wait for any other service a build starts: esbuild's, see stop-esbuild.ts).
 * pagefind.close() only sends it a signal: a Node process that exits right after leaves it behind
 * as an orphan, whose CPU time nobody waiting for the build ever sees. Node reaps its children as
 * long as its event loop runs, so the wait is a short poll of /proc (Linux; elsewhere close() alone).
 */
import * as pagefind from 'pagefind';
import { processes } from './processes.ts';

/** Pids of this process's children whose command starts with `name` (zombies included: not yet reaped). */
export function childProcesses(name: string): number[] {
  return [...processes()].filter(([, p]) => p.ppid === process.pid && p.comm.startsWith(name)).map(([pid]) => pid);
}

/** Waits until this process has no child whose command starts with `name` (or until the timeout). */
export async function waitForChildren(name: string, timeoutMs = 10_000): Promise<void> {
  for (let waited = 0; childProcesses(name).length > 0 && waited < timeoutMs; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function closePagefind(): Promise<void> {
  await pagefind.close();
  await waitForChildren('pagefind');
}
