import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

let digest: string | undefined;

/**
 * A digest of the code that draws pages and of the packages it runs on (npm and Astro run in the
 * project folder): src/, astro.config.mjs and package-lock.json.
 */
export function codeDigest(): string {
  if (digest) return digest;
  const hash = crypto.createHash('sha256');
  const src = path.resolve('src');
  for (const file of fs.readdirSync(src, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(src, file);
    if (!fs.statSync(full).isFile()) continue;
    hash.update(`\0${file}\0`).update(fs.readFileSync(full));
  }
  for (const file of ['astro.config.mjs', 'package-lock.json']) hash.update(fs.existsSync(file) ? fs.readFileSync(file) : '');
  digest = hash.digest('hex').slice(0, 32);
  return digest;
}
