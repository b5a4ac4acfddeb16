import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withProjectLock } from '../../../tools/build-site.ts';

/** Two builds of one checkout take turns at the Astro step (see withProjectLock). */
const project = () => fs.mkdtempSync(path.join(os.tmpdir(), 'portal-lock-'));
const lockOf = (dir: string) => path.join(dir, 'node_modules', '.astro', 'build.lock');

describe('the project lock of the Astro step', () => {
  it('is held, by this process, while the step runs, and freed after it, even when it fails', () => {
    const dir = project();
    expect(withProjectLock(dir, () => fs.readFileSync(path.join(lockOf(dir), 'pid'), 'utf8'))).toBe(String(process.pid));
    expect(fs.existsSync(lockOf(dir))).toBe(false);
    expect(() => withProjectLock(dir, () => { throw new Error('失败'); })).toThrow('失败');
    expect(fs.existsSync(lockOf(dir))).toBe(false);
  });

  it('waits while another build holds it, and runs once that one is done', async () => {
    const dir = project();
    const released = path.join(dir, 'released');
    const go = path.join(dir, 'go');
    // One process takes the lock and holds it until it is told to go (the file "go"), then frees it.
    const holder = spawn(process.execPath, ['-e', `
      const fs = require('node:fs');
      fs.mkdirSync(${JSON.stringify(lockOf(dir))}, { recursive: true });
      fs.writeFileSync(${JSON.stringify(path.join(lockOf(dir), 'pid'))}, String(process.pid));
      const wait = () => fs.existsSync(${JSON.stringify(go)}) ? (fs.writeFileSync(${JSON.stringify(released)}, ''), fs.rmSync(${JSON.stringify(lockOf(dir))}, { recursive: true })) : setTimeout(wait, 20);
      wait();`]);
    await expect.poll(() => fs.existsSync(path.join(lockOf(dir), 'pid'))).toBe(true);
    // A second build asks for it: it says it is waiting, and its step runs only after the first let go.
    const second = spawn(process.execPath, ['--input-type=module', '-e', `
      import { withProjectLock } from ${JSON.stringify(path.resolve('tools/build-site.ts'))};
      import fs from 'node:fs';
      process.stdout.write(withProjectLock(${JSON.stringify(dir)}, () => fs.existsSync(${JSON.stringify(released)}) ? 'after' : 'before', true));`]);
    let out = '';
    second.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await expect.poll(() => out, { timeout: 60_000 }).toContain('另一次网站生成正在这个项目目录里进行');
    fs.writeFileSync(go, '');
    await new Promise((resolve) => second.once('exit', resolve));
    expect(out.trim().split('\n').at(-1)).toMatch(/after$/);
    await new Promise((resolve) => (holder.exitCode === null ? holder.once('exit', resolve) : resolve(null)));
  });

  it('takes over a lock folder left without its owner (a build killed while freeing it), instead of waiting for good', () => {
    const dir = project();
    fs.mkdirSync(lockOf(dir), { recursive: true });
    expect(withProjectLock(dir, () => fs.readFileSync(path.join(lockOf(dir), 'pid'), 'utf8'))).toBe(String(process.pid));
    expect(fs.existsSync(lockOf(dir))).toBe(false);
  });

  it('takes over a lock whose build is gone', () => {
    const dir = project();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    fs.mkdirSync(lockOf(dir), { recursive: true });
    fs.writeFileSync(path.join(lockOf(dir), 'pid'), gone);
    expect(withProjectLock(dir, () => 'ran')).toBe('ran');
  });
});
