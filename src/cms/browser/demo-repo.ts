import { showNotice } from './notice.ts';

/**
 * The demo's test repository (Sveltia's `test-repo` backend keeps it in this browser's private
 * file storage, OPFS) starts with the demo's content, written from /admin/demo-repo.json when the
 * browser has none yet; 恢复示例内容 removes it, and the next start writes it again.
 */
const ROOT = 'sveltia-cms-test';

async function hasRepo(opfs: FileSystemDirectoryHandle): Promise<boolean> {
  try {
    await opfs.getDirectoryHandle(ROOT);
    return true;
  } catch {
    return false;
  }
}

export async function seedDemoRepo(url: string): Promise<void> {
  const opfs = await navigator.storage.getDirectory();
  if (await hasRepo(opfs)) return;
  const files = (await fetch(url).then((r) => r.json())) as Record<string, string> | null;
  if (!files) return;
  // Written aside and then moved is not offered by OPFS: a half-written repository is removed instead.
  const top = await opfs.getDirectoryHandle(ROOT, { create: true });
  try {
    for (const [file, base64] of Object.entries(files)) {
      const parts = file.split('/');
      let dir = top;
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
      await writable.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
      await writable.close();
    }
  } catch (error) {
    await opfs.removeEntry(ROOT, { recursive: true }).catch(() => undefined);
    throw error;
  }
}

export async function resetDemoRepo(): Promise<void> {
  const opfs = await navigator.storage.getDirectory();
  await opfs.removeEntry(ROOT, { recursive: true }).catch(() => undefined);
  location.reload();
}

const NOTICE_CLOSED = 'portal-demo-notice-closed';

/**
 * What the demo's /admin/ says first: where changes go, and how to start again. Once closed, not
 * again until the browser's tab is closed: it would cover the form at every reload.
 */
export function demoNotice(): void {
  if (sessionStorage.getItem(NOTICE_CLOSED)) return;
  const box = showNotice(
    '示例站点的网站后台',
    [{ text: '在这里的改动只保存在你这台电脑的这个浏览器里，不会提交到任何地方，别人看不到。想恢复成示例原来的内容，点下面的按钮（你的改动会全部丢掉）。' }],
    'info',
    { label: '恢复示例内容', run: () => void resetDemoRepo() },
  );
  box.querySelector('[aria-label="关闭提示"]')?.addEventListener('click', () => sessionStorage.setItem(NOTICE_CLOSED, '1'));
}
