/**
 * Old outputs put out of the way while the bench measures, and removed when it is done.
 *
 * On an ext4 file system without a journal (these machines'), creating a file passes over every
 * inode freed in the last minutes (the kernel's recently_deleted(), 85 % of the CPU of creating a
 * file in a profile): right after thousands of files were removed, a file cost 0.25–0.5 ms of
 * system time instead of 0.02. Removing each build's output just before the next made every build
 * pay for the one before it, by its number of files, whatever its own work. A deploy builds into a
 * fresh folder and removes the old site after (tools/build-site.ts). So the bench moves old
 * outputs aside with a rename (no inode freed) and removes them all after the last build.
 */
import fs from 'node:fs';
import path from 'node:path';

const DISCARDED = path.resolve('.bench', 'discarded');
let count = 0;

/** Moves each folder that exists out of the way, as if removed. */
export function discard(...dirs: string[]): void {
  fs.mkdirSync(DISCARDED, { recursive: true });
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    fs.renameSync(dir, path.join(DISCARDED, `${path.basename(dir)}-${process.pid}-${count++}`));
  }
}

/** Removes what was discarded (by this run, or by one that was interrupted); returns whether there was any. */
export function removeDiscarded(): boolean {
  const had = fs.existsSync(DISCARDED) && fs.readdirSync(DISCARDED).length > 0;
  fs.rmSync(DISCARDED, { recursive: true, force: true });
  return had;
}
