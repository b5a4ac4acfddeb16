import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { BUILDS, type Build } from '../support/builds.ts';
import { builtPages } from '../support/site-pages.ts';
import { pageUrlOfFile } from '../../../src/model/urls.ts';

/**
 * Every HTML file of each build is valid HTML by the Nu Html Checker (the W3C validator, npm's
 * vnu-jar, a Java program: .ci/run installs a Java runtime where there is none). One checker run
 * per build covers all its files. Errors only: read from file: addresses the checker also notes
 * things that are not faults of the pages (the CSP it cannot apply there), and its language guess
 * (turned off, for speed) gives only warnings.
 *
 * The same run checks a known-bad page beside the build, so a run that checked nothing cannot pass.
 */
const JAR = String(createRequire(import.meta.url)('vnu-jar'));
const CANARY = '<!doctype html><html lang="zh-CN"><head><title>坏页</title></head><body><meta data-x="1"></body></html>';

interface NuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

function runChecker(targets: string[]): NuMessage[] {
  const run = spawnSync('java', ['-jar', JAR, '--skip-non-html', '--errors-only', '--no-langdetect', '--format', 'json', ...targets], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`The Nu Html Checker needs Java (Debian: apt-get install default-jre-headless): ${run.error.message}`);
  // The checker writes its JSON report to standard error and exits 1 when it found errors.
  const report = run.stderr.slice(run.stderr.indexOf('{'));
  try {
    return (JSON.parse(report) as { messages: NuMessage[] }).messages;
  } catch {
    throw new Error(`The Nu Html Checker gave no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

for (const build of Object.keys(BUILDS) as Build[]) {
  test(`${build} build: every page is valid HTML (Nu Html Checker)`, ({}, info) => {
    test.skip(info.project.name !== build, `pages of the ${build} build`);
    test.setTimeout(180_000);
    const dist = path.resolve(BUILDS[build]);
    expect(builtPages(BUILDS[build]).length, `${dist} holds a built site`).toBeGreaterThan(0);
    const canaryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-nu-'));
    const canary = path.join(canaryDir, 'bad.html');
    fs.writeFileSync(canary, CANARY);
    try {
      const messages = runChecker([dist, canary]);
      const fileOf = (m: NuMessage) => (m.url?.startsWith('file:') ? fileURLToPath(m.url) : (m.url ?? ''));
      const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
      expect(errors.filter((m) => fileOf(m) === canary).length, 'the checker ran and found the known-bad page').toBeGreaterThan(0);
      const found = errors
        .filter((m) => fileOf(m) !== canary)
        .map((m) => {
          const page = pageUrlOfFile(path.relative(dist, fileOf(m)).split(path.sep).join('/'));
          return `${page} line ${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}: ${m.message}${m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ')}` : ''}`;
        });
      expect(found, `Nu Html Checker errors in ${BUILDS[build]}/`).toEqual([]);
    } finally {
      fs.rmSync(canaryDir, { recursive: true, force: true });
    }
  });
}
