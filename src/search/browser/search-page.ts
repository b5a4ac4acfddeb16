/**
 * The search page: reads ?q= (and the filters) from the address, asks the search worker, and shows
 * the count in the status line and the results with the matched characters marked. Loaded only on
 * /search/; the worker downloads Pagefind only when a search actually runs.
 */
import type { Segment } from '../shared/highlight.ts';
import type { FoldKinds } from '../shared/fold.ts';
import type { Reply, Request, Suggestion } from './search-worker.ts';

const PAGE_SIZE = 10;
const FILTERS = ['type', 'zone', 'year'] as const;

const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-q') as HTMLInputElement;
const status = document.getElementById('search-status') as HTMLElement;
const list = document.getElementById('search-results') as HTMLOListElement;
const suggest = document.getElementById('search-suggest') as HTMLParagraphElement;
const more = document.getElementById('search-more') as HTMLButtonElement;

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, (reply: Reply) => void>();
let current = -1;
let shown = 0;
let total = 0;

type Unsent = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

function ask(request: Unsent): Promise<Reply> {
  if (!worker) {
    worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (e: MessageEvent<Reply>) => {
      pending.get(e.data.id)?.(e.data);
      pending.delete(e.data.id);
    });
    worker.addEventListener('error', () => {
      for (const [id, resolve] of pending) resolve({ id, type: 'error', message: 'worker' });
      pending.clear();
      worker = undefined;
    });
  }
  const id = ++nextId;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker?.postMessage({ ...request, id } as Request);
  });
}

function params(): { q: string; filters: Record<string, string> } {
  const url = new URLSearchParams(location.search);
  const filters: Record<string, string> = {};
  for (const f of FILTERS) {
    const v = url.get(f);
    if (v) filters[f] = v;
  }
  return { q: url.get('q') ?? '', filters };
}

function fillForm(q: string, filters: Record<string, string>) {
  input.value = q;
  if (Object.keys(filters).length > 0) (document.getElementById('search-filter-box') as HTMLDetailsElement).open = true;
  for (const f of FILTERS) {
    const select = form.elements.namedItem(f) as HTMLSelectElement | null;
    if (select) select.value = filters[f] ?? '';
  }
}

function fromForm(): { q: string; filters: Record<string, string> } {
  const data = new FormData(form);
  const filters: Record<string, string> = {};
  for (const f of FILTERS) {
    const v = String(data.get(f) ?? '');
    if (v) filters[f] = v;
  }
  return { q: String(data.get('q') ?? ''), filters };
}

function segmentsInto(el: HTMLElement, segments: Segment[]) {
  for (const s of segments) {
    if (s.mark) {
      const mark = document.createElement('mark');
      mark.textContent = s.text;
      el.append(mark);
    } else {
      el.append(s.text);
    }
  }
}

function render(results: Extract<Reply, { type: 'results' }>['results']): HTMLAnchorElement[] {
  const links: HTMLAnchorElement[] = [];
  for (const r of results) {
    const li = document.createElement('li');
    li.className = 'search-result';
    const h2 = document.createElement('h2');
    const a = document.createElement('a');
    a.href = r.url;
    segmentsInto(a, r.title);
    h2.append(a);
    li.append(h2);
    const facts = [...(r.filters.type ?? []), ...(r.filters.zone ?? []), ...(r.filters.year ?? []).map((y) => `${y}年`)];
    if (facts.length > 0) {
      const meta = document.createElement('p');
      meta.className = 'search-result-meta';
      meta.textContent = facts.join(' · ');
      li.append(meta);
    }
    const p = document.createElement('p');
    p.className = 'search-result-excerpt';
    if (r.excerpt.before) p.append('…');
    segmentsInto(p, r.excerpt.segments);
    if (r.excerpt.after) p.append('…');
    li.append(p);
    list.append(li);
    links.push(a);
  }
  return links;
}

