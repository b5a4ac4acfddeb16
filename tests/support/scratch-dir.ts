/**
 * Global setup of both test runners (vitest.config.ts, playwright.config.ts): every temporary
 * folder made during the run (os.tmpdir() in the tests, and in the builds, browsers and servers
 * they start) goes into one folder of the run's own, removed when the run ends. Tests make hundreds
 * (fixture roots, built sites, browser profiles), and a test that fails skips its own cleanup: left
 * in the machine's temporary folder, they had added up to tens of thousands.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-test-run-'));
  process.env.TMPDIR = dir; // read by os.tmpdir() at each call, and inherited by every process started from here on
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
