import { checkSave, type Repo, type SaveVerdict } from '../save-check.ts';
import { testRepoFiles } from './test-repo-files.ts';

/**
 * The check before a save, off the page's thread and in a bundle of its own (the build's rules,
 * zod, YAML and the Markdown/MDX parsers), so the editor stays responsive while it runs and
 * /admin/'s first load carries none of it. Asked by check-save.ts with the saved file's path and
 * text; the repository is the test repository in this browser's files, or the files sent along.
 */
export interface CheckRequest {
  path: string;
  /** The file as the save writes it. */
  text: string;
  /** The repository before the save, when the page has it (a git host's); else the test repository. */
  files?: Repo;
}
export type CheckReply = { verdict: SaveVerdict } | { error: string };

self.onmessage = async (event: MessageEvent<CheckRequest>) => {
  const { path, text, files } = event.data;
  try {
    const repo = files ?? (await testRepoFiles());
    self.postMessage({ verdict: checkSave(repo, [{ path, bytes: new TextEncoder().encode(text) }]) } satisfies CheckReply);
  } catch (error) {
    self.postMessage({ error: String((error as Error)?.stack ?? error) } satisfies CheckReply);
  }
};