/** What the search did with the forms the reader typed (see src/search/shared/fold.ts). */
function foldNote(folded: FoldKinds, terms: string[], results: Extract<Reply, { type: 'results' }>['results']): string {
  const notes: string[] = [];
  // The reader typed the plain form and the pages print another: say so too.
  const typed = new Set(terms.map((t) => t.toLowerCase()));
  const marked = results.flatMap((r) => [...r.title, ...r.excerpt.segments]).filter((s) => s.mark);
  const other = marked.some((s) => !typed.has(s.text.toLowerCase()));
  if (folded.traditional) notes.push('已按简体字查找');
  if (folded.width) notes.push('已按半角字符查找');
  if (folded.bracket) notes.push('各种括号〔〕[]【】()〈〉视为相同');
  if (notes.length === 0 && other) notes.push('已不分全角半角、括号样式和繁简查找');
  return notes.length > 0 ? `${notes.join('，')}。` : '';
}

/** Links to the nearest searches that find something, when this one found nothing. */
function suggestInto(suggestions: Suggestion[]) {
  if (suggestions.length === 0) return;
  const li = suggest;
  li.hidden = false;
  li.append('可以试试：');
  suggestions.forEach((s, i) => {
    const url = new URL('/search/', location.href);
    url.searchParams.set('q', s.q);
    for (const [k, v] of Object.entries(s.filters)) if (v) url.searchParams.set(k, v);
    const a = document.createElement('a');
    a.href = url.pathname + url.search;
    const scope = Object.keys(s.filters).length === 0 && Object.keys(params().filters).length > 0 ? '（不限筛选条件）' : '';
    a.textContent = `“${s.q}”${scope}，${s.total} 个页面`;
    if (i > 0) li.append('；');
    li.append(a);
  });
  li.append('。');
}

async function run(q: string, filters: Record<string, string>) {
  const id = ++current;
  list.replaceChildren();
  suggest.replaceChildren();
  suggest.hidden = true;
  more.hidden = true;
  shown = 0;
  if (q.trim() === '') {
    status.textContent = '请输入要查找的字词。';
    return;
  }
  status.textContent = '正在搜索……';
  const reply = await ask({ type: 'search', q, filters, count: PAGE_SIZE });
  if (id !== current) return;
  if (reply.type === 'error') {
    status.textContent = '搜索暂时无法使用，请稍后再试。';
    return;
  }
  if (reply.type !== 'results') return;
  total = reply.total;
  const what = reply.terms.map((t) => `“${t}”`).join('和');
  const scope = (Object.keys(filters).length > 0 ? '（已按筛选条件）' : '') + (reply.truncated ? '（查找内容过长，只按前几个词、每词前 64 个字查找）' : '');
  status.textContent =
    (total === 0 ? `没有找到包含${what}的页面${scope}，共 0 个。` : `找到 ${total} 个包含${what}的页面${scope}。`) + foldNote(reply.folded, reply.terms, reply.results);
  if (total === 0) suggestInto(reply.suggestions);
  render(reply.results);
  shown = reply.results.length;
  more.hidden = shown >= total;
}

more.addEventListener('click', async () => {
  const id = current;
  more.disabled = true;
  const reply = await ask({ type: 'more', from: shown, count: PAGE_SIZE });
  more.disabled = false;
  if (id !== current || reply.type !== 'results') return;
  const links = render(reply.results);
  shown += reply.results.length;
  more.hidden = shown >= total;
  links[0]?.focus();
});

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const { q, filters } = fromForm();
  const url = new URL('/search/', location.href);
  if (q) url.searchParams.set('q', q);
  for (const [k, v] of Object.entries(filters)) url.searchParams.set(k, v);
  history.pushState(null, '', url);
  void run(q, filters);
});

form.addEventListener('change', (e) => {
  if ((e.target as HTMLElement).tagName === 'SELECT' && input.value.trim() !== '') form.requestSubmit();
});

window.addEventListener('popstate', () => {
  const { q, filters } = params();
  fillForm(q, filters);
  void run(q, filters);
});

const initial = params();
fillForm(initial.q, initial.filters);
if (initial.q) void run(initial.q, initial.filters);
else input.focus();
