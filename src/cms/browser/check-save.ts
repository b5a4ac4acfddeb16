import { formatProblem as problemText } from '../../input/problems.ts';
import type { Host } from '../live-status.ts';
import type { EditorProblem, SaveVerdict } from '../save-check.ts';
import type { CheckReply, CheckRequest } from './check-worker.ts';
import { type NoticeLine, showNotice } from './notice.ts';

/**
 * Loaded at the first save (start-cms.ts imports it then), so /admin/'s first load carries none of
 * the checks: before Sveltia commits, the repository as it would be after the save is checked by the
 * build's own rules (save-check.ts), and the save is refused while it brings a problem; each problem
 * is listed in the build's words, and put beside its field when it has one.
 */
let worker: Worker | undefined;

/** One check at a time (a save waits for its answer): the worker is kept for the next save. */
function askWorker(request: CheckRequest): Promise<CheckReply> {
  worker ??= new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module' });
  const w = worker;
  return new Promise((resolve) => {
    w.onmessage = (event: MessageEvent<CheckReply>) => resolve(event.data);
    w.onerror = (event) => resolve({ error: event.message || '检查程序没有启动' });
    w.postMessage(request);
  });
}

/** Thrown to stop the save: Sveltia shows a `saving_failed` error's cause in its error dialog. */
export class SaveRefused extends Error {
  constructor(count: number) {
    super('saving_failed', { cause: new Error(`未保存：这次修改会带来 ${count} 个问题，网站会因此无法生成。问题和改法列在窗口下方，改好后再点“保存”。`) });
  }
}

const FIELD_NOTE = 'portal-save-problem';

/** The field a problem belongs to in the open editor: a frontmatter field, or a table's rows. */
function fieldElement(p: EditorProblem, saved: string): HTMLElement | undefined {
  if (p.file !== saved) return undefined;
  const key = saved.startsWith('data/') ? 'rows' : p.editorField;
  if (!key) return undefined;
  return document.querySelector<HTMLElement>(`[data-field-type][data-key-path="${CSS.escape(key)}"]`) ?? undefined;
}

/** Each problem of the saved file under its field, in the build's words; the old ones go first. */
function markFields(problems: readonly EditorProblem[], saved: string): void {
  for (const old of document.querySelectorAll(`.${FIELD_NOTE}`)) old.remove();
  for (const p of problems) {
    const field = fieldElement(p, saved);
    if (!field) continue;
    const note = document.createElement('p');
    note.className = FIELD_NOTE;
    note.setAttribute('role', 'alert');
    Object.assign(note.style, { margin: '4px 0', padding: '4px 8px', background: '#fdecea', color: '#7a1c12', borderRadius: '4px', font: '14px/1.5 system-ui, sans-serif' });
    note.textContent = `未保存：${problemText(p)}`;
    field.append(note);
  }
}

function say(verdict: SaveVerdict, saved: string): void {
  markFields(verdict.introduced, saved);
  const lines = [
    ...verdict.introduced.map((p, i) => ({ text: `${i + 1}. ${problemText(p)}` })),
    ...(verdict.existing.length > 0
      ? [{ text: `另外，仓库里已有 ${verdict.existing.length} 个问题不是这次修改带来的（网站要等它们也改好才会重新生成）：` }, ...verdict.existing.map((p) => ({ text: `· ${problemText(p)}` }))]
      : []),
  ];
  const box = showNotice(`未保存：这次修改会带来 ${verdict.introduced.length} 个问题，网站会因此无法生成`, lines, 'error');
  Object.assign(box.style, { maxHeight: '60vh', overflowY: 'auto' });
  box.dataset.saveCheck = 'refused';
}

/** What the editor should still know of a save that goes through (start-cms.ts adds it to the saved notice). */
function passedNotes(verdict: SaveVerdict): NoticeLine[] {
  for (const old of document.querySelectorAll(`.${FIELD_NOTE}`)) old.remove();
  return [
    ...verdict.uploading.map((p) => ({ text: `${problemText(p)}：保存时会一并上传在这里选的图片；如果不是，网站生成时会报这个错。` })),
    ...(verdict.existing.length > 0 ? [{ text: `仓库里还有 ${verdict.existing.length} 个问题不是这次修改带来的，网站要等它们改好才会重新生成：` }, ...verdict.existing.map((p) => ({ text: `· ${problemText(p)}` }))] : []),
  ];
}

/**
 * Checks the save of the file at `path` (as the repository names it) with the text Sveltia is about
 * to commit; throws SaveRefused when the save brings a problem, else gives what the saved notice
 * should add. source: the git host the save commits to (the worker reads its branch with the
 * editor's token), or the demo's test repository; none when the settings name no repository. A
 * check that cannot run refuses the save too (nothing unchecked is committed), saying why.
 */
export async function guardSave(path: string, text: string, source: Host | 'test-repo' | undefined): Promise<NoticeLine[]> {
  const reply: CheckReply = source
    ? await askWorker({ path, text, ...(source === 'test-repo' ? {} : { host: source }) })
    : { error: 'no repository in the settings', reason: '后台的设置里没有写代码仓库（PORTAL_CMS_REPO）' };
  if ('error' in reply) {
    console.error(reply.error);
    const why = reply.reason ? `${reply.reason}。` : '';
    showNotice('未保存：保存前的检查没能运行', [...(reply.reason ? [{ text: `原因：${reply.reason}。` }] : []), { text: '请刷新页面后再保存一次；仍然不行，请把这个页面的情况告诉网站管理员。' }], 'error');
    throw new Error('saving_failed', { cause: new Error(`未保存：保存前的检查没能运行。${why}请刷新页面后再试。`) });
  }
  if (reply.verdict.introduced.length > 0) {
    say(reply.verdict, path);
    throw new SaveRefused(reply.verdict.introduced.length);
  }
  return passedNotes(reply.verdict);
}
