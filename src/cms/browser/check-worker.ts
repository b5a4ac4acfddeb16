import { type BlobCache, HostUnreadable, hostFiles } from '../host-files.ts';
import type { Host } from '../live-status.ts';
import { checkSave, type Repo, type SaveVerdict } from '../save-check.ts';
import { testRepoFiles } from './test-repo-files.ts';

/**
 * The check before a save, off the page's thread and in a bundle of its own (the build's rules,
 * zod, YAML and the Markdown/MDX parsers), so the editor stays responsive while it runs and
 * /admin/'s first load carries none of it. Asked by check-save.ts with the saved file's path and
 * text; the repository is the git host's branch (read here with the editor's token, host-files.ts),
 * the test repository in this browser's files, or the files sent along.
 */
export interface CheckRequest {
  path: string;
  /** The file as the save writes it. */
  text: string;
  /** The git host the save commits to, with the signed-in editor's token. */
  host?: Host;
  /** The repository before the save, when the page has it; with neither, the test repository. */
  files?: Repo;
}
/** `reason`: why the check could not run, in the editor's words, when it is known. */
export type CheckReply = { verdict: SaveVerdict } | { error: string; reason?: string };

/** The host's files already downloaded, by blob id: the worker lives as long as the page. */
const blobs: BlobCache = new Map();

self.onmessage = async (event: MessageEvent<CheckRequest>) => {
  const { path, text, host, files } = event.data;
  try {
    const repo = files ?? (host ? await hostFiles(host, blobs) : await testRepoFiles());
    self.postMessage({ verdict: checkSave(repo, [{ path, bytes: new TextEncoder().encode(text) }]) } satisfies CheckReply);
  } catch (error) {
    const reason = error instanceof HostUnreadable ? error.message : undefined;
    self.postMessage({ error: String((error as Error)?.stack ?? error), reason } satisfies CheckReply);
  }
};
