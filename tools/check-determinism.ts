/**
 * npm run check:determinism [-- 内容目录]
 *
 * Builds the same content twice and compares the two dist/ folders byte for byte: once from the
 * content root where it is, once from a copy at another path with a cold cache (as a fresh CI
 * checkout would). Both builds take the same "today" (PORTAL_NOW, default: today in Beijing), so
 * scheduled items are decided alike, and the same PORTAL_DEMO. Exit code 0 when identical, 1 when
 * not, listing the files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentCacheDir, scriptConfig } from '../src/astro/config.ts';
import { beijingDate } from '../src/model/publish.ts';
import { buildSite, compareTrees } from './build-site.ts';

export function checkDeterminism(rootArg: string, now: string, demo = false) {
  const project = process.cwd();
  const root = path.resolve(rootArg);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-determinism-'));
  const relative = path.relative(project, root);
  // The copy's path says nothing of what it is: the demo is the demo by PORTAL_DEMO alone.
  const copy = path.join(work, 'site');
  for (const dir of ['content', 'data', 'files']) {
    if (fs.existsSync(path.join(root, dir))) fs.cpSync(path.join(root, dir), path.join(copy, dir), { recursive: true });
  }
  // Set or removed explicitly, so neither build inherits a PORTAL_DEMO from this process.
  const env = { PORTAL_NOW: now, PORTAL_DEMO: demo ? '1' : undefined };
  const a = path.join(work, 'a');
  const b = path.join(work, 'b');
  // The first build as a developer's would run: the root as named, with its warm cache.
  const first = buildSite(a, { ...env, PORTAL_CONTENT: relative === '' ? undefined : rootArg }, project);
  if (first.status !== 0) throw new Error(`第一次生成失败：\n${first.output}`);
  const second = buildSite(b, { ...env, PORTAL_CONTENT: copy }, project);
  // The copy's content cache is of no further use.
  fs.rmSync(path.resolve(project, contentCacheDir(copy, project)!), { recursive: true, force: true });
  if (second.status !== 0) throw new Error(`第二次生成失败：\n${second.output}`);
  return { a, b, work, steps: first.steps, ...compareTrees(a, b) };
}

if (import.meta.main) {
  const settings = scriptConfig();
  const root = process.argv.slice(2).find((x) => !x.startsWith('-')) ?? settings.contentRoot;
  const now = settings.now ?? beijingDate(new Date());
  const started = performance.now();
  const result = checkDeterminism(root, now, settings.demo);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { files, onlyA, onlyB, differ } = result;
  if (onlyA.length + onlyB.length + differ.length === 0) {
    console.log(`两次生成结果完全相同：${files} 个文件逐字节一致（${result.steps.join(' + ')}，PORTAL_NOW=${now}，用时 ${seconds} 秒）。`);
    fs.rmSync(result.work, { recursive: true, force: true });
  } else {
    console.error(`两次生成的结果不同（保留在 ${result.work}）：`);
    for (const f of differ) console.error(`  内容不同：${f}`);
    for (const f of onlyA) console.error(`  只在第一次：${f}`);
    for (const f of onlyB) console.error(`  只在第二次：${f}`);
    process.exit(1);
  }
}
